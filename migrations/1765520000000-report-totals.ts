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

/** The trigger function of report_count, counting each contribution once per grain listed. */
const triggerFunction = (grains: string[]) => `
  CREATE OR REPLACE FUNCTION report_count_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO report_count AS r (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
    SELECT * FROM (
      SELECT g.grain, ${bucketOf('g.grain', 'c.day')} AS bucket, c.unit_code, c.procedure_code, c.channel,
             ${MEASURES.map((m) => `sum(c.${m})::int AS ${m}`).join(', ')}
        FROM (SELECT * FROM report_contributions(NEW, 1) WHERE TG_OP <> 'DELETE'
              UNION ALL
              SELECT * FROM report_contributions(OLD, -1) WHERE TG_OP <> 'INSERT') c
       CROSS JOIN (VALUES ${grains.map((g) => `('${g}')`).join(', ')}) AS g (grain)
       GROUP BY 1, 2, 3, 4, 5) s
     WHERE ${MEASURES.map((m) => `s.${m} <> 0`).join(' OR ')}
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, bucket, unit_code, procedure_code, channel) DO UPDATE SET
      ${MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(',\n      ')};
    RETURN NULL;
  END $$`;

/**
 * An all-time total per cell in report_count (grain `t`, bucket 1970-01-01): what came before a
 * recent period is then the total less the few buckets from its start on, instead of every month
 * and year before it (docs/reports.md).
 */
export class ReportTotals1765520000000 implements MigrationInterface {
  name = 'ReportTotals1765520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_grain_check`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_check`);
    await db.query(
      `ALTER TABLE report_count ADD CONSTRAINT report_count_grain_check CHECK (grain IN ('d', 'm', 'y', 't'))`,
    );
    await db.query(
      `ALTER TABLE report_count ADD CONSTRAINT report_count_check CHECK (bucket = ${bucketOf('grain', 'bucket')})`,
    );
    await db.query(`
      INSERT INTO report_count (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
      SELECT 't', DATE '1970-01-01', unit_code, procedure_code, channel, ${MEASURES.map((m) => `sum(${m})`).join(', ')}
        FROM report_count WHERE grain = 'y'
       GROUP BY unit_code, procedure_code, channel`);
    await db.query(triggerFunction(['d', 'm', 'y', 't']));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(triggerFunction(['d', 'm', 'y']));
    await db.query(`DELETE FROM report_count WHERE grain = 't'`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_check`);
    await db.query(`ALTER TABLE report_count DROP CONSTRAINT report_count_grain_check`);
    await db.query(`ALTER TABLE report_count ADD CONSTRAINT report_count_grain_check CHECK (grain IN ('d', 'm', 'y'))`);
    await db.query(`
      ALTER TABLE report_count ADD CONSTRAINT report_count_check CHECK (bucket = CASE grain WHEN 'd' THEN bucket
        WHEN 'm' THEN date_trunc('month', bucket)::date ELSE date_trunc('year', bucket)::date END)`);
  }
}
