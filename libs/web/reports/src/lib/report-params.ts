import type { Params } from '@angular/router';
import { reportColumns, type ReportColumn } from '@portal/contracts';
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

/** The report's filters from the address: only those set (the API's default period is this month). */
export function reportParamsOf(query: Params): ReportParams {
  const params: ReportParams = {};
  for (const name of REPORT_FILTERS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') params[name] = value.trim();
  }
  return params;
}

/** The filters a submitted filter form names: its period kind picks which period fields count. */
export function reportParamsFromForm(form: FormData): ReportParams {
  const get = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
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
