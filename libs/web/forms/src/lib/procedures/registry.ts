import type { PageDefinition, ProcedurePages } from '../page-definition';
import { birthRegistrationPages } from './birth-registration';
import { deathRegistrationPages } from './death-registration';
import { linkedBirthRegistrationPages } from './linked-birth-registration';

/** Every procedure's web form, by code: one line per procedure (its schemas: @portal/contracts' registry). */
const registered: ProcedurePages[] = [birthRegistrationPages, linkedBirthRegistrationPages, deathRegistrationPages];

export const procedurePages: Record<string, ProcedurePages> = Object.fromEntries(registered.map((p) => [p.code, p]));

/** The pages of each procedure's form, in order. */
export const formPages: Record<string, PageDefinition[]> = Object.fromEntries(registered.map((p) => [p.code, p.pages]));

export function formPagesOf(procedureCode: string): ProcedurePages | undefined {
  return Object.prototype.hasOwnProperty.call(procedurePages, procedureCode)
    ? procedurePages[procedureCode]
    : undefined;
}
