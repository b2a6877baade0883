/**
 * The automatic intake checks of a submitted birth registration, as plain rules:
 * are the papers the application needs attached, and has the same child (name,
 * date of birth and mother or father) already been registered or applied for?
 */
export interface IntakeFacts {
  /** What the application must carry (requiredPapers in @portal/contracts). */
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
