import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (DESIGN.md §3): one row per message to a citizen or officer,
 * written in the transaction of the change it tells about; the worker sends it.
 */
export class Notifications1764100000000 implements MigrationInterface {
  name = 'Notifications1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel    varchar(16) NOT NULL CHECK (channel IN ('email', 'sms')),
        template   varchar(64) NOT NULL,
        language   varchar(2) NOT NULL CHECK (language IN ('vi', 'en')),
        recipient  text NOT NULL,
        params     jsonb NOT NULL DEFAULT '{}',
        status     varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts   integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        dossier_id uuid REFERENCES dossier (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at    timestamptz,
        -- a sent notification says when; an unsent one does not
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    // A dossier's notifications, and the foreign key's own look-ups.
    await db.query(`CREATE INDEX notification_dossier ON notification (dossier_id) WHERE dossier_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification`);
  }
}
