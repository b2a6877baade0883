import { BIRTH_REGISTRATION, DEATH_REGISTRATION } from '../procedure-codes';
import { birthRegistrationDemo } from './birth-registration/demo';
import { deathRegistrationDemo } from './death-registration/demo';
import type { DemoContext, DemoPeople } from './demo-people';
import type { ApplicationData } from './procedure-form';

/**
 * The procedures that demonstration data (`cli.js demo-data`) fills, each with how one of its
 * applications is made up, and how often it comes (births are far more common than deaths).
 */
export interface ProcedureDemo {
  /** How common the procedure is, relative to the others. */
  weight: number;
  /** How many days before the application the registered event happened. */
  eventDaysBefore(people: DemoPeople): number;
  application(ctx: DemoContext): ApplicationData;
}

export const procedureDemos: Record<string, ProcedureDemo> = {
  // Most births are registered within the 60 days the law allows; about one in eight is late.
  [BIRTH_REGISTRATION]: {
    weight: 3,
    eventDaysBefore: (people) => (people.chance(0.12) ? people.int(70, 300) : people.int(3, 55)),
    application: birthRegistrationDemo,
  },
  [DEATH_REGISTRATION]: {
    weight: 1,
    eventDaysBefore: (people) => people.int(1, 12),
    application: deathRegistrationDemo,
  },
};
