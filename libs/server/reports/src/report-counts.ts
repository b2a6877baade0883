import type { DataSource } from 'typeorm';
import type { CountsBefore, CountsWithin } from './figures';
import type { ReportPlace } from './report-scope';
import { rangeTerms, termsBefore, type Segment } from './segments';

/** The counters summed before the period (what was open at its start), by the names `reportFigures` reads. */
const BEFORE = { intake: 'intake', closed: 'closed', overdueFrom: 'overdue_from', overdueClosed: 'overdue_closed' };
/** The counters summed within the period: form 06's, then the citizen-service index's. */
const WITHIN = {
  ...BEFORE,
  intakeFee: 'intake_fee',
  intakePaid: 'intake_paid',
  closedEarly: 'closed_early',
  closedOnTime: 'closed_on_time',
  closedLate: 'closed_late',
  closedDays: 'closed_days',
  closedApproved: 'closed_approved',
  closedResult: 'closed_result',
  closedSupplement: 'closed_supplement',
  closedRefused: 'closed_refused',
  intakeEid: 'intake_eid',
  intakeDigitised: 'intake_digitised',
  closedDissatisfied: 'closed_dissatisfied',
};
/** Reception within the period, by channel. */
const CHANNEL_INTAKE = { intakeOnline: 'online', intakeCounter: 'counter', intakePost: 'post' };

export interface CellCounts {
  unitCode: string;
  procedureCode: string;
  before: CountsBefore;
  within: CountsWithin & { intakeEid: number; intakeDigitised: number; closedDissatisfied: number };
}

export interface CountsQuery {
  period: { from: string; to: string };
  place: ReportPlace;
  procedureCode?: string;
  channel?: string;
  /** A cell per province (its wards added up) instead of per ward. */
  byProvince?: boolean;
  /** Today in Viet Nam (YYYY-MM-DD): the buckets after it hold nothing yet. */
  today: string;
}

/**
 * The counters of `report_count` before the period and within it, per ward (or province) and
 * procedure: each range of buckets the period needs (segments.ts) is read once, weighted for the
 * sum before the period and for the period itself — a few rows per cell whatever the history,
 * never the dossier table. Form 06 and the citizen-service index both read these.
 */
export async function countsByCell(dataSource: DataSource, query: CountsQuery): Promise<CellCounts[]> {
  const ranges = new Map<string, Segment & { before: number; within: number }>();
  const add = (segment: Segment, before: number, within: number) => {
    const key = `${segment.grain} ${segment.first} ${segment.last}`;
    const range = ranges.get(key) ?? {
      grain: segment.grain,
      first: segment.first,
      last: segment.last,
      before: 0,
      within: 0,
    };
    range.before += before;
    range.within += within;
    ranges.set(key, range);
  };
  for (const term of termsBefore(query.period.from, query.today)) add(term, term.weight, 0);
  for (const term of rangeTerms(query.period.from, query.period.to, query.today)) add(term, 0, term.weight);
  // The counters are kept per ward and again per province: one tier is read, never both.
  const params: unknown[] = [
    query.place.unitCode ?? query.place.provinceCode,
    query.procedureCode ?? null,
    query.channel ?? null,
  ];
  const [tier, of] = query.byProvince ? ['province', 'u.code'] : ['commune', 'u.parent_code'];
  const place = query.place.unitCode
    ? `c.unit_code = $1`
    : `c.unit_code IN (SELECT u.code FROM administrative_unit u WHERE u.tier = '${tier}' AND ($1::text IS NULL OR ${of} = $1))`;
  const filters = `${place}
    AND ($2::text IS NULL OR c.procedure_code = $2)
    AND ($3::text IS NULL OR c.channel = $3)`;
  // A subquery per range: an index range scan apiece (a join with a list of ranges is planned as a table scan).
  const reads = [...ranges.values()].map((range) => {
    params.push(range.before, range.within, range.grain, range.first, range.last);
    const n = params.length;
    return `SELECT $${n - 4}::int AS b, $${n - 3}::int AS w, c.* FROM report_count c
             WHERE c.grain = $${n - 2} AND c.bucket BETWEEN $${n - 1}::date AND $${n}::date AND ${filters}`;
  });
  const sums = [
    ...Object.entries(BEFORE).map(([key, m]) => `sum(r.b * r.${m}) AS "b_${key}"`),
    ...Object.entries(WITHIN).map(([key, m]) => `sum(r.w * r.${m}) AS "w_${key}"`),
    ...Object.entries(CHANNEL_INTAKE).map(
      ([key, channel]) => `sum(r.w * r.intake) FILTER (WHERE r.channel = '${channel}') AS "w_${key}"`,
    ),
  ];
  const aliases = sums.map((sum) => sum.slice(sum.lastIndexOf(' AS ') + 4));
  const cells = `SELECT r.unit_code, r.procedure_code, ${sums.join(', ')}
                   FROM (${reads.join(' UNION ALL ')}) r
                  GROUP BY r.unit_code, r.procedure_code`;
  const rows = (await dataSource.query(
    query.byProvince
      ? // The provinces' own rows (one ward's, when one is asked, put under its province): a few dozen rows.
        `SELECT coalesce(u.parent_code, c.unit_code) AS unit_code, c.procedure_code,
                ${aliases.map((alias) => `sum(c.${alias}) AS ${alias}`).join(', ')}
           FROM (${cells}) c JOIN administrative_unit u ON u.code = c.unit_code
          GROUP BY 1, 2 ORDER BY 1, 2`
      : `${cells} ORDER BY 1, 2`,
    params,
  )) as Array<Record<string, string | number | null>>;
  const pick = (row: Record<string, string | number | null>, prefix: string, keys: string[]) =>
    Object.fromEntries(keys.map((key) => [key, Number(row[`${prefix}${key}`] ?? 0)]));
  return rows.map((row) => ({
    unitCode: String(row['unit_code']),
    procedureCode: String(row['procedure_code']),
    before: pick(row, 'b_', Object.keys(BEFORE)) as unknown as CountsBefore,
    within: pick(row, 'w_', [
      ...Object.keys(WITHIN),
      ...Object.keys(CHANNEL_INTAKE),
    ]) as unknown as CellCounts['within'],
  }));
}
