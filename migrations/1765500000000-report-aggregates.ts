import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The report's counters, in the order `report_contributions` returns them. */
const MEASURES = [
  'intake',
  'intake_fee',
  'intake_paid',
  'closed',
  'closed_early',
  'closed_on_time',
  'closed_late',
  'closed_days',
  'closed_approved',
  'closed_result',
  'closed_supplement',
  'closed_refused',
  'overdue_from',
  'overdue_closed',
];

const bucketOf = (grain: string, day: string) =>
  `CASE ${grain} WHEN 'd' THEN ${day} WHEN 'm' THEN date_trunc('month', ${day})::date ELSE date_trunc('year', ${day})::date END`;

/** Grouped by bucket and cell, each measure summed; `source` yields report_contributions' columns. */
const grouped = (source: string) => `
  SELECT g.grain, ${bucketOf('g.grain', 'c.day')} AS bucket, c.unit_code, c.procedure_code, c.channel,
         ${MEASURES.map((m) => `sum(c.${m})::int AS ${m}`).join(', ')}
    FROM (${source}) c CROSS JOIN (VALUES ('d'), ('m'), ('y')) AS g (grain)
   GROUP BY 1, 2, 3, 4, 5`;

/**
 * The processing report's aggregates (docs/reports.md), kept current by PostgreSQL itself as
 * dossiers change, whichever code path changes them (workflow, system transitions, seeders, SQL).
 *
 * - Four facts of a dossier that live elsewhere become columns kept by triggers:
 *   `ever_supplement_requested` (set when the status becomes supplement_requested, never unset),
 *   `paid_online` (a payment of the dossier succeeded, refunded or not), `has_result` (a row in
 *   dossier_result) and `processing_days` (working days from reception to finish, fixed when it
 *   finishes with the holiday calendar of that moment).
 * - `report_facts(dossier)`: the days a dossier counts on (reception, close, overdue from / until)
 *   and how it finished; the drill-down, the check and the trigger all use it.
 * - `report_count`: counters per cell (ward, procedure, channel) and bucket — a day (`d`), a month
 *   (`m`) or a year (`y`) — so that any sum over a period reads a few buckets of each grain.
 * - The trigger on dossier subtracts the old row's contributions and adds the new row's.
 */
export class ReportAggregates1765500000000 implements MigrationInterface {
  name = 'ReportAggregates1765500000000';

  async up(db: QueryRunner): Promise<void> {
    // Viet Nam's calendar day of an instant (UTC+7 all year).
    await db.query(`
      CREATE FUNCTION report_day(instant timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (instant AT TIME ZONE INTERVAL '+07:00')::date`);
    // Working days after `from_day` up to and including `to_day`: Monday to Friday, less the holiday calendar.
    await db.query(`
      CREATE FUNCTION report_working_days(from_day date, to_day date) RETURNS integer
      LANGUAGE sql STABLE PARALLEL SAFE
      RETURN (SELECT count(*)::int FROM generate_series(from_day + 1, to_day, interval '1 day') AS g (day)
               WHERE extract(isodow FROM g.day) < 6 AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.day = g.day::date))`);

    await db.query(`
      ALTER TABLE dossier
        ADD COLUMN ever_supplement_requested boolean NOT NULL DEFAULT false,
        ADD COLUMN paid_online boolean NOT NULL DEFAULT false,
        ADD COLUMN has_result boolean NOT NULL DEFAULT false,
        ADD COLUMN processing_days integer`);
    await db.query(`
      UPDATE dossier d SET
        ever_supplement_requested = d.status = 'supplement_requested' OR EXISTS (
          SELECT 1 FROM dossier_event e WHERE e.dossier_id = d.id AND e.to_status = 'supplement_requested'),
        paid_online = EXISTS (
          SELECT 1 FROM payment p WHERE p.dossier_id = d.id AND p.state IN ('succeeded', 'refunded')),
        has_result = EXISTS (SELECT 1 FROM dossier_result r WHERE r.dossier_id = d.id),
        processing_days = CASE WHEN d.finished_at IS NOT NULL THEN
          report_working_days(report_day(coalesce(d.received_at, d.finished_at)), report_day(d.finished_at)) END`);

    await db.query(`
      CREATE FUNCTION dossier_report_flags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.ever_supplement_requested := NEW.ever_supplement_requested OR NEW.status = 'supplement_requested'
          OR (TG_OP = 'UPDATE' AND OLD.ever_supplement_requested);
        IF TG_OP = 'INSERT' OR NEW.finished_at IS DISTINCT FROM OLD.finished_at
           OR NEW.received_at IS DISTINCT FROM OLD.received_at THEN
          NEW.processing_days := CASE WHEN NEW.finished_at IS NOT NULL THEN
            report_working_days(report_day(coalesce(NEW.received_at, NEW.finished_at)), report_day(NEW.finished_at)) END;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_report_flags BEFORE INSERT OR UPDATE ON dossier
      FOR EACH ROW EXECUTE FUNCTION dossier_report_flags()`);
    await db.query(`
      CREATE FUNCTION payment_report_flag() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE dossier d SET paid_online = EXISTS (
            SELECT 1 FROM payment p WHERE p.dossier_id = d.id AND p.state IN ('succeeded', 'refunded'))
         WHERE d.id = NEW.dossier_id AND d.paid_online IS DISTINCT FROM EXISTS (
            SELECT 1 FROM payment p WHERE p.dossier_id = d.id AND p.state IN ('succeeded', 'refunded'));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER payment_report_flag AFTER INSERT OR UPDATE OF state ON payment
      FOR EACH ROW EXECUTE FUNCTION payment_report_flag()`);
    await db.query(`
      CREATE FUNCTION dossier_result_report_flag() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE dossier SET has_result = true WHERE id = NEW.dossier_id AND NOT has_result;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_result_report_flag AFTER INSERT ON dossier_result
      FOR EACH ROW EXECUTE FUNCTION dossier_result_report_flag()`);

    // A dossier enters the report when the ward receives it, or, refused at reception, on the day it is refused.
    await db.query(`
      CREATE FUNCTION report_facts(d dossier)
      RETURNS TABLE (intake_day date, finish_day date, due_day date, close_day date, timeliness text,
                     overdue_from_day date, overdue_close_day date)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT i.intake_day, i.finish_day, i.due_day, c.close_day,
               CASE WHEN i.finish_day IS NULL THEN NULL
                    WHEN d.status IN ('refused', 'withdrawn') OR i.due_day IS NULL THEN 'on_time'
                    WHEN i.finish_day < i.due_day THEN 'early'
                    WHEN i.finish_day = i.due_day THEN 'on_time'
                    ELSE 'late' END,
               c.overdue_from_day,
               CASE WHEN c.close_day IS NOT NULL AND c.overdue_from_day IS NOT NULL
                    THEN greatest(c.overdue_from_day, c.close_day) END
          FROM (SELECT report_day(coalesce(d.received_at, CASE WHEN d.status = 'refused' THEN d.finished_at END)) AS intake_day,
                       report_day(d.finished_at) AS finish_day, report_day(d.due_at) AS due_day) i
          CROSS JOIN LATERAL (
                SELECT CASE WHEN i.finish_day IS NOT NULL THEN greatest(i.intake_day, i.finish_day) END AS close_day,
                       -- Open and past its due day from the day after it; waiting for papers is never overdue.
                       CASE WHEN i.due_day IS NOT NULL AND d.status <> 'supplement_requested'
                            THEN greatest(i.intake_day, i.due_day + 1) END AS overdue_from_day) c
         WHERE i.intake_day IS NOT NULL
      $$`);
    // What one dossier adds to the counters: a row per day it counts on, times `weight` (1 or -1).
    await db.query(`
      CREATE FUNCTION report_contributions(d dossier, weight integer)
      RETURNS TABLE (unit_code varchar, procedure_code varchar, channel varchar, day date,
                     ${MEASURES.map((m) => `${m} integer`).join(', ')})
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT d.unit_code, d.procedure_code, d.channel, x.day,
               ${MEASURES.map((m) => `x.${m} * weight`).join(', ')}
          FROM report_facts(d) f
          CROSS JOIN LATERAL (VALUES
            (f.intake_day, 1, (d.fee_amount > 0)::int, (d.fee_amount > 0 AND d.paid_online)::int,
             0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            (f.close_day, 0, 0, 0,
             1, (f.timeliness = 'early')::int, (f.timeliness = 'on_time')::int, (f.timeliness = 'late')::int,
             coalesce(d.processing_days, 0),
             (d.status IN ('processed', 'returned'))::int,
             (d.status IN ('processed', 'returned') AND d.has_result)::int,
             d.ever_supplement_requested::int,
             (d.status IN ('refused', 'stopped'))::int,
             0, 0),
            (f.overdue_from_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
            (f.overdue_close_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
          ) AS x (day, ${MEASURES.join(', ')})
         WHERE x.day IS NOT NULL
      $$`);

    await db.query(`
      CREATE TABLE report_count (
        grain          char(1) NOT NULL CHECK (grain IN ('d', 'm', 'y')),
        bucket         date NOT NULL,
        unit_code      varchar(10) NOT NULL,
        procedure_code varchar(32) NOT NULL,
        channel        varchar(16) NOT NULL,
        ${MEASURES.map((m) => `${m} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (grain, bucket, unit_code, procedure_code, channel),
        CHECK (bucket = ${bucketOf('grain', 'bucket')})
      )`);
    // A ward's report reads its own rows.
    await db.query(`CREATE INDEX report_count_unit ON report_count (unit_code, grain, bucket)`);

    const upsert = (source: string) => `
      INSERT INTO report_count AS r (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
      SELECT * FROM (${grouped(source)}) s
       WHERE ${MEASURES.map((m) => `s.${m} <> 0`).join(' OR ')}
       ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (grain, bucket, unit_code, procedure_code, channel) DO UPDATE SET
        ${MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(',\n        ')}`;
    await db.query(upsert(`SELECT c.* FROM dossier d CROSS JOIN LATERAL report_contributions(d, 1) c`));
    // Rows are taken in key order, so two transactions never wait for each other's rows crosswise.
    await db.query(`
      CREATE FUNCTION report_count_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(`
          SELECT * FROM report_contributions(NEW, 1) WHERE TG_OP <> 'DELETE'
          UNION ALL
          SELECT * FROM report_contributions(OLD, -1) WHERE TG_OP <> 'INSERT'`)};
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER report_count_dossier
      AFTER INSERT OR DELETE OR UPDATE OF status, channel, unit_code, procedure_code, received_at, due_at,
        finished_at, fee_amount, paid_online, has_result, ever_supplement_requested
      ON dossier FOR EACH ROW EXECUTE FUNCTION report_count_dossier()`);
    await db.query(`
      CREATE FUNCTION report_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_count;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER report_count_truncate AFTER TRUNCATE ON dossier
      FOR EACH STATEMENT EXECUTE FUNCTION report_count_truncate()`);

    // The drill-down: dossiers by the day they entered and the day they closed.
    await db.query(`
      CREATE INDEX dossier_report_intake ON dossier (
        report_day(coalesce(received_at, CASE WHEN status = 'refused' THEN finished_at END)), unit_code)`);
    await db.query(`CREATE INDEX dossier_report_finish ON dossier (report_day(finished_at), unit_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_report_finish`);
    await db.query(`DROP INDEX dossier_report_intake`);
    await db.query(`DROP TRIGGER report_count_truncate ON dossier`);
    await db.query(`DROP FUNCTION report_count_truncate`);
    await db.query(`DROP TRIGGER report_count_dossier ON dossier`);
    await db.query(`DROP FUNCTION report_count_dossier`);
    await db.query(`DROP TABLE report_count`);
    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(`DROP FUNCTION report_facts`);
    await db.query(`DROP TRIGGER dossier_result_report_flag ON dossier_result`);
    await db.query(`DROP FUNCTION dossier_result_report_flag`);
    await db.query(`DROP TRIGGER payment_report_flag ON payment`);
    await db.query(`DROP FUNCTION payment_report_flag`);
    await db.query(`DROP TRIGGER dossier_report_flags ON dossier`);
    await db.query(`DROP FUNCTION dossier_report_flags`);
    await db.query(`
      ALTER TABLE dossier DROP COLUMN processing_days, DROP COLUMN has_result, DROP COLUMN paid_online,
        DROP COLUMN ever_supplement_requested`);
    await db.query(`DROP FUNCTION report_working_days`);
    await db.query(`DROP FUNCTION report_day`);
  }
}
