/**
 * The procedures the portal takes online applications for, by code. Apart from the form schemas
 * (birth-registration.ts), so that a page which only needs to know a code (the procedure page's "Apply"
 * button) does not download zod and every schema with it.
 */
export const BIRTH_REGISTRATION = '1.001193';
export const LINKED_BIRTH_REGISTRATION = 'LT.KS-TT-BHYT';

/** The procedures that have an online application form (its pages: `formSteps` in birth-registration.ts). */
export const ONLINE_FORM_PROCEDURES: readonly string[] = [BIRTH_REGISTRATION, LINKED_BIRTH_REGISTRATION];

export function hasOnlineForm(procedureCode: string): boolean {
  return ONLINE_FORM_PROCEDURES.includes(procedureCode);
}
