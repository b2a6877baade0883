import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (DESIGN.md §3): the papers a citizen uploads with an application.
 * The bytes live in UPLOAD_DIR under `storage_key`, a random name; the row says
 * whose they are, what they really are (the sniffed type) and, once the
 * application is submitted, which dossier they belong to.
 */
export class Attachments1764250000000 implements MigrationInterface {
  name = 'Attachments1764250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE attachment (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id    uuid NOT NULL REFERENCES app_user (id),
        dossier_id  uuid REFERENCES dossier (id),
        paper_code  varchar(64) NOT NULL CHECK (paper_code ~ '^[a-z0-9_]+$'),
        file_name   text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        mime_type   varchar(64) NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes  integer NOT NULL CHECK (size_bytes > 0),
        sha256      char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE CHECK (storage_key ~ '^[0-9a-f]{32}$'),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // A citizen's uploads, newest first.
    await db.query(`CREATE INDEX attachment_owner ON attachment (owner_id, created_at DESC)`);
    // A dossier's papers, and the foreign key's own look-ups.
    await db.query(`CREATE INDEX attachment_dossier ON attachment (dossier_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE attachment`);
  }
}
