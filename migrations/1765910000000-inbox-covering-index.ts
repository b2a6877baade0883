import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The back office's inbox read from one index: a ward's dossiers by status in the inbox's order, carrying
 * what the tabs are counted by (procedure, step, due date) and what a clerk searches (code, names), so that
 * counting the tabs, finding a page and searching a ward of tens of thousands of dossiers are index-only
 * scans; only the page's 50 dossiers are read from the table.
 */
export class InboxCoveringIndex1765910000000 implements MigrationInterface {
  name = 'InboxCoveringIndex1765910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_inbox`);
    await db.query(`
      CREATE INDEX dossier_inbox ON dossier (unit_code, status, due_at, submitted_at)
        INCLUDE (id, procedure_code, step, code, subject_name, applicant_name)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_inbox`);
    await db.query(`CREATE INDEX dossier_inbox ON dossier (unit_code, status, due_at)`);
  }
}
