import {
  periodKindOf,
  pickParams,
  provincesOf,
  reportParamsFromForm,
  reportParamsOf,
  shortUnitName,
  shownMonth,
  shownNumber,
  shownPercent,
} from './report-params';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('the report filters in the address', () => {
  it('keep only the filters the API knows, set and trimmed', () => {
    expect(reportParamsOf({ month: '2026-11', unitCode: ' 00004 ', channel: '', page: '2', column: 'x' })).toEqual({
      month: '2026-11',
      unitCode: '00004',
    });
  });

  it('take from the form only the period its kind names, and the place as a ward or a province', () => {
    const all = {
      month: '2026-11',
      quarter: '3',
      quarterYear: '2026',
      year: '2025',
      from: '2026-01-01',
      to: '2026-01-31',
    };
    expect(reportParamsFromForm(form({ ...all, periodKind: 'month', place: 'unit:00004' }))).toEqual({
      month: '2026-11',
      unitCode: '00004',
    });
    expect(reportParamsFromForm(form({ ...all, periodKind: 'quarter', place: 'province:01' }))).toEqual({
      quarter: '2026-Q3',
      provinceCode: '01',
    });
    expect(
      reportParamsFromForm(form({ ...all, periodKind: 'year', procedureCode: '1.001193', channel: 'post' })),
    ).toEqual({
      year: '2025',
      procedureCode: '1.001193',
      channel: 'post',
    });
    expect(reportParamsFromForm(form({ ...all, periodKind: 'custom', place: '' }))).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
  });

  it('tell which kind of period they name (a month by default)', () => {
    expect(periodKindOf({})).toBe('month');
    expect(periodKindOf({ quarter: '2026-Q1' })).toBe('quarter');
    expect(periodKindOf({ year: '2026' })).toBe('year');
    expect(periodKindOf({ from: '2026-01-01', to: '2026-02-01' })).toBe('custom');
  });
});

describe('the report pages’ shared helpers', () => {
  it('pick the set parameters of an address or a form alike', () => {
    const form = new FormData();
    form.append('month', ' 2026-11 ');
    form.append('provinceCode', '');
    expect(pickParams(form, ['month', 'provinceCode'])).toEqual({ month: '2026-11' });
    expect(pickParams({ month: '2026-11', other: 'x' }, ['month', 'provinceCode'])).toEqual({ month: '2026-11' });
  });

  it('list each province once, and write figures and rates in the page’s language', () => {
    const unit = (code: string, provinceCode: string) => ({
      code,
      name: { vi: code, en: code },
      province: { vi: `Tỉnh ${provinceCode}`, en: `Province ${provinceCode}` },
      provinceCode,
    });
    expect(provincesOf([unit('1', '01'), unit('2', '01'), unit('3', '79')]).map((p) => p.code)).toEqual(['01', '79']);
    expect(shownPercent(0.875, 'vi')).toBe('87,5 %');
    expect(shownPercent(0.875, 'en')).toBe('87.5 %');
    expect(shownPercent(null, 'en')).toBe('–');
    expect(shownNumber(1234.567, 'en')).toBe('1,234.57');
    expect(shortUnitName('Phường Ba Đình')).toBe('Ba Đình');
    expect(shortUnitName('Ba Dinh Ward')).toBe('Ba Dinh');
    expect(shownMonth('2026-11')).toBe('11/2026');
  });
});
