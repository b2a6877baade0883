import type { Params } from '@angular/router';
import {
  reportColumns,
  todayInVietnam,
  type Language,
  type LocalizedText,
  type ReportColumn,
  type UnitView,
} from '@portal/contracts';
import type { ReportParams } from '@portal/web/data-access';

/** The filters of a report the address may carry, as the API names them. */
export const REPORT_FILTERS = [
  'month',
  'quarter',
  'year',
  'from',
  'to',
  'unitCode',
  'provinceCode',
  'procedureCode',
  'channel',
] as const;

/** The named parameters of an address (or fields of a submitted form) that are set: trimmed, empty ones left out. */
export function pickParams(source: Params | FormData, names: readonly string[]): ReportParams {
  const params: ReportParams = {};
  for (const name of names) {
    const value = source instanceof FormData ? source.get(name) : source[name];
    if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
  }
  return params;
}

/** The report's filters from the address: only those set (the API's default period is this month). */
export function reportParamsOf(query: Params): ReportParams {
  return pickParams(query, REPORT_FILTERS);
}

/** The filters a submitted filter form names: its period kind picks which period fields count. */
export function reportParamsFromForm(form: FormData): ReportParams {
  const fields = pickParams(form, [
    'periodKind',
    'month',
    'quarter',
    'quarterYear',
    'year',
    'from',
    'to',
    'place',
    'procedureCode',
    'channel',
  ]);
  const get = (name: string): string | undefined => fields[name];
  const params: ReportParams = {};
  const kind = get('periodKind') ?? 'month';
  if (kind === 'month' && get('month')) params['month'] = get('month') as string;
  if (kind === 'quarter' && get('quarterYear') && get('quarter'))
    params['quarter'] = `${get('quarterYear')}-Q${get('quarter')}`;
  if (kind === 'year' && get('year')) params['year'] = get('year') as string;
  if (kind === 'custom') {
    if (get('from')) params['from'] = get('from') as string;
    if (get('to')) params['to'] = get('to') as string;
  }
  const place = get('place');
  if (place?.startsWith('province:')) params['provinceCode'] = place.slice('province:'.length);
  else if (place?.startsWith('unit:')) params['unitCode'] = place.slice('unit:'.length);
  for (const name of ['procedureCode', 'channel'] as const) if (get(name)) params[name] = get(name) as string;
  return params;
}

/** Which kind of period the filters name. */
export function periodKindOf(params: ReportParams): 'month' | 'quarter' | 'year' | 'custom' {
  if (params['from'] || params['to']) return 'custom';
  if (params['quarter']) return 'quarter';
  if (params['year']) return 'year';
  return 'month';
}

export function isReportColumn(value: unknown): value is ReportColumn {
  return typeof value === 'string' && (reportColumns as readonly string[]).includes(value);
}

/** `2026-11-05` → `05/11/2026`. */
export const shownDay = (day: string) => day.split('-').reverse().join('/');

/** This month in Viet Nam, `YYYY-MM`. */
export const thisMonth = () => todayInVietnam().slice(0, 7);

/** `2026-11` → `11/2026`. */
export const shownMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The provinces of the units, once each, in the units' order. */
export function provincesOf(units: readonly UnitView[]): Array<{ code: string; name: LocalizedText }> {
  const seen = new Map<string, { code: string; name: LocalizedText }>();
  for (const unit of units)
    if (!seen.has(unit.provinceCode)) seen.set(unit.provinceCode, { code: unit.provinceCode, name: unit.province });
  return [...seen.values()];
}

const locale = (lang: Language) => (lang === 'en' ? 'en-GB' : 'vi-VN');

/** A figure as the page's language writes it, at most `digits` decimals; `–` when there is none. */
export function shownNumber(value: number | null, lang: Language, digits = 2): string {
  return value === null ? '–' : value.toLocaleString(locale(lang), { maximumFractionDigits: digits });
}

/** A rate from 0 to 1 in per cent, one decimal: `87,5 %`; `–` when there is none. */
export function shownPercent(rate: number | null, lang: Language): string {
  return rate === null ? '–' : `${shownNumber(Math.round(rate * 1000) / 10, lang, 1)} %`;
}

/** A ward's name without its kind, for a chart's axis: `Phường Ba Đình` → `Ba Đình`, `Ba Dinh Ward` → `Ba Dinh`. */
export const shortUnitName = (name: string) =>
  name.replace(/^(Phường|Xã|Đặc khu|Thị trấn) | (Ward|Commune|Special Zone|Township)$/u, '');
