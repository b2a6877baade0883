import type { MigrationInterface, QueryRunner } from 'typeorm';

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
  `CASE ${grain} WHEN 'd' THEN ${day} WHEN 'm' THEN date_trunc('month', ${day})::date
     WHEN 'y' THEN date_trunc('year', ${day})::date ELSE DATE '1970-01-01' END`;

/** Adds `source`'s contributions (report_contributions' columns) to every grain's buckets, in key order. */
const upsert = (source: string) => `
    INSERT INTO report_count AS r (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
    SELECT * FROM (
      SELECT g.grain, ${bucketOf('g.grain', 'c.day')} AS bucket, c.unit_code, c.procedure_code, c.channel,
             ${MEASURES.map((m) => `sum(c.${m})::int AS ${m}`).join(', ')}
        FROM (${source}) c
       CROSS JOIN (VALUES ('d'), ('m'), ('y'), ('t')) AS g (grain)
       GROUP BY 1, 2, 3, 4, 5) s
     WHERE ${MEASURES.map((m) => `s.${m} <> 0`).join(' OR ')}
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, bucket, unit_code, procedure_code, channel) DO UPDATE SET
      ${MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(',\n      ')}`;

const added = `SELECT c.* FROM new_rows n CROSS JOIN LATERAL report_contributions(n, 1) c`;
const removed = `SELECT c.* FROM old_rows o CROSS JOIN LATERAL report_contributions(o, -1) c`;

/**
 * The report counters kept by statement-level triggers with transition tables instead of a row
 * trigger: a statement that writes many dossiers (a seeder, a data fix) makes one grouped upsert
 * instead of one per dossier; a workflow step, which writes one, costs the same. An UPDATE
 * trigger with transition tables cannot name columns, so every UPDATE of dossier is looked at;
 * one that changes nothing the report counts adds nothing (its contributions cancel out).
 */
export class ReportStatementTriggers1765530000000 implements MigrationInterface {
  name = 'ReportStatementTriggers1765530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER report_count_dossier ON dossier`);
    await db.query(`DROP FUNCTION report_count_dossier`);
    await db.query(`
      CREATE FUNCTION report_count_dossier_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsert(added)};
        ELSIF TG_OP = 'UPDATE' THEN
          ${upsert(`${added} UNION ALL ${removed}`)};
        ELSE
          ${upsert(removed)};
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER report_count_inserted AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_count_dossier_rows()`);
    await db.query(`
      CREATE TRIGGER report_count_updated AFTER UPDATE ON dossier REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_count_dossier_rows()`);
    await db.query(`
      CREATE TRIGGER report_count_deleted AFTER DELETE ON dossier REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION report_count_dossier_rows()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER report_count_deleted ON dossier`);
    await db.query(`DROP TRIGGER report_count_updated ON dossier`);
    await db.query(`DROP TRIGGER report_count_inserted ON dossier`);
    await db.query(`DROP FUNCTION report_count_dossier_rows`);
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
  }
}
