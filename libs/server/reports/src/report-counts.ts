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

/** A range of buckets read: a segment's, or a kept month start's prefix (grain `p`: every bucket before it). */
type Read = Segment | { grain: 'p'; first: string; last: string };

/** The month starts whose prefixes are kept, per database: once kept, kept for good (never unlisted). */
const keptMonths = new WeakMap<DataSource, Set<string>>();

/** Whether `day` is a month start whose prefix rows `report_count` keeps (ReportOpenAtMonthStart1765940000000). */
async function prefixKept(dataSource: DataSource, day: string): Promise<boolean> {
  if (!day.endsWith('-01')) return false;
  let kept = keptMonths.get(dataSource);
  if (kept?.has(day)) return true;
  const rows = (await dataSource.query(`SELECT 1 FROM report_prefix_month WHERE month = $1::date`, [day])) as unknown[];
  if (!rows.length) return false;
  if (!kept) keptMonths.set(dataSource, (kept = new Set()));
  kept.add(day);
  return true;
}

export interface CellCounts {
  unitCode: string;
  procedureCode: string;
  before: CountsBefore;
  within: CountsWithin & {
    intakeEid: number;
    intakeDigitised: number;
    closedDissatisfied: number;
    /** With `proceduresTogether`: the resolved dossiers' time limits summed (0 otherwise). */
    allowedDays: number;
  };
}

export interface CountsQuery {
  period: { from: string; to: string };
  place: ReportPlace;
  procedureCode?: string;
  channel?: string;
  /** A cell per province (its wards added up) instead of per ward. */
  byProvince?: boolean;
  /**
   * Every procedure of a ward (or province) added up into one cell (procedure `*`), as the citizen-service index
   * wants them — half the rows to read back for the whole country —, with `allowedDays` counted beside:
   * each dossier resolved in the period weighted by its procedure's time limit in working days (this map).
   */
  proceduresTogether?: Map<string, number>;
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
  const ranges = new Map<string, Read & { before: number; within: number }>();
  const add = (segment: Read, before: number, within: number) => {
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
  // What came before a period that starts on a month's first day, from one row per cell when that month start is kept.
  if (await prefixKept(dataSource, query.period.from))
    add({ grain: 'p', first: query.period.from, last: query.period.from }, 1, 0);
  else for (const term of termsBefore(query.period.from, query.today)) add(term, term.weight, 0);
  for (const term of rangeTerms(query.period.from, query.period.to, query.today)) add(term, 0, term.weight);
  // The counters are kept per ward and again per province: one tier is read, never both.
  const [tier, of] = query.byProvince ? ['province', 'u.code'] : ['commune', 'u.parent_code'];
  const place = query.place.unitCode
    ? `c.unit_code = $1`
    : `c.unit_code IN (SELECT u.code FROM administrative_unit u WHERE u.tier = '${tier}' AND ($1::text IS NULL OR ${of} = $1))`;
  // The counters are kept per channel and again for every channel together (`*`): one set is read, never both.
  // What was open before the period needs no channel split: the `*` rows, fewer, unless one channel is asked
  // for. Within the period each channel's reception is wanted (form 06's columns 4 and 5): the channels' rows.
  const filters = (side: 'before' | 'within') => `${place}
    AND ($2::text IS NULL OR c.procedure_code = $2)
    AND ${side === 'before' ? `c.channel = coalesce($3::text, '*')` : `c.channel <> '*' AND ($3::text IS NULL OR c.channel = $3)`}`;
  // Each side (before the period: four counters; within it: all of them) is a statement of its own, the two
  // run at once on two connections, and met per cell here. Within a side, a subquery per range: an index range
  // scan apiece (a join with a list of ranges is planned as a table scan).
  const side = async (weight: 'before' | 'within', named: Record<string, string>, extra: string[] = []) => {
    const params: unknown[] = [
      query.place.unitCode ?? query.place.provinceCode,
      query.procedureCode ?? null,
      query.channel ?? null,
    ];
    const columns = [...(weight === 'within' ? ['channel'] : []), ...new Set(Object.values(named))]
      .map((m) => `c.${m}`)
      .join(', ');
    const reads = [...ranges.values()]
      .filter((range) => range[weight] !== 0)
      .map((range) => {
        params.push(range[weight], range.grain, range.first, range.last);
        const n = params.length;
        return `SELECT $${n - 3}::int AS k, c.unit_code, c.procedure_code, ${columns} FROM report_count c
                 WHERE c.grain = $${n - 2} AND c.bucket BETWEEN $${n - 1}::date AND $${n}::date AND ${filters(weight)}`;
      });
    if (!reads.length) return [];
    // Sums as int (a count never nears 2^31): the driver hands numbers back, not strings to parse.
    const sums = [...Object.entries(named).map(([key, m]) => `sum(r.k * r.${m})::int AS "${key}"`), ...extra];
    const keys = sums.map((sum) => sum.slice(sum.lastIndexOf(' AS ') + 4));
    const together = query.proceduresTogether;
    if (together && weight === 'within') {
      const limits = [...together].map(([code, days]) => {
        if (!/^[A-Za-z0-9._-]{1,32}$/.test(code) || !Number.isInteger(days)) throw new Error(`bad time limit ${code}`);
        return `WHEN '${code}' THEN ${days}`;
      });
      sums.push(`sum(r.k * r.closed * CASE r.procedure_code ${limits.join(' ')} ELSE 0 END)::int AS "allowedDays"`);
      keys.push('"allowedDays"');
    } else if (weight === 'within') {
      sums.push(`0 AS "allowedDays"`);
      keys.push('"allowedDays"');
    }
    const cells = together
      ? `SELECT r.unit_code, '*' AS procedure_code, ${sums.join(', ')}
           FROM (${reads.join(' UNION ALL ')}) r GROUP BY r.unit_code`
      : `SELECT r.unit_code, r.procedure_code, ${sums.join(', ')}
           FROM (${reads.join(' UNION ALL ')}) r GROUP BY r.unit_code, r.procedure_code`;
    const grouped = query.byProvince
      ? // The provinces' own rows (one ward's, when one is asked, put under its province): a few dozen rows.
        `SELECT coalesce(u.parent_code, c.unit_code) AS unit_code, c.procedure_code,
                  ${keys.map((key) => `sum(c.${key})::int AS ${key}`).join(', ')}
             FROM (${cells}) c JOIN administrative_unit u ON u.code = c.unit_code
            GROUP BY 1, 2`
      : cells;
    // As one JSON array: parsed in one native call, not field by field (thousands of rows of twenty numbers).
    const [{ rows }] = (await dataSource.query(
      `SELECT coalesce(json_agg(g), '[]') AS rows FROM (${grouped}) g`,
      params,
    )) as Array<{ rows: Array<Record<string, string | number>> }>;
    return rows;
  };
  const [beforeRows, withinRows] = await Promise.all([
    side('before', BEFORE),
    side(
      'within',
      WITHIN,
      Object.entries(CHANNEL_INTAKE).map(
        ([key, channel]) => `coalesce(sum(r.k * r.intake) FILTER (WHERE r.channel = '${channel}'), 0)::int AS "${key}"`,
      ),
    ),
  ]);
  // Thousands of cells for the whole country: the driver's rows are used as they come (every sum is there, an int),
  // a cell one side did not read gets that side's zeros.
  const zeros = (keys: string[]) => Object.freeze(Object.fromEntries(keys.map((key) => [key, 0])));
  const noBefore = zeros(Object.keys(BEFORE)) as unknown as CountsBefore;
  const noWithin = zeros([
    ...Object.keys(WITHIN),
    ...Object.keys(CHANNEL_INTAKE),
    'allowedDays',
  ]) as unknown as CellCounts['within'];
  const cells = new Map<
    string,
    {
      unitCode: string;
      procedureCode: string;
      before?: Record<string, string | number>;
      within?: Record<string, string | number>;
    }
  >();
  const cellOf = (row: Record<string, string | number>) => {
    const key = `${row['unit_code']}\u0000${row['procedure_code']}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { unitCode: String(row['unit_code']), procedureCode: String(row['procedure_code']) };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const row of beforeRows) cellOf(row).before = row;
  for (const row of withinRows) cellOf(row).within = row;
  return [...cells.values()]
    .sort((a, b) =>
      a.unitCode === b.unitCode
        ? a.procedureCode < b.procedureCode
          ? -1
          : a.procedureCode > b.procedureCode
            ? 1
            : 0
        : a.unitCode < b.unitCode
          ? -1
          : 1,
    )
    .map((cell) => ({
      unitCode: cell.unitCode,
      procedureCode: cell.procedureCode,
      before: (cell.before as unknown as CountsBefore | undefined) ?? noBefore,
      within: (cell.within as unknown as CellCounts['within'] | undefined) ?? noWithin,
    }));
}
