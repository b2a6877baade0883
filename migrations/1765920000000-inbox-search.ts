import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a clerk's search matches: the code and both names, lower-cased, one per line (a search never spans two). */
const SEARCH = `lower(code || E'\\n' || coalesce(subject_name, '') || E'\\n' || coalesce(applicant_name, ''))`;
const FINISHED = `('refused', 'processed', 'returned', 'withdrawn', 'stopped')`;

/**
 * The inbox in two indexes: the open dossiers of a ward (a few hundred, whatever its history) and its
 * finished ones (nearly all of them), each in the inbox's order and carrying the lower-cased text a clerk
 * searches, so that the finished tab's page is the first 50 entries of one index, its count an index-only
 * count, and a search a LIKE over the stored text instead of an ILIKE that lower-cases three columns a row.
 */
export class InboxSearch1765920000000 implements MigrationInterface {
  name = 'InboxSearch1765920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_inbox`);
    await db.query(`
      CREATE INDEX dossier_inbox ON dossier (unit_code, status, due_at, submitted_at, (${SEARCH}))
        INCLUDE (id, procedure_code, step, code, subject_name, applicant_name)
        WHERE status NOT IN ${FINISHED}`);
    await db.query(`
      CREATE INDEX dossier_inbox_finished ON dossier (unit_code, due_at, submitted_at, (${SEARCH}))
        INCLUDE (id, procedure_code, code, subject_name, applicant_name)
        WHERE status IN ${FINISHED}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_inbox_finished`);
    await db.query(`DROP INDEX dossier_inbox`);
    await db.query(`
      CREATE INDEX dossier_inbox ON dossier (unit_code, status, due_at, submitted_at)
        INCLUDE (id, procedure_code, step, code, subject_name, applicant_name)`);
  }
}
