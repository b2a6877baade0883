/**
 * The procedures the portal takes online applications for, by code. Apart from the form schemas
 * (procedures/registry.ts), so that a page which only needs to know a code (the procedure page's "Apply"
 * button) does not download zod and every schema with it.
 */
export const BIRTH_REGISTRATION = '1.001193';
export const LINKED_BIRTH_REGISTRATION = 'LT.KS-TT-BHYT';
export const DEATH_REGISTRATION = '1.000656';

/** The procedures that have an online application form (their forms: `procedureForms` in procedures/registry.ts). */
export const ONLINE_FORM_PROCEDURES: readonly string[] = [
  BIRTH_REGISTRATION,
  LINKED_BIRTH_REGISTRATION,
  DEATH_REGISTRATION,
];

export function hasOnlineForm(procedureCode: string): boolean {
  return ONLINE_FORM_PROCEDURES.includes(procedureCode);
}
