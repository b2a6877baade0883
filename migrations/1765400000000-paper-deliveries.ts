import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clerk's print list: for each signed result whose citizen ordered paper copies or
 * post delivery, how many copies, where to, and how far the ward has got — to print,
 * printed, then handed over at the desk or posted (with the postal reference).
 * Results issued before this migration whose application asked for paper are put on
 * the list, still to print.
 *
 * Also the files an e-mail carries (the electronic receipt attached to the payment
 * e-mail), kept with the notification so that a resend sends the same bytes.
 */
export class PaperDeliveries1765400000000 implements MigrationInterface {
  name = 'PaperDeliveries1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE paper_delivery (
        dossier_id       uuid PRIMARY KEY REFERENCES dossier (id),
        unit_code        varchar(10) NOT NULL REFERENCES administrative_unit (code),
        copies           smallint NOT NULL CHECK (copies BETWEEN 1 AND 20),
        method           varchar(8) NOT NULL CHECK (method IN ('collect', 'post')),
        postal_address   text CHECK (method = 'post' OR postal_address IS NULL),
        state            varchar(16) NOT NULL DEFAULT 'to_print'
                           CHECK (state IN ('to_print', 'printed', 'handed_over', 'posted')),
        queued_at        timestamptz NOT NULL DEFAULT now(),
        printed_at       timestamptz,
        printed_by       uuid REFERENCES app_user (id),
        delivered_at     timestamptz,
        delivered_by     uuid REFERENCES app_user (id),
        postal_reference varchar(32),
        CHECK ((state = 'handed_over') <= (method = 'collect')),
        CHECK ((state = 'posted') <= (method = 'post'))
      )
    `);
    // The list of a ward, one tab (a state) at a time, oldest first.
    await db.query(`CREATE INDEX paper_delivery_list ON paper_delivery (unit_code, state, queued_at)`);
    await db.query(`
      INSERT INTO paper_delivery (dossier_id, unit_code, copies, method, postal_address, queued_at)
      SELECT d.id, d.unit_code,
             CASE WHEN o.method = 'post' THEN GREATEST(1, o.extra) ELSE o.extra END,
             o.method, CASE WHEN o.method = 'post' THEN d.data->'delivery'->>'postalAddress' END, r.created_at
        FROM dossier_result r JOIN dossier d ON d.id = r.dossier_id
        CROSS JOIN LATERAL (
          SELECT CASE WHEN d.data->'delivery'->>'method' = 'post' THEN 'post' ELSE 'collect' END AS method,
                 CASE WHEN jsonb_typeof(d.data->'delivery'->'extraCopies') = 'number'
                      THEN GREATEST(0, (d.data->'delivery'->>'extraCopies')::int) ELSE 0 END AS extra
        ) o
       WHERE o.method = 'post' OR o.extra > 0
    `);

    await db.query(`
      CREATE TABLE notification_attachment (
        notification_id uuid NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
        position        smallint NOT NULL,
        file_name       varchar(120) NOT NULL,
        content_type    varchar(100) NOT NULL,
        content         bytea NOT NULL,
        PRIMARY KEY (notification_id, position)
      )
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_attachment`);
    await db.query(`DROP TABLE paper_delivery`);
  }
}
