/**
 * The automatic intake checks of a submitted dossier, as plain rules: are the
 * papers the application needs attached (the procedure's `requiredPapers`), and
 * has the same event (the procedure's `duplicateKeys`: the same child, the same
 * death) already been registered or applied for?
 */
export interface IntakeFacts {
  /** What the application must carry (requiredPapersOf in @portal/contracts). */
  papersRequired: string[];
  papersAttached: string[];
  duplicates: string[];
}

export interface IntakeResult {
  papersComplete: boolean;
  missingPapers: string[];
  duplicateOf: string[];
}

export function intakeResult(facts: IntakeFacts): IntakeResult {
  const missingPapers = facts.papersRequired.filter((paper) => !facts.papersAttached.includes(paper));
  return { papersComplete: missingPapers.length === 0, missingPapers, duplicateOf: facts.duplicates };
}
