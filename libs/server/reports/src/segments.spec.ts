import { addDays, daysOf, segments } from './segments';

/** Every day from `from` to `to`, one by one. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('a period cut into day, month and year buckets', () => {
  it('a month is one month bucket; a year one year bucket; two years two', () => {
    expect(segments('2026-02-01', '2026-02-28')).toEqual([{ grain: 'm', first: '2026-02-01', last: '2026-02-01' }]);
    expect(segments('2025-01-01', '2025-12-31')).toEqual([{ grain: 'y', first: '2025-01-01', last: '2025-01-01' }]);
    expect(segments('2024-01-01', '2025-12-31')).toEqual([{ grain: 'y', first: '2024-01-01', last: '2025-01-01' }]);
  });

  it('a quarter is three month buckets', () => {
    expect(segments('2026-04-01', '2026-06-30')).toEqual([{ grain: 'm', first: '2026-04-01', last: '2026-06-01' }]);
  });

  it('a custom period: days, months, years, months, days', () => {
    expect(segments('2023-11-15', '2026-02-10')).toEqual([
      { grain: 'd', first: '2023-11-15', last: '2023-11-30' },
      { grain: 'm', first: '2023-12-01', last: '2023-12-01' },
      { grain: 'y', first: '2024-01-01', last: '2025-01-01' },
      { grain: 'm', first: '2026-01-01', last: '2026-01-01' },
      { grain: 'd', first: '2026-02-01', last: '2026-02-10' },
    ]);
  });

  it('a few days inside one month are days; an empty period nothing', () => {
    expect(segments('2026-03-01', '2026-03-05')).toEqual([{ grain: 'd', first: '2026-03-01', last: '2026-03-05' }]);
    expect(segments('2026-03-10', '2026-03-09')).toEqual([]);
  });

  it('from the epoch to a day: years, then months, then days', () => {
    expect(segments('1970-01-01', '2026-03-04')).toEqual([
      { grain: 'y', first: '1970-01-01', last: '2025-01-01' },
      { grain: 'm', first: '2026-01-01', last: '2026-02-01' },
      { grain: 'd', first: '2026-03-01', last: '2026-03-04' },
    ]);
  });

  it('covers every day of any period exactly once (400 periods)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const from = addDays('2023-01-01', random(1200));
      const to = addDays(from, random(900) - 5);
      const covered = segments(from, to).flatMap((s) => {
        const { first, last } = daysOf(s);
        return days(first, last);
      });
      expect({ from, to, covered }).toEqual({ from, to, covered: days(from, to) });
    }
  });
});
