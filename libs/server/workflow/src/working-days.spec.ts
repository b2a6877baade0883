import { countingDay, dueAt, isWorkingDay, timeLimitInWorkingDays, workingDaysBetween } from './working-days';

/** An instant given in Viet Nam's local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const none = new Set<string>();
/** The days off these cases cross (the whole calendar lives in the database: migrations/…-holidays.ts). */
const vietnamHolidays = new Set([
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20', // Tết Bính Ngọ
  '2026-09-01',
  '2026-09-02',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11', // Tết Đinh Mùi
]);

describe('working days', () => {
  it('knows weekends and holidays are days off', () => {
    expect(isWorkingDay('2026-11-28', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-30', none)).toBe(true); // Monday
    expect(isWorkingDay('2026-09-02', vietnamHolidays)).toBe(false);
  });

  it('decides a same-day procedure received before 15:00 on that day', () => {
    expect(dueAt(vn('2026-11-25T14:59:00'), 0, none)).toEqual(vn('2026-11-25T17:00:00'));
  });

  it('moves a dossier received at or after 15:00 to the next working day', () => {
    expect(countingDay(vn('2026-11-25T15:00:00'), none)).toBe('2026-11-26');
    expect(dueAt(vn('2026-11-27T16:30:00'), 0, none)).toEqual(vn('2026-11-30T17:00:00')); // Friday → Monday
  });

  it('counts from Monday a dossier received at the weekend', () => {
    expect(dueAt(vn('2026-11-28T09:00:00'), 3, none)).toEqual(vn('2026-12-03T17:00:00'));
  });

  it('skips Tết', () => {
    // Friday 13 February 2026, 10:00: three working days, with Tết from 14 to 22 February.
    expect(dueAt(vn('2026-02-13T10:00:00'), 3, vietnamHolidays)).toEqual(vn('2026-02-25T17:00:00'));
  });

  it('skips Tết 2027 and its compensatory days', () => {
    // Thursday 4 February 2027, 09:00, one working day: 5 and 8–11 February are off, 6–7 a weekend.
    expect(dueAt(vn('2027-02-04T09:00:00'), 1, vietnamHolidays)).toEqual(vn('2027-02-12T17:00:00'));
  });

  it('uses Viet Nam time whatever the server clock', () => {
    // 2026-11-25T08:30Z is 15:30 in Hà Nội: after the cut-off.
    expect(countingDay(new Date('2026-11-25T08:30:00Z'), none)).toBe('2026-11-26');
  });
});

describe('a time limit in working days', () => {
  it('is the amount for a limit in working days, and whole days of eight hours for one in working hours', () => {
    expect(timeLimitInWorkingDays(3, 'working_days')).toBe(3);
    expect(timeLimitInWorkingDays(0, 'working_days')).toBe(0);
    expect(timeLimitInWorkingDays(8, 'working_hours')).toBe(1);
    expect(timeLimitInWorkingDays(12, 'working_hours')).toBe(2);
  });
});

describe('working days between two days', () => {
  const tet = new Set(['2026-02-16', '2026-02-17']);
  it('counts the working days after the first up to and including the last', () => {
    expect(workingDaysBetween('2026-02-09', '2026-02-09', tet)).toBe(0);
    // Tuesday to Friday of the same week.
    expect(workingDaysBetween('2026-02-09', '2026-02-13', tet)).toBe(4);
    // Over a weekend and two days off: Wednesday 18th and Thursday 19th only.
    expect(workingDaysBetween('2026-02-13', '2026-02-19', tet)).toBe(2);
    expect(workingDaysBetween('2026-02-19', '2026-02-13', tet)).toBe(0);
  });
});
