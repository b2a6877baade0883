import { formOf, type IntakeCheckName } from '@portal/contracts';
import { duplicateCheck } from './duplicate-check';
import type { IntakeCheck } from './intake-check';
import { papersCheck } from './papers-check';

/** Every automatic intake check, by the name a procedure's form gives in `intakeChecks`. */
export const intakeChecks: Record<IntakeCheckName, IntakeCheck> = {
  papers: papersCheck,
  duplicates: duplicateCheck,
};

/** The checks a procedure's dossiers go through on submission, in its order. */
export function intakeChecksOf(procedureCode: string): IntakeCheck[] {
  return (formOf(procedureCode)?.intakeChecks ?? []).map((name) => intakeChecks[name]);
}
