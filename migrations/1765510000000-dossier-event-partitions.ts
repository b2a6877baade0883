import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `dossier_id, actor_id, actor_role, action, from_status, to_status, reason, details, request_id, occurred_at`;

/**
 * The dossier history partitioned by month of `occurred_at` (Viet Nam's months), so that old
 * months can be kept, archived or dropped whole. The primary key becomes (id, occurred_at), as a
 * partitioned table's keys must hold the partition column; nothing references dossier_event by a
 * foreign key. Ids keep coming from one sequence, continuing after the highest id kept.
 *
 * `dossier_event_add_partitions(first, last)` makes the monthly partitions from the month of
 * `first` to that of `last` that do not exist yet; the migration makes those of the two years past
 * (or from the oldest event, if older) to twelve months ahead, and `cli.js partitions` (npm run
 * db:partitions) the next twelve months — run it monthly. An event outside every month lands in
 * `dossier_event_default`; a month cannot be added while the default holds events of it.
 */
export class DossierEventPartitions1765510000000 implements MigrationInterface {
  name = 'DossierEventPartitions1765510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_event RENAME TO dossier_event_unpartitioned`);
    await db.query(`ALTER INDEX dossier_event_pkey RENAME TO dossier_event_unpartitioned_pkey`);
    await db.query(`ALTER INDEX dossier_event_timeline RENAME TO dossier_event_unpartitioned_timeline`);
    await db.query(`CREATE SEQUENCE dossier_event_id_sequence AS bigint`);
    await db.query(`
      CREATE TABLE dossier_event (
        id          bigint NOT NULL DEFAULT nextval('dossier_event_id_sequence'),
        dossier_id  uuid NOT NULL REFERENCES dossier (id),
        actor_id    uuid REFERENCES app_user (id),
        actor_role  varchar(16) NOT NULL,
        action      varchar(64) NOT NULL,
        from_status varchar(32),
        to_status   varchar(32),
        reason      text,
        details     jsonb,
        request_id  varchar(64),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, occurred_at)
      ) PARTITION BY RANGE (occurred_at)`);
    await db.query(`ALTER SEQUENCE dossier_event_id_sequence OWNED BY dossier_event.id`);
    await db.query(`CREATE TABLE dossier_event_default PARTITION OF dossier_event DEFAULT`);
    await db.query(`
      CREATE FUNCTION dossier_event_add_partitions(first_day date, last_day date) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        m date := date_trunc('month', first_day)::date;
        made integer := 0;
      BEGIN
        WHILE m <= last_day LOOP
          IF to_regclass(format('dossier_event_%s', to_char(m, 'YYYY_MM'))) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF dossier_event FOR VALUES FROM (%L) TO (%L)',
              format('dossier_event_%s', to_char(m, 'YYYY_MM')),
              m::timestamp AT TIME ZONE INTERVAL '+07:00',
              (m + interval '1 month')::timestamp AT TIME ZONE INTERVAL '+07:00');
            made := made + 1;
          END IF;
          m := (m + interval '1 month')::date;
        END LOOP;
        RETURN made;
      END $$`);
    await db.query(`
      SELECT dossier_event_add_partitions(
        report_day(least((SELECT min(occurred_at) FROM dossier_event_unpartitioned), now() - interval '2 years')),
        report_day(now() + interval '12 months'))`);
    await db.query(
      `INSERT INTO dossier_event (id, ${COLUMNS}) SELECT id, ${COLUMNS} FROM dossier_event_unpartitioned ORDER BY id`,
    );
    await db.query(
      `SELECT setval('dossier_event_id_sequence', coalesce((SELECT max(id) FROM dossier_event), 0) + 1, false)`,
    );
    await db.query(`DROP TABLE dossier_event_unpartitioned`);
    await db.query(`CREATE INDEX dossier_event_timeline ON dossier_event (dossier_id, id)`);
    // Append-only, as before.
    await db.query(`
      CREATE TRIGGER dossier_event_no_change BEFORE UPDATE OR DELETE ON dossier_event
      FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier_event RENAME TO dossier_event_partitioned`);
    await db.query(`ALTER INDEX dossier_event_pkey RENAME TO dossier_event_partitioned_pkey`);
    await db.query(`ALTER INDEX dossier_event_timeline RENAME TO dossier_event_partitioned_timeline`);
    await db.query(`
      CREATE TABLE dossier_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dossier_id  uuid NOT NULL REFERENCES dossier (id),
        actor_id    uuid REFERENCES app_user (id),
        actor_role  varchar(16) NOT NULL,
        action      varchar(64) NOT NULL,
        from_status varchar(32),
        to_status   varchar(32),
        reason      text,
        details     jsonb,
        request_id  varchar(64),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `INSERT INTO dossier_event (id, ${COLUMNS}) OVERRIDING SYSTEM VALUE
       SELECT id, ${COLUMNS} FROM dossier_event_partitioned ORDER BY id`,
    );
    await db.query(
      `SELECT setval(pg_get_serial_sequence('dossier_event', 'id'), coalesce((SELECT max(id) FROM dossier_event), 0) + 1, false)`,
    );
    await db.query(`DROP TABLE dossier_event_partitioned`);
    await db.query(`DROP FUNCTION dossier_event_add_partitions`);
    await db.query(`CREATE INDEX dossier_event_timeline ON dossier_event (dossier_id, id)`);
    await db.query(`
      CREATE TRIGGER dossier_event_no_change BEFORE UPDATE OR DELETE ON dossier_event
      FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`);
  }
}
