/**
 * The automatic intake checks of a submitted birth registration, as plain rules:
 * are the papers the application needs attached, and has the same child (name,
 * date of birth and mother or father) already been registered or applied for?
 */
export interface IntakeFacts {
  /** Online, the papers must be uploaded; at the counter the clerk has seen the originals. */
  channel: string;
  papersAttached: string[];
  bothParentsNamed: boolean;
  duplicates: string[];
}

export interface IntakeResult {
  papersComplete: boolean;
  missingPapers: string[];
  duplicateOf: string[];
}

export function intakeResult(facts: IntakeFacts): IntakeResult {
  const needed =
    facts.channel === 'counter'
      ? []
      : ['medical_birth_certificate', ...(facts.bothParentsNamed ? ['marriage_certificate'] : [])];
  const missingPapers = needed.filter((paper) => !facts.papersAttached.includes(paper));
  return { papersComplete: missingPapers.length === 0, missingPapers, duplicateOf: facts.duplicates };
}
