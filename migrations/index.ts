import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { Accounts1764200000000 } from './1764200000000-accounts';
import { Notifications1764100000000 } from './1764100000000-notifications';

/** Every migration, oldest first. A new migration file is added here too. */
export const migrations = [InitialSchema1764000000000, Notifications1764100000000, Accounts1764200000000];
