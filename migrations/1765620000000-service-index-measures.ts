import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The report's counters before this migration, in the order report_contributions returned them. */
export const FORM06_MEASURES = [
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
/** The citizen-service index's own counters (docs/reports.md), after form 06's. */
export const INDEX_MEASURES = ['intake_eid', 'intake_digitised', 'closed_dissatisfied'];

const bucketOf = (grain: string, day: string) =>
  `CASE ${grain} WHEN 'd' THEN ${day} WHEN 'm' THEN date_trunc('month', ${day})::date
     WHEN 'y' THEN date_trunc('year', ${day})::date ELSE DATE '1970-01-01' END`;

/** As in ReportStatementTriggers1765530000000, over `measures`. */
const upsert = (measures: string[], source: string) => `
    INSERT INTO report_count AS r (grain, bucket, unit_code, procedure_code, channel, ${measures.join(', ')})
    SELECT * FROM (
      SELECT g.grain, ${bucketOf('g.grain', 'c.day')} AS bucket, c.unit_code, c.procedure_code, c.channel,
             ${measures.map((m) => `sum(c.${m})::int AS ${m}`).join(', ')}
        FROM (${source}) c
       CROSS JOIN (VALUES ('d'), ('m'), ('y'), ('t')) AS g (grain)
       GROUP BY 1, 2, 3, 4, 5) s
     WHERE ${measures.map((m) => `s.${m} <> 0`).join(' OR ')}
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, bucket, unit_code, procedure_code, channel) DO UPDATE SET
      ${measures.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(',\n      ')}`;

const added = `SELECT c.* FROM new_rows n CROSS JOIN LATERAL report_contributions(n, 1) c`;
const removed = `SELECT c.* FROM old_rows o CROSS JOIN LATERAL report_contributions(o, -1) c`;

const triggerFunction = (measures: string[]) => `
  CREATE OR REPLACE FUNCTION report_count_dossier_rows() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${upsert(measures, added)};
    ELSIF TG_OP = 'UPDATE' THEN
      ${upsert(measures, `${added} UNION ALL ${removed}`)};
    ELSE
      ${upsert(measures, removed)};
    END IF;
    RETURN NULL;
  END $$`;

/**
 * report_contributions, with the index's three counters after form 06's when `index` is set; with
 * `provinces` (ReportProvinceRollup1765800000000), each contribution once for the ward and once
 * for its province; with `allChannels` (ReportAllChannels1765930000000), each of those once for its channel
 * and once for every channel together (`*`).
 */
export const contributions = (index: boolean, provinces = false, allChannels = false) => {
  const measures = index ? [...FORM06_MEASURES, ...INDEX_MEASURES] : FORM06_MEASURES;
  const more = (...values: string[]) => (index ? `, ${values.join(', ')}` : '');
  return `
    CREATE FUNCTION report_contributions(d dossier, weight integer)
    RETURNS TABLE (unit_code varchar, procedure_code varchar, channel varchar, day date,
                   ${measures.map((m) => `${m} integer`).join(', ')})
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT ${provinces ? 'p.unit_code' : 'd.unit_code'}, d.procedure_code, ${allChannels ? 'ch.channel' : 'd.channel'}, x.day,
             ${measures.map((m) => `x.${m} * weight`).join(', ')}
        FROM report_facts(d) f
        CROSS JOIN LATERAL (VALUES
          (f.intake_day, 1, (d.fee_amount > 0)::int, (d.fee_amount > 0 AND d.paid_online)::int,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0${more('d.applicant_eid_verified::int', 'd.has_uploaded_papers::int', '0')}),
          (f.close_day, 0, 0, 0,
           1, (f.timeliness = 'early')::int, (f.timeliness = 'on_time')::int, (f.timeliness = 'late')::int,
           coalesce(d.processing_days, 0),
           (d.status IN ('processed', 'returned'))::int,
           (d.status IN ('processed', 'returned') AND d.has_result)::int,
           d.ever_supplement_requested::int,
           (d.status IN ('refused', 'stopped'))::int,
           0, 0${more('0', '0', 'd.rated_dissatisfied::int')}),
          (f.overdue_from_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0${more('0', '0', '0')}),
          (f.overdue_close_day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1${more('0', '0', '0')})
        ) AS x (day, ${measures.join(', ')})${
          provinces
            ? `
        JOIN administrative_unit u ON u.code = d.unit_code
        CROSS JOIN LATERAL (VALUES (d.unit_code), (u.parent_code)) AS p (unit_code)`
            : ''
        }${
          allChannels
            ? `
        CROSS JOIN LATERAL (VALUES (d.channel), ('*')) AS ch (channel)`
            : ''
        }
       WHERE x.day IS NOT NULL${provinces ? ' AND p.unit_code IS NOT NULL' : ''}
    $$`;
};

/**
 * The citizen-service index's measures (Decision 766, docs/reports.md), kept like form 06's: three
 * facts of a dossier that live elsewhere become columns kept by triggers, and three counters of
 * report_count count them on the days the index needs.
 *
 * - `applicant_eid_verified`: the applicant's account had its identity verified by the national
 *   eID when the dossier was written (4.5) — counted on the reception day as `intake_eid`;
 * - `has_uploaded_papers`: at least one paper of the dossier is an uploaded file (4.2) — `intake_digitised`;
 * - `rated_dissatisfied`: the citizen's rating is 2 or less of 5 (5.4), followed as the rating
 *   changes — `closed_dissatisfied`, on the close day.
 *
 * The counters are then recounted from every dossier, once (the flags were set with the counting trigger off).
 */
export class ServiceIndexMeasures1765620000000 implements MigrationInterface {
  name = 'ServiceIndexMeasures1765620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE dossier
        ADD COLUMN applicant_eid_verified boolean NOT NULL DEFAULT false,
        ADD COLUMN has_uploaded_papers boolean NOT NULL DEFAULT false,
        ADD COLUMN rated_dissatisfied boolean NOT NULL DEFAULT false`);
    await db.query(`
      ALTER TABLE report_count
        ${INDEX_MEASURES.map((m) => `ADD COLUMN ${m} integer NOT NULL DEFAULT 0`).join(',\n        ')}`);

    // The account as it was when the dossier was written (or given another applicant).
    await db.query(`
      CREATE FUNCTION dossier_index_flags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.applicant_id IS DISTINCT FROM OLD.applicant_id THEN
          NEW.applicant_eid_verified := coalesce(
            (SELECT u.identity_verified FROM app_user u WHERE u.id = NEW.applicant_id), false);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_index_flags BEFORE INSERT OR UPDATE OF applicant_id ON dossier
      FOR EACH ROW EXECUTE FUNCTION dossier_index_flags()`);
    // A paper joins (or leaves) a dossier: the dossier's flag follows.
    await db.query(`
      CREATE FUNCTION attachment_index_flag() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        affected uuid;
      BEGIN
        FOREACH affected IN ARRAY ARRAY[
          CASE WHEN TG_OP <> 'DELETE' THEN NEW.dossier_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.dossier_id END]
        LOOP
          CONTINUE WHEN affected IS NULL;
          UPDATE dossier d SET has_uploaded_papers = NOT d.has_uploaded_papers
           WHERE d.id = affected
             AND d.has_uploaded_papers <> EXISTS (SELECT 1 FROM attachment a WHERE a.dossier_id = affected);
        END LOOP;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER attachment_index_flag AFTER INSERT OR DELETE OR UPDATE OF dossier_id ON attachment
      FOR EACH ROW EXECUTE FUNCTION attachment_index_flag()`);
    // A rating given, changed or taken back: the dossier's flag follows, and with it the counters.
    await db.query(`
      CREATE FUNCTION dossier_rating_index_flag() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        affected uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.dossier_id ELSE NEW.dossier_id END;
      BEGIN
        UPDATE dossier d SET rated_dissatisfied = NOT d.rated_dissatisfied
         WHERE d.id = affected
           AND d.rated_dissatisfied <> EXISTS (
             SELECT 1 FROM dossier_rating r WHERE r.dossier_id = affected AND r.score <= 2);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_rating_index_flag AFTER INSERT OR DELETE OR UPDATE OF score ON dossier_rating
      FOR EACH ROW EXECUTE FUNCTION dossier_rating_index_flag()`);

    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(contributions(true));
    await db.query(triggerFunction([...FORM06_MEASURES, ...INDEX_MEASURES]));

    await db.query(`ALTER TABLE dossier DISABLE TRIGGER report_count_updated`);
    await db.query(`
      UPDATE dossier d SET applicant_eid_verified = true
        FROM app_user u WHERE u.id = d.applicant_id AND u.identity_verified`);
    await db.query(`
      UPDATE dossier d SET has_uploaded_papers = true
       WHERE EXISTS (SELECT 1 FROM attachment a WHERE a.dossier_id = d.id)`);
    await db.query(`
      UPDATE dossier d SET rated_dissatisfied = true
       WHERE EXISTS (SELECT 1 FROM dossier_rating r WHERE r.dossier_id = d.id AND r.score <= 2)`);
    await db.query(`ALTER TABLE dossier ENABLE TRIGGER report_count_updated`);
    await db.query(`DELETE FROM report_count`);
    await db.query(
      upsert(
        [...FORM06_MEASURES, ...INDEX_MEASURES],
        `SELECT c.* FROM dossier d CROSS JOIN LATERAL report_contributions(d, 1) c`,
      ),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(contributions(false));
    await db.query(triggerFunction(FORM06_MEASURES));
    await db.query(`DROP TRIGGER dossier_rating_index_flag ON dossier_rating`);
    await db.query(`DROP FUNCTION dossier_rating_index_flag`);
    await db.query(`DROP TRIGGER attachment_index_flag ON attachment`);
    await db.query(`DROP FUNCTION attachment_index_flag`);
    await db.query(`DROP TRIGGER dossier_index_flags ON dossier`);
    await db.query(`DROP FUNCTION dossier_index_flags`);
    await db.query(`ALTER TABLE report_count ${INDEX_MEASURES.map((m) => `DROP COLUMN ${m}`).join(', ')}`);
    // Rows that only counted the index's measures count nothing now.
    await db.query(`DELETE FROM report_count WHERE ${FORM06_MEASURES.map((m) => `${m} = 0`).join(' AND ')}`);
    await db.query(`
      ALTER TABLE dossier DROP COLUMN rated_dissatisfied, DROP COLUMN has_uploaded_papers,
        DROP COLUMN applicant_eid_verified`);
  }
}
