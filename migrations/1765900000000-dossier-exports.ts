import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports of a list of dossiers made in the background (the worker's `report-exports` queue): who asked,
 * for what (the drill-down's query, the place already checked against the requester's scope), how far the
 * job has got, and the file it handed back (under UPLOAD_DIR/exports, named by the export's id).
 */
export class DossierExports1765900000000 implements MigrationInterface {
  name = 'DossierExports1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier_export (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by   uuid NOT NULL REFERENCES app_user (id),
        format         text NOT NULL CHECK (format IN ('xlsx', 'csv')),
        language       text NOT NULL CHECK (language IN ('vi', 'en')),
        query          jsonb NOT NULL,
        status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired')),
        total_rows     integer CHECK (total_rows >= 0),
        written_rows   integer NOT NULL DEFAULT 0 CHECK (written_rows >= 0),
        file_name      text NOT NULL,
        size_bytes     bigint CHECK (size_bytes >= 0),
        error          text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz,
        finished_at    timestamptz,
        expires_at     timestamptz,
        CHECK (status <> 'done' OR (size_bytes IS NOT NULL AND finished_at IS NOT NULL AND expires_at IS NOT NULL))
      )
    `);
    await db.query(`CREATE INDEX dossier_export_requester ON dossier_export (requested_by, created_at DESC)`);
    await db.query(`CREATE INDEX dossier_export_expiry ON dossier_export (expires_at) WHERE status = 'done'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dossier_export`);
  }
}
