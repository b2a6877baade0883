import { InitialSchema1764000000000 } from './1764000000000-initial-schema';

/** Every migration, oldest first. A new migration file is added here too. */
export const migrations = [InitialSchema1764000000000];
