import type { EntityManager } from 'typeorm';

/** A submitted dossier, as the intake checks see it. */
export interface IntakeDossier {
  id: string;
  procedure_code: string;
  channel: string;
  data: Record<string, unknown>;
  duplicate_keys: string[];
}

/** What the checks found, for the clerk (the intake decides nothing by itself). */
export interface IntakeFindings {
  papersRequired: string[];
  papersAttached: string[];
  duplicates: string[];
}

/** One automatic intake check; a procedure names the ones it runs (`intakeChecks` of its form). */
export interface IntakeCheck {
  run(manager: EntityManager, dossier: IntakeDossier): Promise<Partial<IntakeFindings>>;
}
