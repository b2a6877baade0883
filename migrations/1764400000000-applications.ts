import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online applications: drafts saved page by page (resumable on any device),
 * readable dossier codes counted per province and day, and the facts of a
 * submission that the status lookup and the receipt need.
 */
export class Applications1764400000000 implements MigrationInterface {
  name = 'Applications1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier_draft (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id        uuid NOT NULL REFERENCES app_user (id),
        procedure_code  varchar(32) NOT NULL REFERENCES procedure (code),
        data            jsonb NOT NULL DEFAULT '{}',
        completed_steps text[] NOT NULL DEFAULT '{}',
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        version         integer NOT NULL DEFAULT 1
      )`);
    await db.query(`CREATE INDEX dossier_draft_owner ON dossier_draft (owner_id, updated_at DESC)`);

    await db.query(`
      CREATE TABLE dossier_code_counter (
        prefix varchar(16) PRIMARY KEY,
        last   integer NOT NULL
      )`);

    await db.query(`ALTER TABLE dossier ADD COLUMN contact_phone varchar(20)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN fee_amount integer NOT NULL DEFAULT 0 CHECK (fee_amount >= 0)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN late_registration boolean NOT NULL DEFAULT false`);
    // The public status lookup finds a dossier by its code and the applicant's phone.
    await db.query(`CREATE INDEX dossier_status_lookup ON dossier (code, contact_phone)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_status_lookup`);
    await db.query(`ALTER TABLE dossier DROP COLUMN late_registration`);
    await db.query(`ALTER TABLE dossier DROP COLUMN fee_amount`);
    await db.query(`ALTER TABLE dossier DROP COLUMN contact_phone`);
    await db.query(`DROP TABLE dossier_code_counter`);
    await db.query(`DROP TABLE dossier_draft`);
  }
}
