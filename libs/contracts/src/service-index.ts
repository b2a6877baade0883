import * as z from 'zod';
import type { LocalizedText } from './common';
import { onePlace, reportPeriodFields, reportPlaceFields } from './reports';

/**
 * The citizen-service index of Decision 766/QĐ-TTg (23 June 2022): the indicators the portal has
 * data for, their formulas, how each is scored, the six cards and the bands. Every definition, and
 * which maxima are the portal's own weighting, is in docs/reports.md ("The citizen-service index").
 */

/** The six cards of the index and their points (100 in all). */
export const serviceIndexGroups = [
  { key: 'transparency', max: 18 },
  { key: 'progress', max: 20 },
  { key: 'onlineServices', max: 12 },
  { key: 'onlinePayment', max: 10 },
  { key: 'digitisation', max: 22 },
  { key: 'satisfaction', max: 18 },
] as const;
export type ServiceIndexGroupKey = (typeof serviceIndexGroups)[number]['key'];

/** What the indicators are computed from: a ward's (or the sum of wards') figures for a period. */
export interface ServiceIndexInputs {
  /** Received in the period (form 06's columns 4 + 5). */
  received: number;
  receivedOnline: number;
  /** Resolved in the period (column 7) and its split. */
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedOverdue: number;
  /** In progress at the period's end (column 11) and its split. */
  inProgress: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
  /** Σ working days from reception to finish of the dossiers resolved. */
  processingDays: number;
  /** Σ of the procedures' time limits, in working days, over the same dossiers. */
  allowedDays: number;
  feeBearing: number;
  paidOnline: number;
  approved: number;
  electronicResult: number;
  /** Received in the period with at least one paper held as an uploaded file. */
  digitised: number;
  /** Received in the period from an account whose identity the national eID verified. */
  eidVerified: number;
  /** Resolved in the period and rated 2 or less (of 5) by the citizen. */
  dissatisfied: number;
}

export const serviceIndexInputKeys = [
  'received',
  'receivedOnline',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedOverdue',
  'inProgress',
  'inProgressWithinTime',
  'inProgressOverdue',
  'processingDays',
  'allowedDays',
  'feeBearing',
  'paidOnline',
  'approved',
  'electronicResult',
  'digitised',
  'eidVerified',
  'dissatisfied',
] as const satisfies readonly (keyof ServiceIndexInputs)[];

export type ServiceIndexCode = '2.1' | '2.2' | '3.3' | '3.6' | '4.1' | '4.2' | '4.5' | '5.4';

export interface ServiceIndexDefinition {
  code: ServiceIndexCode;
  group: ServiceIndexGroupKey;
  name: LocalizedText;
  formula: LocalizedText;
  /** The indicator's points. */
  max: number;
  /** Whether `max` is the decision's own (known) or the portal's weighting within its card. */
  maxSource: 'decision' | 'portal';
  /** The rate at or above which the indicator scores its maximum (none: rate × maximum). */
  threshold: number | null;
  /** Numerator and denominator of the rate (for 2.2: Σ working days and the dossiers resolved). */
  numerator(inputs: ServiceIndexInputs): number;
  denominator(inputs: ServiceIndexInputs): number;
}

export const serviceIndexDefinitions: readonly ServiceIndexDefinition[] = [
  {
    code: '2.1',
    group: 'progress',
    name: { vi: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn', en: 'Early or on-time rate' },
    formula: {
      vi: '(giải quyết trước hạn + đúng hạn + đang giải quyết trong hạn) / (đã giải quyết + đang giải quyết)',
      en: '(resolved early + on time + in progress within time) / (resolved + in progress)',
    },
    max: 12,
    maxSource: 'portal',
    threshold: null,
    numerator: (i) => i.resolvedEarly + i.resolvedOnTime + i.inProgressWithinTime,
    denominator: (i) => i.resolved + i.inProgress,
  },
  {
    code: '2.2',
    group: 'progress',
    name: { vi: 'Thời gian giải quyết trung bình', en: 'Average processing time' },
    formula: {
      vi: 'Σ ngày làm việc từ tiếp nhận đến giải quyết / số hồ sơ đã giải quyết; điểm tối đa khi không vượt thời hạn trung bình của thủ tục, giảm dần về 0 khi gấp đôi (thủ tục giải quyết trong ngày: quá 1 ngày)',
      en: 'Σ working days from reception to finish / dossiers resolved; full points up to the procedures’ average time limit, falling to 0 at twice it (one day over a same-day limit)',
    },
    max: 8,
    maxSource: 'portal',
    threshold: null,
    numerator: (i) => i.processingDays,
    denominator: (i) => i.resolved,
  },
  {
    code: '3.3',
    group: 'onlineServices',
    name: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online rate' },
    formula: {
      vi: 'hồ sơ tiếp nhận trực tuyến / tổng hồ sơ tiếp nhận trong kỳ (ngưỡng 50 %)',
      en: 'dossiers received online / all dossiers received in the period (threshold 50 %)',
    },
    max: 12,
    maxSource: 'portal',
    threshold: 0.5,
    numerator: (i) => i.receivedOnline,
    denominator: (i) => i.received,
  },
  {
    code: '3.6',
    group: 'onlinePayment',
    name: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online-payment rate' },
    formula: {
      vi: 'hồ sơ thanh toán trực tuyến / hồ sơ tiếp nhận có phí, lệ phí lớn hơn 0',
      en: 'dossiers paid online / dossiers received with a fee above zero',
    },
    max: 10,
    maxSource: 'portal',
    threshold: null,
    numerator: (i) => i.paidOnline,
    denominator: (i) => i.feeBearing,
  },
  {
    code: '4.1',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ cấp kết quả điện tử', en: 'Electronic results' },
    formula: {
      vi: 'hồ sơ có kết quả điện tử đã ký số / hồ sơ giải quyết được chấp thuận (có giấy tờ kết quả)',
      en: 'dossiers with a signed electronic result / dossiers resolved with an approval (a result document)',
    },
    max: 8,
    maxSource: 'portal',
    threshold: null,
    numerator: (i) => i.electronicResult,
    denominator: (i) => i.approved,
  },
  {
    code: '4.2',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Digitisation rate' },
    formula: {
      vi: 'hồ sơ tiếp nhận có giấy tờ được nộp dưới dạng tệp điện tử / tổng hồ sơ tiếp nhận trong kỳ (ngưỡng 80 %)',
      en: 'dossiers received with their papers uploaded as files / all dossiers received in the period (threshold 80 %)',
    },
    max: 8,
    maxSource: 'portal',
    threshold: 0.8,
    numerator: (i) => i.digitised,
    denominator: (i) => i.received,
  },
  {
    code: '4.5',
    group: 'digitisation',
    name: { vi: 'Tỷ lệ sử dụng dữ liệu dân cư', en: 'Use of population data' },
    formula: {
      vi: 'hồ sơ nộp từ tài khoản đã xác thực định danh điện tử (VNeID) / tổng hồ sơ tiếp nhận trong kỳ',
      en: 'dossiers submitted from an account verified by the national eID (VNeID) / all dossiers received in the period',
    },
    max: 6,
    maxSource: 'portal',
    threshold: null,
    numerator: (i) => i.eidVerified,
    denominator: (i) => i.received,
  },
  {
    code: '5.4',
    group: 'satisfaction',
    name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    formula: {
      vi: '100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị đánh giá không hài lòng, điểm ≤ 2) (ngưỡng 90 %)',
      en: '100 % − (overdue rate + rate of dossiers rated dissatisfied, score ≤ 2) (threshold 90 %)',
    },
    max: 6,
    maxSource: 'decision',
    threshold: 0.9,
    // The rate is computed by satisfactionRate(); these are the overdue part's inputs.
    numerator: (i) => i.resolvedOverdue + i.inProgressOverdue,
    denominator: (i) => i.resolved + i.inProgress,
  },
];

/** The bands of the index, by the score scaled to 100 (the total over the maximum of the indicators measured). */
export const serviceIndexBands = [
  { key: 'excellent', min: 90 },
  { key: 'good', min: 80 },
  { key: 'fair', min: 65 },
  { key: 'average', min: 50 },
  { key: 'weak', min: 0 },
] as const;
export type ServiceIndexBand = (typeof serviceIndexBands)[number]['key'];

export interface ServiceIndexIndicator {
  code: ServiceIndexCode;
  group: ServiceIndexGroupKey;
  numerator: number;
  denominator: number;
  /** The rate, 0 to 1 (4 decimals); for 2.2 the average in working days (2 decimals); null with nothing to measure. */
  value: number | null;
  /** 2.2 only: the procedures' average time limit in working days over the same dossiers. */
  limit?: number | null;
  /** Points scored (2 decimals), null when not measured. */
  score: number | null;
  max: number;
  threshold: number | null;
}

export interface ServiceIndexGroup {
  key: ServiceIndexGroupKey;
  /** The card's points in the decision. */
  max: number;
  /** Σ points of the indicators measured in it. */
  score: number;
  /** Σ maxima of the indicators measured in it. */
  measuredMax: number;
}

export interface ServiceIndexScore {
  indicators: ServiceIndexIndicator[];
  groups: ServiceIndexGroup[];
  /** Σ points of the indicators measured. */
  total: number;
  /** Σ maxima of the indicators measured. */
  measuredMax: number;
  /** total / measuredMax × 100 (1 decimal), null when nothing is measured. */
  scaled: number | null;
  band: ServiceIndexBand | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The rule of Decision 766: with a threshold, the maximum at or above it, else rate × max ÷ threshold; without, rate × max. */
export function scoreRate(rate: number, max: number, threshold: number | null): number {
  const bounded = Math.min(1, Math.max(0, rate));
  if (threshold === null) return bounded * max;
  return bounded >= threshold ? max : (bounded * max) / threshold;
}

/**
 * 2.2, the portal's rule: full points while the average working days stay within the procedures'
 * average time limit; beyond it, less by the excess as a share of the limit (at least one working
 * day, for same-day procedures), down to 0 at twice the limit (a same-day limit: one day over).
 */
export function scoreProcessingTime(averageDays: number, averageLimit: number, max: number): number {
  const excess = Math.max(0, averageDays - averageLimit) / Math.max(averageLimit, 1);
  return max * Math.max(0, 1 - excess);
}

/** 5.4: 100 % − (overdue rate + dissatisfied rate), at least 0; null when nothing was handled. */
export function satisfactionRate(i: ServiceIndexInputs): number | null {
  const handled = i.resolved + i.inProgress;
  if (handled === 0) return null;
  const overdue = (i.resolvedOverdue + i.inProgressOverdue) / handled;
  const dissatisfied = i.resolved === 0 ? 0 : i.dissatisfied / i.resolved;
  return Math.max(0, 1 - (overdue + dissatisfied));
}

export function bandOf(scaled: number): ServiceIndexBand {
  return serviceIndexBands.find((band) => scaled >= band.min)?.key ?? 'weak';
}

/** Every indicator's inputs, value and score, the cards' totals, the total and its band. */
export function scoreServiceIndex(inputs: ServiceIndexInputs): ServiceIndexScore {
  // Written out plainly (no spreads, one pass per card): the index of every ward scores thousands of wards.
  const indicators: ServiceIndexIndicator[] = [];
  for (const d of serviceIndexDefinitions) {
    const numerator = d.numerator(inputs);
    const denominator = d.denominator(inputs);
    const { code, group, max, threshold } = d;
    const add = (value: number | null, score: number | null, limit?: number | null) =>
      indicators.push(
        limit === undefined
          ? { code, group, numerator, denominator, max, threshold, value, score }
          : { code, group, numerator, denominator, max, threshold, value, limit, score },
      );
    if (code === '2.2') {
      if (denominator === 0) add(null, null, null);
      else {
        const average = numerator / denominator;
        const limit = inputs.allowedDays / denominator;
        add(round(average, 2), round(scoreProcessingTime(average, limit, max), 2), round(limit, 2));
      }
      continue;
    }
    const rate = code === '5.4' ? satisfactionRate(inputs) : denominator === 0 ? null : numerator / denominator;
    if (rate === null) add(null, null);
    else add(round(rate, 4), round(scoreRate(rate, max, threshold), 2));
  }
  const groups: ServiceIndexGroup[] = [];
  let total = 0;
  let measuredMax = 0;
  for (const g of serviceIndexGroups) {
    let score = 0;
    let max = 0;
    for (const i of indicators) {
      if (i.group !== g.key || i.score === null) continue;
      score += i.score;
      max += i.max;
    }
    const group = { key: g.key, max: g.max, score: round(score, 2), measuredMax: max };
    groups.push(group);
    total += group.score;
    measuredMax += max;
  }
  total = round(total, 2);
  const scaled = measuredMax === 0 ? null : round((total / measuredMax) * 100, 1);
  return { indicators, groups, total, measuredMax, scaled, band: scaled === null ? null : bandOf(scaled) };
}

export function emptyServiceIndexInputs(): ServiceIndexInputs {
  // A literal, not built from the keys: an object of fixed shape, which the sums below add into quickly.
  return {
    received: 0,
    receivedOnline: 0,
    resolved: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedOverdue: 0,
    inProgress: 0,
    inProgressWithinTime: 0,
    inProgressOverdue: 0,
    processingDays: 0,
    allowedDays: 0,
    feeBearing: 0,
    paidOnline: 0,
    approved: 0,
    electronicResult: 0,
    digitised: 0,
    eidVerified: 0,
    dissatisfied: 0,
  };
}

export function addServiceIndexInputs(rows: readonly ServiceIndexInputs[]): ServiceIndexInputs {
  const total = emptyServiceIndexInputs();
  for (const row of rows) for (const key of serviceIndexInputKeys) total[key] += row[key];
  return total;
}

export interface ServiceIndexWard extends ServiceIndexScore {
  /** 1 for the best total; wards with equal totals share a rank. */
  rank: number;
  unitCode: string;
  unitName: LocalizedText;
  provinceCode: string | null;
  inputs: ServiceIndexInputs;
}

/** An indicator's definition as data (the open data carries them beside the figures). */
export type ServiceIndexDefinitionView = Omit<ServiceIndexDefinition, 'numerator' | 'denominator'>;

export function serviceIndexDefinitionViews(): ServiceIndexDefinitionView[] {
  return serviceIndexDefinitions.map(({ code, group, name, formula, max, maxSource, threshold }) => ({
    code,
    group,
    name,
    formula,
    max,
    maxSource,
    threshold,
  }));
}

export interface ServiceIndexReport {
  period: { from: string; to: string };
  /** The indicators' formulas, maxima and thresholds. */
  definitions: ServiceIndexDefinitionView[];
  filters: { unitCode: string | null; provinceCode: string | null };
  /** Best total first: every ward (the open data), or one page of them (the staff's index). */
  wards: ServiceIndexWard[];
  /** How many wards are ranked, on every page. */
  wardCount: number;
  page: number;
  pageSize: number;
  /** The index of the wards together (their inputs added up). */
  overall: ServiceIndexScore & { inputs: ServiceIndexInputs };
  generatedAt: string;
}

/** Ranks wards by total score (then the scaled score), best first; equal scores share a rank. */
export function rankWards<T extends { unitCode: string; total: number; scaled: number | null }>(
  wards: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...wards].sort(
    // Codes are digits: compared as plain strings (localeCompare is a hundred times slower, and thousands of wards sort).
    (a, b) =>
      b.total - a.total ||
      (b.scaled ?? -1) - (a.scaled ?? -1) ||
      (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((ward, i) => {
    const previous = sorted[i - 1];
    if (!previous || previous.total !== ward.total || previous.scaled !== ward.scaled) rank = i + 1;
    return { ...ward, rank };
  });
}

const periodShape = {
  ...reportPeriodFields,
  /** Every ward of one province. */
  provinceCode: reportPlaceFields.provinceCode,
};

const onePeriod = (value: { month?: string; quarter?: string; year?: number }, ctx: z.RefinementCtx) => {
  if ([value.month, value.quarter, value.year].filter((v) => v !== undefined).length > 1)
    ctx.addIssue({ code: 'custom', path: ['month'], message: 'reportPeriod' });
};

/** `GET /api/reports/service-index`: a month, quarter or year (this month when none); a province, or one ward. */
/** Wards listed per page of the staff's index (the ranking is of every ward the query covers). */
export const SERVICE_INDEX_PAGE_SIZE = 100;

export const serviceIndexQuerySchema = z
  .object({
    ...periodShape,
    unitCode: reportPlaceFields.unitCode,
    /** Which hundred of the ranked wards (1: the best). */
    page: z.coerce
      .number({ message: 'wrongType' })
      .int({ message: 'wrongType' })
      .min(1, { message: 'wrongType' })
      .max(1_000, { message: 'wrongType' })
      .default(1),
  })
  .superRefine((value, ctx) => {
    onePeriod(value, ctx);
    onePlace(value, ctx);
  });
export type ServiceIndexQuery = z.output<typeof serviceIndexQuerySchema>;

/** `GET /api/public/service-index` (and `.csv`): the open data, a month, quarter or year, optionally one province. */
export const publicServiceIndexQuerySchema = z.object(periodShape).superRefine(onePeriod);
export type PublicServiceIndexQuery = z.output<typeof publicServiceIndexQuerySchema>;

/** `GET /api/public/service-index.csv`: the same, and the headings' language (else the request's). */
export const publicServiceIndexCsvQuerySchema = z
  .object({ ...periodShape, lang: z.enum(['vi', 'en'], { message: 'choose' }).optional() })
  .superRefine(onePeriod);
export type PublicServiceIndexCsvQuery = z.output<typeof publicServiceIndexCsvQuerySchema>;
