import type { ReportColumn, ReportDossierRow } from '@portal/contracts';
import type { ReportPlace } from './report-scope';

/** What a list of dossiers behind a figure is: the figure, its period, and the report's filters. */
export interface DossierListQuery {
  column: ReportColumn;
  period: { from: string; to: string };
  place: ReportPlace;
  procedureCode?: string | null;
  channel?: string | null;
}

/** The filters as SQL over the dossier `d`, parameters $2–$5. */
const filters = `
      ($2::text IS NULL OR d.unit_code = $2)
  AND ($3::text IS NULL OR d.unit_code IN (SELECT u.code FROM administrative_unit u WHERE u.parent_code = $3))
  AND ($4::text IS NULL OR d.procedure_code = $4)
  AND ($5::text IS NULL OR d.channel = $5)`;

/**
 * Which dossiers each figure counts, over `report_facts` (f) of a dossier (d), the period being
 * $1 (first day) to $6 (last day). Each is the definition the counters add up (docs/reports.md).
 */
// Open at the end of E; the second half, implied by the first, lets the finish-day index find them.
const open = `(f.close_day IS NULL OR f.close_day > $6::date)
  AND (report_day(d.finished_at) IS NULL OR report_day(d.finished_at) > $6::date)`;
const overdueOpen = `(f.overdue_from_day <= $6 AND (f.overdue_close_day IS NULL OR f.overdue_close_day > $6))`;
const receivedIn = `f.intake_day BETWEEN $1 AND $6`;
const resolvedIn = `f.close_day BETWEEN $1 AND $6`;
const approved = `d.status IN ('processed', 'returned')`;
const columnPredicates: Record<ReportColumn, string> = {
  receivedTotal: `f.intake_day <= $6 AND (f.close_day IS NULL OR f.close_day >= $1)`,
  receivedOnline: `${receivedIn} AND d.channel = 'online'`,
  receivedInPerson: `${receivedIn} AND d.channel IN ('counter', 'post')`,
  receivedCounter: `${receivedIn} AND d.channel = 'counter'`,
  receivedPost: `${receivedIn} AND d.channel = 'post'`,
  carriedOver: `f.intake_day < $1 AND (f.close_day IS NULL OR f.close_day >= $1)
    AND (report_day(d.finished_at) IS NULL OR report_day(d.finished_at) >= $1)`,
  resolvedTotal: resolvedIn,
  resolvedEarly: `${resolvedIn} AND f.timeliness = 'early'`,
  resolvedOnTime: `${resolvedIn} AND f.timeliness = 'on_time'`,
  resolvedOverdue: `${resolvedIn} AND f.timeliness = 'late'`,
  inProgressTotal: `f.intake_day <= $6 AND ${open}`,
  inProgressWithinTime: `f.intake_day <= $6 AND ${open} AND NOT coalesce(${overdueOpen}, false)`,
  inProgressOverdue: `${overdueOpen} AND ${open}`,
  feeBearing: `${receivedIn} AND d.fee_amount > 0`,
  paidOnline: `${receivedIn} AND d.fee_amount > 0 AND d.paid_online`,
  approved: `${resolvedIn} AND ${approved}`,
  electronicResult: `${resolvedIn} AND ${approved} AND d.has_result`,
  supplementRequested: `${resolvedIn} AND d.ever_supplement_requested`,
  refused: `${resolvedIn} AND d.status IN ('refused', 'stopped')`,
};

const FROM = `FROM dossier d CROSS JOIN LATERAL report_facts(d) f`;

/** The parameters $1–$6 of the list's SQL. */
function parameters(q: DossierListQuery): unknown[] {
  return [
    q.period.from,
    q.place.unitCode,
    q.place.provinceCode,
    q.procedureCode ?? null,
    q.channel ?? null,
    q.period.to,
  ];
}

// Every parameter is named, typed, even by figures that need only one end of the period.
const where = (column: ReportColumn) => `$1::date <= $6::date AND ${filters} AND ${columnPredicates[column]}`;

/** How many dossiers the list holds: the figure. */
export function dossierCountSql(q: DossierListQuery): { sql: string; params: unknown[] } {
  return { sql: `SELECT count(*)::int AS total ${FROM} WHERE ${where(q.column)}`, params: parameters(q) };
}

/**
 * The list itself, in the order the screen and the files show it (reception day, then code), with the
 * names of the procedure and the ward; `tail` ends the statement (a LIMIT and OFFSET, or nothing for a cursor).
 */
export function dossierListSql(q: DossierListQuery, tail = ''): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT d.code, d.procedure_code, p.name AS procedure_name, p.name_en AS procedure_name_en, d.unit_code,
                 u.name AS unit_name, u.name_en AS unit_name_en, d.channel, d.status, d.received_at, d.due_at,
                 d.finished_at
            ${FROM}
            JOIN procedure p ON p.code = d.procedure_code
            JOIN administrative_unit u ON u.code = d.unit_code
           WHERE ${where(q.column)}
           ORDER BY f.intake_day, d.code ${tail}`,
    params: parameters(q),
  };
}

const iso = (value: unknown) => (value ? new Date(value as string | Date).toISOString() : null);

/** A row of `dossierListSql` as the contracts have it. */
export function dossierListRow(r: Record<string, unknown>): ReportDossierRow {
  return {
    code: String(r['code']),
    procedureCode: String(r['procedure_code']),
    procedureName: { vi: String(r['procedure_name']), en: String(r['procedure_name_en']) },
    unitCode: String(r['unit_code']),
    unitName: { vi: String(r['unit_name']), en: String(r['unit_name_en']) },
    channel: String(r['channel']),
    status: String(r['status']),
    receivedAt: iso(r['received_at']),
    dueAt: iso(r['due_at']),
    finishedAt: iso(r['finished_at']),
  };
}
