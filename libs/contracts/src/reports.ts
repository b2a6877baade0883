import * as z from 'zod';
import type { LocalizedText } from './common';
import { isoDate } from './procedures/fields';

/**
 * The processing-rate report (form 06/VPCP/KSTT of Circular 01/2020/TT-VPCP) and the
 * list of dossiers behind each of its figures. Every definition is in docs/reports.md.
 */

export const reportChannels = ['online', 'counter', 'post'] as const;
export type ReportChannel = (typeof reportChannels)[number];

/** The longest period a report covers, in days (five years and a leap day or two). */
export const REPORT_MAX_DAYS = 5 * 366;

/** The figures of a row, in the form's order, with the split of column 5 and the rates' inputs after them. */
export const reportColumns = [
  /** Column 3: received in the period, plus carried over (= 4 + 5 + 6). */
  'receivedTotal',
  /** Column 4: received online in the period. */
  'receivedOnline',
  /** Column 5: received in person or by post in the period. */
  'receivedInPerson',
  /** Column 5, the counter part. */
  'receivedCounter',
  /** Column 5, the post part. */
  'receivedPost',
  /** Column 6: received before the period, still open at its start. */
  'carriedOver',
  /** Column 7: finished in the period (= 8 + 9 + 10). */
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedOverdue',
  /** Column 11: received by the period's end and not finished by then (= 12 + 13). */
  'inProgressTotal',
  'inProgressWithinTime',
  'inProgressOverdue',
  /** Received in the period with a fee above zero: the online-payment rate's denominator. */
  'feeBearing',
  /** Of those, paid online through the payment gateway. */
  'paidOnline',
  /** Finished in the period with an approval (processed or returned): the electronic-result rate's denominator. */
  'approved',
  /** Of those, with a signed electronic result. */
  'electronicResult',
  /** Finished in the period after at least one request for more papers. */
  'supplementRequested',
  /** Finished in the period with a refusal (refused at reception, or the leader signed a refusal). */
  'refused',
] as const;
export type ReportColumn = (typeof reportColumns)[number];

export type ReportFigures = Record<ReportColumn, number> & {
  /** Σ working days from reception to finish of the dossiers resolved in the period. */
  processingDays: number;
};

/** Fractions from 0 to 1 (null when their denominator is 0); the average in working days. */
export interface ReportRates {
  /** (early + on time + in progress within time) / (resolved + in progress). Decision 766, 2.1. */
  onTimeRate: number | null;
  /** processing days / resolved. Decision 766, 2.2. */
  averageProcessingDays: number | null;
  /** received online / received in the period. Decision 766, 3.3. */
  onlineRate: number | null;
  /** paid online / fee-bearing. Decision 766, 3.6. */
  onlinePaymentRate: number | null;
  /** electronic result / approved. Decision 766, 4.1. */
  electronicResultRate: number | null;
  /** supplement requested / resolved. */
  supplementRate: number | null;
  /** refused / resolved. */
  refusalRate: number | null;
}

export interface ProcessingReportRow {
  /** The ward's code, or the province's when grouped by province. */
  unitCode: string;
  unitName: LocalizedText;
  procedureCode: string;
  procedureName: LocalizedText;
  figures: ReportFigures;
  rates: ReportRates;
}

export interface ProcessingReport {
  /** The period, first and last day included, Viet Nam time. */
  period: { from: string; to: string };
  filters: {
    unitCode: string | null;
    provinceCode: string | null;
    procedureCode: string | null;
    channel: ReportChannel | null;
    groupBy: ReportGrouping;
  };
  /** One row per ward (or province) and procedure with anything to show, by unit code then procedure. */
  rows: ProcessingReportRow[];
  totals: { figures: ReportFigures; rates: ReportRates };
  generatedAt: string;
}

export interface ReportDossierRow {
  code: string;
  procedureCode: string;
  procedureName: LocalizedText;
  unitCode: string;
  unitName: LocalizedText;
  channel: string;
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
}

export interface ReportDossierPage {
  column: ReportColumn;
  period: { from: string; to: string };
  /** Equal to the figure the list is behind. */
  total: number;
  page: number;
  pageSize: number;
  rows: ReportDossierRow[];
}

export const REPORT_PAGE_SIZE = 50;

/** A code in a report's query (a ward, a province, a procedure): letters, digits, `.`, `-`, `_`. */
export const reportCode = (max: number) =>
  z
    .string({ message: 'wrongType' })
    .max(max, { message: 'tooLong' })
    .regex(/^[0-9A-Za-z.\-_]+$/, { message: 'wrongType' });

/** The years a report may name (a month or quarter of another century would be read as the 1900s by Date.UTC). */
export const REPORT_YEARS = { from: 2000, to: 2099 } as const;

/** A named period: a month, a quarter or a year, of the years above. */
export const reportPeriodFields = {
  /** A month, YYYY-MM. */
  month: z
    .string({ message: 'wrongType' })
    .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { message: 'date' })
    .optional(),
  /** A quarter, YYYY-Qn. */
  quarter: z
    .string({ message: 'wrongType' })
    .regex(/^20\d{2}-Q[1-4]$/, { message: 'date' })
    .optional(),
  /** A calendar year. */
  year: z.coerce
    .number({ message: 'wrongType' })
    .int({ message: 'wrongType' })
    .min(REPORT_YEARS.from, { message: 'date' })
    .max(REPORT_YEARS.to, { message: 'date' })
    .optional(),
};

/** Where a report looks: one ward, or every ward of one province (not both). */
export const reportPlaceFields = {
  /** One ward. */
  unitCode: reportCode(10).optional(),
  /** Every ward of one province. */
  provinceCode: reportCode(10).optional(),
};

/** Refuses a query naming both a ward and a province. */
export function onePlace(value: { unitCode?: string; provinceCode?: string }, ctx: z.RefinementCtx): void {
  if (value.unitCode !== undefined && value.provinceCode !== undefined)
    ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'reportPlace' });
}

const reportFilterShape = {
  /** First day of a custom period, YYYY-MM-DD (with `to`). */
  from: isoDate.optional(),
  /** Last day of a custom period, included. */
  to: isoDate.optional(),
  ...reportPeriodFields,
  ...reportPlaceFields,
  procedureCode: reportCode(32).optional(),
  channel: z.enum(reportChannels, { message: 'choose' }).optional(),
};

/** A row per ward (the form's own rows), or per province, each the sum of its wards. */
export const reportGroupings = ['ward', 'province'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

type PeriodInput = { from?: string; to?: string; month?: string; quarter?: string; year?: number };

/** How many of the ways to name a period the query uses; exactly one may be (none: this month). */
function periodProblem(query: PeriodInput): string | null {
  const custom = query.from !== undefined || query.to !== undefined;
  const named = [custom, query.month !== undefined, query.quarter !== undefined, query.year !== undefined];
  if (named.filter(Boolean).length > 1) return 'period';
  if (custom && (query.from === undefined || query.to === undefined)) return 'period';
  if (custom && query.from && query.to) {
    const days = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / 86_400_000;
    if (days < 0 || days >= REPORT_MAX_DAYS) return 'period';
  }
  return null;
}

const withPeriod = <T extends z.ZodObject>(schema: T) =>
  schema.superRefine((value, ctx) => {
    if (periodProblem(value as PeriodInput)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'reportPeriod' });
    onePlace(value as { unitCode?: string; provinceCode?: string }, ctx);
  });

/**
 * `GET /api/reports/processing`: the period (a month, quarter, year or from–to; this month when none), the
 * filters and the rows' grouping (by ward unless `groupBy=province`).
 */
export const reportQuerySchema = withPeriod(
  z.object({ ...reportFilterShape, groupBy: z.enum(reportGroupings, { message: 'choose' }).default('ward') }),
);
export type ReportQuery = z.output<typeof reportQuerySchema>;

/** `GET /api/reports/processing/export/:format`: the report's query, and the file's language (else the request's). */
export const reportExportQuerySchema = withPeriod(
  z.object({
    ...reportFilterShape,
    groupBy: z.enum(reportGroupings, { message: 'choose' }).default('ward'),
    lang: z.enum(['vi', 'en'], { message: 'choose' }).optional(),
  }),
);
export type ReportExportQuery = z.output<typeof reportExportQuerySchema>;

/** `GET /api/reports/processing/dossiers`: the same, the figure, and the page. */
export const reportDossiersQuerySchema = withPeriod(
  z.object({
    ...reportFilterShape,
    column: z.enum(reportColumns, { message: 'choose' }),
    page: z.coerce
      .number({ message: 'wrongType' })
      .int({ message: 'wrongType' })
      .min(1, { message: 'wrongType' })
      .max(10_000, { message: 'wrongType' })
      .default(1),
  }),
);
export type ReportDossiersQuery = z.output<typeof reportDossiersQuerySchema>;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The first and last day of the period a valid query names; `today` (YYYY-MM-DD, Viet Nam)
 * gives the default, the current month.
 */
export function reportPeriod(query: PeriodInput, today: string): { from: string; to: string } {
  if (query.from && query.to) return { from: query.from, to: query.to };
  if (query.year !== undefined) return { from: `${query.year}-01-01`, to: `${query.year}-12-31` };
  if (query.quarter) {
    const year = Number(query.quarter.slice(0, 4));
    const q = Number(query.quarter.slice(6));
    const last = q * 3;
    return { from: `${year}-${pad(last - 2)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
  }
  const month = query.month ?? today.slice(0, 7);
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: `${month}-01`, to: `${month}-${pad(lastDayOfMonth(year, m))}` };
}

const ratio = (numerator: number, denominator: number, digits = 4): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10 ** digits) / 10 ** digits;

/** The rates of a row or of the totals, from its figures (formulas in docs/reports.md). */
export function reportRates(f: ReportFigures): ReportRates {
  const received = f.receivedOnline + f.receivedInPerson;
  return {
    onTimeRate: ratio(f.resolvedEarly + f.resolvedOnTime + f.inProgressWithinTime, f.resolvedTotal + f.inProgressTotal),
    averageProcessingDays: ratio(f.processingDays, f.resolvedTotal, 2),
    onlineRate: ratio(f.receivedOnline, received),
    onlinePaymentRate: ratio(f.paidOnline, f.feeBearing),
    electronicResultRate: ratio(f.electronicResult, f.approved),
    supplementRate: ratio(f.supplementRequested, f.resolvedTotal),
    refusalRate: ratio(f.refused, f.resolvedTotal),
  };
}

export function emptyReportFigures(): ReportFigures {
  return {
    ...(Object.fromEntries(reportColumns.map((c) => [c, 0])) as Record<ReportColumn, number>),
    processingDays: 0,
  };
}

/** The sum of rows' figures (the totals row). */
export function addReportFigures(rows: readonly ReportFigures[]): ReportFigures {
  const total = emptyReportFigures();
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof ReportFigures)[]) total[key] += row[key];
  }
  return total;
}

/** The formats a list of dossiers is exported in, in the background. */
export const dossierExportFormats = ['xlsx', 'csv'] as const;
export type DossierExportFormat = (typeof dossierExportFormats)[number];

/**
 * `POST /api/reports/exports`: the whole list of dossiers behind one figure of the report (the drill-down's
 * query without its page), as a file made in the background, in `lang` (else the request's language).
 */
export const dossierExportRequestSchema = withPeriod(
  z.object({
    ...reportFilterShape,
    column: z.enum(reportColumns, { message: 'choose' }),
    format: z.enum(dossierExportFormats, { message: 'choose' }),
    lang: z.enum(['vi', 'en'], { message: 'choose' }).optional(),
  }),
);
export type DossierExportRequest = z.output<typeof dossierExportRequestSchema>;

/** `GET /api/reports/exports/:id`, `…/:id/file`. */
export const dossierExportIdSchema = z.object({
  id: z.uuid({ message: 'wrongType' }).meta({ description: 'The export, as `POST /api/reports/exports` answered.' }),
});

/** queued → running → done (the file can be downloaded until it expires) or failed. */
export const dossierExportStatuses = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type DossierExportStatus = (typeof dossierExportStatuses)[number];

/** How long a finished export's file is kept for its requester to download. */
export const DOSSIER_EXPORT_KEEP_DAYS = 7;

/** One export as its requester sees it: what it lists, how far it has got, and the file when it is done. */
export interface DossierExport {
  id: string;
  status: DossierExportStatus;
  format: DossierExportFormat;
  language: 'vi' | 'en';
  column: ReportColumn;
  period: { from: string; to: string };
  filters: {
    unitCode: string | null;
    provinceCode: string | null;
    procedureCode: string | null;
    channel: string | null;
  };
  /** How many dossiers the file lists (known once the job has started counting). */
  total: number | null;
  /** How many are written so far. */
  written: number;
  fileName: string;
  sizeBytes: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the file is deleted (a finished export only). */
  expiresAt: string | null;
}

/** `GET /api/reports/exports`: the requester's exports, newest first. */
export interface DossierExportList {
  exports: DossierExport[];
}
