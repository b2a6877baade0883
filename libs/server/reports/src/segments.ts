/**
 * A period of days cut into the buckets the report's counters are kept in (day, month and year
 * rows of `report_count`), so that a sum over two years reads two year rows instead of 730 day rows.
 * Days are YYYY-MM-DD. Plain TypeScript: no I/O.
 */
export type Grain = 'd' | 'm' | 'y';

/** Every bucket of `grain` from `first` to `last` (bucket dates: the day, the month's or the year's first day). */
export interface Segment {
  grain: Grain;
  first: string;
  last: string;
}

/** The first day the counters can hold; a sum "from the start" begins here. */
export const EPOCH = '1970-01-01';

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

/** Every day a segment covers: its buckets from the first to the end of the last. */
export function daysOf(segment: Segment): { first: string; last: string } {
  const after =
    segment.grain === 'd'
      ? addDays(segment.last, 1)
      : segment.grain === 'm'
        ? addMonths(segment.last, 1)
        : addMonths(segment.last, 12);
  return { first: segment.first, last: addDays(after, -1) };
}
