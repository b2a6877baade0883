/**
 * A period of days cut into the buckets the report's counters are kept in (day, month and year
 * rows of `report_count`), so that a sum over two years reads two year rows instead of 730 day rows.
 * Days are YYYY-MM-DD. Plain TypeScript: no I/O.
 */
export type Grain = 'd' | 'm' | 'y' | 't';

/**
 * Every bucket of `grain` from `first` to `last` (bucket dates: the day, the month's or the year's first day;
 * `t`, the all-time total, has one bucket, EPOCH).
 */
export interface Segment {
  grain: Grain;
  first: string;
  last: string;
}

/** The first day the counters can hold; a sum "from the start" begins here. */
export const EPOCH = '1970-01-01';
/** Beyond the last day the counters can hold (due days lie ahead, never this far). */
export const FAR = '2199-12-31';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(d: string, days: number): string {
  return day(ms(d) + days * 86_400_000);
}

function addMonths(d: string, months: number): string {
  const date = new Date(ms(d));
  return day(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

const isMonthStart = (d: string) => d.endsWith('-01');
const isYearStart = (d: string) => d.endsWith('-01-01');
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const yearStart = (d: string) => `${d.slice(0, 4)}-01-01`;

/** The buckets that together hold exactly the days from `from` to `to`, both included. */
export function segments(from: string, to: string): Segment[] {
  const out: Segment[] = [];
  let at = from;
  if (at > to) return out;
  // Days up to the next month's start (or to the end).
  if (!isMonthStart(at) || addMonths(at, 1) > addDays(to, 1)) {
    const last = addDays(addMonths(monthStart(at), 1), -1) < to ? addDays(addMonths(monthStart(at), 1), -1) : to;
    out.push({ grain: 'd', first: at, last });
    at = addDays(last, 1);
  }
  const end = addDays(to, 1);
  // Whole months up to the next year's start.
  if (at < end && !isYearStart(at)) {
    let last: string | null = null;
    for (let m = at; m < addMonths(yearStart(at), 12) && addMonths(m, 1) <= end; m = addMonths(m, 1)) last = m;
    if (last) {
      out.push({ grain: 'm', first: at, last });
      at = addMonths(last, 1);
    }
  }
  // Whole years.
  if (at < end && isYearStart(at)) {
    let last: string | null = null;
    for (let y = at; addMonths(y, 12) <= end; y = addMonths(y, 12)) last = y;
    if (last) {
      out.push({ grain: 'y', first: at, last });
      at = addMonths(last, 12);
    }
  }
  // Whole months, then days, of the last part.
  if (at < end && isMonthStart(at)) {
    let last: string | null = null;
    for (let m = at; addMonths(m, 1) <= end; m = addMonths(m, 1)) last = m;
    if (last) {
      out.push({ grain: 'm', first: at, last });
      at = addMonths(last, 1);
    }
  }
  if (at < end) out.push({ grain: 'd', first: at, last: to });
  return out;
}

/** A segment counted with a sign. */
export interface Term extends Segment {
  weight: 1 | -1;
}

/** Every day a segment covers: its buckets from the first to the end of the last. */
export function daysOf(segment: Segment): { first: string; last: string } {
  if (segment.grain === 't') return { first: EPOCH, last: FAR };
  const after =
    segment.grain === 'd'
      ? addDays(segment.last, 1)
      : segment.grain === 'm'
        ? addMonths(segment.last, 1)
        : addMonths(segment.last, 12);
  return { first: segment.first, last: addDays(after, -1) };
}

/**
 * What reading a segment costs, roughly in rows per cell: a month's or a year's bucket holds about as many
 * rows as two days' (every cell active in it); buckets more than five years back or two ahead hold nothing,
 * and days after `today` only the overdue marks of open dossiers.
 */
function cost(segment: Segment, today: string): number {
  if (segment.grain === 't') return 2;
  const lo = `${Number(today.slice(0, 4)) - 5}-01-01`;
  const hi = `${Number(today.slice(0, 4)) + 2}-12-31`;
  const { first, last } = daysOf(segment);
  const from = first < lo ? lo : first;
  const to = last > hi ? hi : last;
  if (from > to) return 0;
  if (segment.grain === 'd') {
    const days = (a: string, b: string) => (a > b ? 0 : (ms(b) - ms(a)) / 86_400_000 + 1);
    const past = days(from, to < today ? to : today);
    return past + (days(from, to) - past) / 4;
  }
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return 2 * (segment.grain === 'm' ? months : Math.ceil(months / 12));
}

const costOf = (terms: Term[], today: string) => terms.reduce((sum, t) => sum + cost(t, today), 0);

/**
 * The days from `from` to `to` as signed buckets, the cheaper way for each part of a month: its days,
 * or the month less the days of it outside the range (1–20 December: the month less 21–31, days not yet
 * come and nearly empty).
 */
export function rangeTerms(from: string, to: string, today: string): Term[] {
  const terms: Term[] = [];
  for (const segment of segments(from, to)) {
    const month = monthStart(segment.first);
    const monthEnd = addDays(addMonths(month, 1), -1);
    if (segment.grain !== 'd' || (segment.first === month && segment.last === monthEnd)) {
      terms.push({ ...segment, weight: 1 });
      continue;
    }
    const direct: Term[] = [{ ...segment, weight: 1 }];
    const viaMonth: Term[] = [{ grain: 'm', first: month, last: month, weight: 1 }];
    if (segment.first > month)
      viaMonth.push({ grain: 'd', first: month, last: addDays(segment.first, -1), weight: -1 });
    if (segment.last < monthEnd)
      viaMonth.push({ grain: 'd', first: addDays(segment.last, 1), last: monthEnd, weight: -1 });
    terms.push(...(costOf(viaMonth, today) < costOf(direct, today) ? viaMonth : direct));
  }
  return terms;
}

/**
 * The sum of every bucket before `start`, the cheaper way: the buckets from the epoch up to the day
 * before, or the all-time total less the buckets from `start` on (a recent period reads a handful).
 */
export function termsBefore(start: string, today: string): Term[] {
  const prefix = rangeTerms(EPOCH, addDays(start, -1), today);
  const suffix: Term[] = [
    { grain: 't', first: EPOCH, last: EPOCH, weight: 1 },
    ...rangeTerms(start, FAR, today).map((t): Term => ({ ...t, weight: t.weight === 1 ? -1 : 1 })),
  ];
  return costOf(suffix, today) < costOf(prefix, today) ? suffix : prefix;
}
