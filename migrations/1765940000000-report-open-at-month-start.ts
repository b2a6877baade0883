import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FORM06_MEASURES, INDEX_MEASURES } from './1765620000000-service-index-measures';

const MEASURES = [...FORM06_MEASURES, ...INDEX_MEASURES];

/** One advisory lock: the counting trigger takes it shared, the making of a month's prefix alone. */
const LOCK = '766, 1';

const bucketCheck = (grains: string) => `
  CHECK (bucket = CASE grain WHEN 'd' THEN bucket
    WHEN 'm' THEN date_trunc('month', bucket)::date ${grains.includes('p') ? `WHEN 'p' THEN date_trunc('month', bucket)::date` : ''}
    WHEN 'y' THEN date_trunc('year', bucket)::date ELSE DATE '1970-01-01' END)`;

/**
 * The buckets a contribution on day `c.day` is added to: its day, month, year and all time, and — with
 * `prefixes` — every kept month start after it (grain `p`).
 */
const buckets = (prefixes: boolean) => `
  CROSS JOIN LATERAL (
    SELECT 'd'::char(1), c.day
    UNION ALL SELECT 'm', date_trunc('month', c.day)::date
    UNION ALL SELECT 'y', date_trunc('year', c.day)::date
    UNION ALL SELECT 't', DATE '1970-01-01'${
      prefixes
        ? `
    UNION ALL SELECT 'p', k.month FROM report_prefix_month k WHERE k.month > c.day`
        : ''
    }) AS g (grain, bucket)`;

const upsert = (prefixes: boolean, source: string) => `
    INSERT INTO report_count AS r (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
    SELECT * FROM (
      SELECT g.grain, g.bucket, c.unit_code, c.procedure_code, c.channel,
             ${MEASURES.map((m) => `sum(c.${m})::int AS ${m}`).join(', ')}
        FROM (${source}) c
        ${buckets(prefixes)}
       GROUP BY 1, 2, 3, 4, 5) s
     WHERE ${MEASURES.map((m) => `s.${m} <> 0`).join(' OR ')}
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, bucket, unit_code, procedure_code, channel) DO UPDATE SET
      ${MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(',\n      ')}`;

const added = `SELECT c.* FROM new_rows n CROSS JOIN LATERAL report_contributions(n, 1) c`;
const removed = `SELECT c.* FROM old_rows o CROSS JOIN LATERAL report_contributions(o, -1) c`;

const triggerFunction = (prefixes: boolean) => `
  CREATE OR REPLACE FUNCTION report_count_dossier_rows() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${
      prefixes
        ? `-- Shared: never while a month's prefix is being made, which would not see this statement's counts.
    PERFORM pg_advisory_xact_lock_shared(${LOCK});`
        : ''
    }
    IF TG_OP = 'INSERT' THEN
      ${upsert(prefixes, added)};
    ELSIF TG_OP = 'UPDATE' THEN
      ${upsert(prefixes, `${added} UNION ALL ${removed}`)};
    ELSE
      ${upsert(prefixes, removed)};
    END IF;
    RETURN NULL;
  END $$`;

/**
 * What was open at each month's start, kept (docs/reports.md, "Open at a month's start"): for each month start M
 * listed in `report_prefix_month`, `report_count` holds rows of grain `p` at bucket M with the sum of every
 * counter's buckets before M, per cell (ward or province, procedure, channel and `*`). A report whose period
 * starts on a month's first day — every month, quarter and year — reads what came before it from one row per cell
 * instead of summing the years and months before (the index of every ward of the country: 6,642 rows instead of
 * 46,500).
 *
 * Kept exact by the counting trigger: a contribution on day D is added to the prefix of every listed month after D
 * as well (a change today touches none of them; one dated back — a due day moved, a rating of last month's
 * dossier, a correction — touches the months since). A month is listed by `report_prefix_materialize(today)`, which
 * makes the prefixes of the months up to today's that are not listed yet from the year and month rows (and answers
 * how many rows it made), holding the
 * advisory lock alone so that no counting statement runs between its read and its listing; the worker calls it
 * hourly, the rebuild of the counters and this migration once. A month not listed is read the former way.
 */
export class ReportOpenAtMonthStart1765940000000 implements MigrationInterface {
  name = 'ReportOpenAtMonthStart1765940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_prefix_month (
        month   date PRIMARY KEY CHECK (month = date_trunc('month', month)::date),
        made_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_grain_check`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_check`);
    await db.query(
      `ALTER TABLE report_count ADD CONSTRAINT report_count_grain_check CHECK (grain IN ('d', 'm', 'y', 't', 'p'))`,
    );
    await db.query(`ALTER TABLE report_count ADD CONSTRAINT report_count_check ${bucketCheck('p')}`);
    await db.query(triggerFunction(true));
    await db.query(`
      CREATE FUNCTION report_prefix_materialize(today date) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        first_month date;
        m date;
        made integer := 0;
        rows_made integer;
        locked boolean := false;
      BEGIN
        SELECT min(bucket) INTO first_month FROM report_count WHERE grain = 'm';
        IF first_month IS NULL THEN
          RETURN 0;
        END IF;
        FOR m IN
          SELECT s.month::date FROM generate_series(
                   (first_month + interval '1 month')::timestamp, date_trunc('month', today::timestamp), interval '1 month') s (month)
           WHERE s.month::date NOT IN (SELECT k.month FROM report_prefix_month k)
           ORDER BY 1
        LOOP
          IF NOT locked THEN
            PERFORM pg_advisory_xact_lock(${LOCK});
            locked := true;
          END IF;
          -- Made meanwhile by another caller, which held the lock first.
          CONTINUE WHEN EXISTS (SELECT 1 FROM report_prefix_month k WHERE k.month = m);
          INSERT INTO report_count (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
          SELECT * FROM (
            SELECT 'p'::char(1), m, c.unit_code, c.procedure_code, c.channel,
                   ${MEASURES.map((x) => `sum(c.${x})::int AS ${x}`).join(', ')}
              FROM report_count c
             WHERE (c.grain = 'y' AND c.bucket < date_trunc('year', m)::date)
                OR (c.grain = 'm' AND c.bucket >= date_trunc('year', m)::date AND c.bucket < m)
             GROUP BY 3, 4, 5) s
           WHERE ${MEASURES.map((x) => `s.${x} <> 0`).join(' OR ')}
           ORDER BY 3, 4, 5;
          GET DIAGNOSTICS rows_made = ROW_COUNT;
          INSERT INTO report_prefix_month (month) VALUES (m);
          made := made + rows_made;
        END LOOP;
        RETURN made;
      END $$`);
    await db.query(`SELECT report_prefix_materialize((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_prefix_materialize`);
    await db.query(triggerFunction(false));
    await db.query(`DELETE FROM report_count WHERE grain = 'p'`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_check`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_grain_check`);
    await db.query(
      `ALTER TABLE report_count ADD CONSTRAINT report_count_grain_check CHECK (grain IN ('d', 'm', 'y', 't'))`,
    );
    await db.query(`ALTER TABLE report_count ADD CONSTRAINT report_count_check ${bucketCheck('')}`);
    await db.query(`DROP TABLE report_prefix_month`);
  }
}
