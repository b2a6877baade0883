import * as z from 'zod';
import {
  onePlace,
  reportChannels,
  reportCode,
  reportPlaceFields,
  type ReportFigures,
  type ReportRates,
} from './reports';

/** The longest trend shown: two years of months. */
export const REPORT_TREND_MAX_MONTHS = 24;

/** `GET /api/reports/processing/trend`: the last `months` months (this one included), with the report's filters. */
export const reportTrendQuerySchema = z
  .object({
    months: z.coerce
      .number({ message: 'wrongType' })
      .int({ message: 'wrongType' })
      .min(2, { message: 'wrongType' })
      .max(REPORT_TREND_MAX_MONTHS, { message: 'wrongType' })
      .default(12),
    ...reportPlaceFields,
    procedureCode: reportCode(32).optional(),
    channel: z.enum(reportChannels, { message: 'choose' }).optional(),
  })
  .superRefine(onePlace);
export type ReportTrendQuery = z.output<typeof reportTrendQuerySchema>;

/** One month of the trend: form 06's totals for that month, and their rates. */
export interface ReportTrendMonth {
  /** YYYY-MM. */
  month: string;
  figures: ReportFigures;
  rates: ReportRates;
}

export interface ReportTrend {
  months: ReportTrendMonth[];
  filters: {
    unitCode: string | null;
    provinceCode: string | null;
    procedureCode: string | null;
    channel: string | null;
  };
}

/** The `count` months up to and including `last` (YYYY-MM), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}
