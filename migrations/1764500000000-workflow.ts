import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The back office: the step inside a status (the leader's sign-off), the
 * proposal awaiting signature, who works the dossier, and when the legal clock
 * stopped (waiting for the citizen's papers).
 */
export class Workflow1764500000000 implements MigrationInterface {
  name = 'Workflow1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN step varchar(32) CHECK (step IN ('awaiting_signature'))`);
    await db.query(`ALTER TABLE dossier ADD COLUMN proposal varchar(16) CHECK (proposal IN ('approve', 'refuse'))`);
    await db.query(`ALTER TABLE dossier ADD COLUMN assignee_id uuid REFERENCES app_user (id)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN paused_at timestamptz`);
    await db.query(
      `ALTER TABLE dossier ADD CONSTRAINT dossier_step_in_processing CHECK (step IS NULL OR status = 'processing')`,
    );
    // The inbox search by the child's or the informant's name.
    await db.query(`CREATE INDEX dossier_unit_submitted ON dossier (unit_code, submitted_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_unit_submitted`);
    await db.query(`ALTER TABLE dossier DROP CONSTRAINT dossier_step_in_processing`);
    await db.query(`ALTER TABLE dossier DROP COLUMN paused_at`);
    await db.query(`ALTER TABLE dossier DROP COLUMN assignee_id`);
    await db.query(`ALTER TABLE dossier DROP COLUMN proposal`);
    await db.query(`ALTER TABLE dossier DROP COLUMN step`);
  }
}
