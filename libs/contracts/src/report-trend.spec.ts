import { monthsUpTo, reportTrendQuerySchema } from './report-trend';

describe('the months of a trend', () => {
  it('are the months up to the last, oldest first, across a new year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsUpTo('2026-12', 2)).toEqual(['2026-11', '2026-12']);
  });

  it('are twelve unless asked, from two to twenty-four', () => {
    expect(reportTrendQuerySchema.parse({}).months).toBe(12);
    expect(reportTrendQuerySchema.safeParse({ months: '1' }).success).toBe(false);
    expect(reportTrendQuerySchema.safeParse({ months: '25' }).success).toBe(false);
    expect(reportTrendQuerySchema.safeParse({ unitCode: '00004', provinceCode: '01' }).success).toBe(false);
  });
});
