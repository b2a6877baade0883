import { todayInVietnam } from '@portal/contracts';
import type { DataSource } from 'typeorm';
import { EPOCH } from './segments';

/** The counters of `report_count`, as the migrations that made them name them (form 06's, then the index's). */
export const REPORT_MEASURES = [
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
  'intake_eid',
  'intake_digitised',
  'closed_dissatisfied',
] as const;

export interface ReportDifference {
  grain: 'd' | 'm' | 'y' | 't' | 'p';
  bucket: string;
  unitCode: string;
  procedureCode: string;
  channel: string;
  measure: (typeof REPORT_MEASURES)[number];
  kept: number;
  counted: number;
}

const KEY = ['grain', 'bucket', 'unit_code', 'procedure_code', 'channel'];

/** Every counter of every bucket, counted from the dossier table with the definitions the triggers use. */
const counted = () => {
  const sums = REPORT_MEASURES.map((m) => `sum(c.${m})::int AS ${m}`).join(', ');
  const rollUp = (grain: string, bucket: string, from: string, join = '') => `
    SELECT '${grain}'::char(1) AS grain, ${bucket} AS bucket, c.unit_code, c.procedure_code, c.channel, ${sums}
      FROM ${from} c${join} GROUP BY 2, 3, 4, 5`;
  // Summed by day once, the months from the days, the years, all time and what came before each kept month start
  // (grain p: every month before it) from the months.
  return `
  WITH days AS MATERIALIZED (
    SELECT c.day, c.unit_code, c.procedure_code, c.channel, ${sums}
      FROM dossier d CROSS JOIN LATERAL report_contributions(d, 1) c
     GROUP BY 1, 2, 3, 4),
  months AS MATERIALIZED (${rollUp('m', `date_trunc('month', c.day)::date`, 'days')})
  ${rollUp('d', 'c.day', 'days')}
  UNION ALL SELECT * FROM months
  UNION ALL ${rollUp('y', `date_trunc('year', c.bucket)::date`, 'months')}
  UNION ALL ${rollUp('t', `DATE '${EPOCH}'`, 'months')}
  UNION ALL ${rollUp('p', 'k.month', 'months', ' JOIN report_prefix_month k ON c.bucket < k.month')}`;
};

/**
 * Every counter the triggers keep, against the same counters computed afresh from every dossier
 * (`report_contributions` over the dossier table, summed by day, month, year and all time): the differences,
 * none when the aggregates are right. Reads the whole dossier table: an operator's check, not a request's.
 */
export async function checkReportAggregates(dataSource: DataSource): Promise<ReportDifference[]> {
  const rows = (await dataSource.query(`
    WITH counted AS (${counted()})
    SELECT ${KEY.map((k) => `coalesce(k.${k}, n.${k}) AS ${k}`).join(', ')},
           ${REPORT_MEASURES.map((m) => `coalesce(k.${m}, 0) AS kept_${m}, coalesce(n.${m}, 0) AS counted_${m}`).join(', ')}
      FROM report_count k
      FULL JOIN counted n ON ${KEY.map((k) => `n.${k} = k.${k}`).join(' AND ')}
     WHERE ${REPORT_MEASURES.map((m) => `coalesce(k.${m}, 0) <> coalesce(n.${m}, 0)`).join(' OR ')}
     ORDER BY 1, 2, 3, 4, 5`)) as Record<string, string | number | Date>[];
  const differences: ReportDifference[] = [];
  for (const row of rows) {
    for (const measure of REPORT_MEASURES) {
      const kept = Number(row[`kept_${measure}`]);
      const counted = Number(row[`counted_${measure}`]);
      if (kept === counted) continue;
      const day = row['bucket'];
      differences.push({
        grain: row['grain'] as ReportDifference['grain'],
        bucket: day instanceof Date ? localDate(day) : String(day),
        unitCode: String(row['unit_code']),
        procedureCode: String(row['procedure_code']),
        channel: String(row['channel']),
        measure,
        kept,
        counted,
      });
    }
  }
  return differences;
}

/**
 * Every counter computed afresh from the dossiers, replacing what `report_count` holds, in one transaction
 * (the report's readers wait for it). For after a bulk load made with the counting triggers disabled
 * (`ALTER TABLE dossier DISABLE TRIGGER report_count_inserted`, then ENABLE): much faster than counting
 * dossier by dossier. Answers how many counter rows there are.
 */
export async function rebuildReportAggregates(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`LOCK TABLE report_count IN EXCLUSIVE MODE`);
    await manager.query(`DELETE FROM report_count`);
    const inserted = (await manager.query(`
      INSERT INTO report_count (grain, bucket, unit_code, procedure_code, channel, ${REPORT_MEASURES.join(', ')})
      SELECT * FROM (${counted()}) n
       WHERE ${REPORT_MEASURES.map((m) => `n.${m} <> 0`).join(' OR ')}
      RETURNING 1`)) as unknown[];
    // The month starts not kept yet, up to today's (the ones kept were counted above).
    return inserted.length + (await keepMonthStarts(manager));
  });
}

/**
 * Keeps what was open at the start of every month up to today's (Viet Nam) that is not kept yet
 * (ReportOpenAtMonthStart1765940000000, docs/reports.md): answers how many counter rows it made. The worker
 * calls it every hour; a month's first call makes its rows (a few hundred milliseconds for the whole country).
 */
export async function keepMonthStarts(db: Pick<DataSource, 'query'>, today = todayInVietnam()): Promise<number> {
  const [row] = (await db.query(`SELECT report_prefix_materialize($1::date) AS made`, [today])) as Array<{
    made: number;
  }>;
  return row?.made ?? 0;
}

/** node-postgres reads a `date` as local midnight. */
function localDate(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** One line per difference, for the operator's command. */
export function describeDifference(d: ReportDifference): string {
  return `${d.grain} ${d.bucket} ${d.unitCode} ${d.procedureCode} ${d.channel} ${d.measure}: kept ${d.kept}, counted ${d.counted}`;
}
