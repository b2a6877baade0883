import { addReportFigures, reportPeriod, reportQuerySchema, reportRates } from '@portal/contracts';
import { reportFigures, type CountsWithin } from './figures';

const within = (counts: Partial<CountsWithin>): CountsWithin => ({
  intake: 0,
  closed: 0,
  overdueFrom: 0,
  overdueClosed: 0,
  intakeOnline: 0,
  intakeCounter: 0,
  intakePost: 0,
  intakeFee: 0,
  intakePaid: 0,
  closedEarly: 0,
  closedOnTime: 0,
  closedLate: 0,
  closedDays: 0,
  closedApproved: 0,
  closedResult: 0,
  closedSupplement: 0,
  closedRefused: 0,
  ...counts,
});

describe("form 06's figures from the counters", () => {
  const before = { intake: 10, closed: 7, overdueFrom: 4, overdueClosed: 3 };
  const figures = reportFigures(
    before,
    within({
      intake: 9,
      intakeOnline: 5,
      intakeCounter: 3,
      intakePost: 1,
      closed: 6,
      closedEarly: 2,
      closedOnTime: 3,
      closedLate: 1,
      closedDays: 18,
      overdueFrom: 2,
      overdueClosed: 1,
      intakeFee: 4,
      intakePaid: 3,
      closedApproved: 4,
      closedResult: 3,
      closedSupplement: 1,
      closedRefused: 2,
    }),
  );

  it('carried over = entered before − closed before; column 3 = 4 + 5 + 6', () => {
    expect(figures.carriedOver).toBe(3);
    expect(figures.receivedInPerson).toBe(4);
    expect(figures.receivedTotal).toBe(figures.receivedOnline + figures.receivedInPerson + figures.carriedOver);
    expect(figures.receivedTotal).toBe(12);
  });

  it('in progress = carried over + received − resolved; overdue ones from the overdue counters', () => {
    expect(figures.inProgressTotal).toBe(6);
    expect(figures.inProgressOverdue).toBe(2);
    expect(figures.inProgressWithinTime).toBe(4);
    // Whatever was handled in the period is either resolved or still in progress.
    expect(figures.resolvedTotal + figures.inProgressTotal).toBe(figures.receivedTotal);
  });

  it('the rates: on time (766 2.1), average days, online, online payment, electronic result, supplement, refusal', () => {
    expect(reportRates(figures)).toEqual({
      onTimeRate: Math.round(((2 + 3 + 4) / 12) * 10_000) / 10_000,
      averageProcessingDays: 3,
      onlineRate: Math.round((5 / 9) * 10_000) / 10_000,
      onlinePaymentRate: 0.75,
      electronicResultRate: 0.75,
      supplementRate: Math.round((1 / 6) * 10_000) / 10_000,
      refusalRate: Math.round((2 / 6) * 10_000) / 10_000,
    });
  });

  it('a rate with nothing to divide by is null', () => {
    const none = reportFigures({ intake: 0, closed: 0, overdueFrom: 0, overdueClosed: 0 }, within({}));
    expect(Object.values(reportRates(none))).toEqual([null, null, null, null, null, null, null]);
  });

  it('the totals row adds the rows up', () => {
    expect(addReportFigures([figures, figures]).receivedTotal).toBe(24);
  });
});

describe('the report period', () => {
  const today = '2026-05-17';
  it('a month, a quarter, a year, a custom period; this month by default', () => {
    expect(reportPeriod({ month: '2024-02' }, today)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(reportPeriod({ quarter: '2025-Q4' }, today)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(reportPeriod({ year: 2025 }, today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(reportPeriod({ from: '2026-01-10', to: '2026-02-03' }, today)).toEqual({
      from: '2026-01-10',
      to: '2026-02-03',
    });
    expect(reportPeriod({}, today)).toEqual({ from: '2026-05-01', to: '2026-05-31' });
  });

  it('refuses two periods at once, half a custom period, an end before the start, more than five years', () => {
    const problem = (query: Record<string, unknown>) =>
      reportQuerySchema.safeParse(query).error?.issues.map((i) => i.message) ?? [];
    expect(problem({ month: '2026-01', year: '2026' })).toEqual(['reportPeriod']);
    expect(problem({ from: '2026-01-01' })).toEqual(['reportPeriod']);
    expect(problem({ from: '2026-01-02', to: '2026-01-01' })).toEqual(['reportPeriod']);
    expect(problem({ from: '2020-01-01', to: '2026-01-01' })).toEqual(['reportPeriod']);
    expect(problem({ month: '2026-13' })).toEqual(['date']);
    expect(problem({ unitCode: '00004', provinceCode: '01' })).toEqual(['reportPlace']);
    expect(problem({ from: '2026-01-01', to: '2026-12-31', unitCode: '00004', channel: 'post' })).toEqual([]);
  });
});
