import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Procedures kept by administrators (`/admin/procedures`): who edited one last and
 * when. Once an administrator has edited a procedure, the demo seeding no longer
 * overwrites its fees, time limit, paper names or whether it takes applications.
 */
export class ProcedureAdministration1764900000000 implements MigrationInterface {
  name = 'ProcedureAdministration1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE procedure
        ADD COLUMN administered_at timestamptz,
        ADD COLUMN administered_by uuid REFERENCES app_user (id)
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE procedure DROP COLUMN administered_by, DROP COLUMN administered_at`);
  }
}
