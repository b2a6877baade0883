import { addDays, daysOf, EPOCH, rangeTerms, segments, termsBefore } from './segments';

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

/** How many times each day of the window is counted by the terms (the total counting every day once). */
function counted(terms: ReturnType<typeof termsBefore>, from: string, to: string): Map<string, number> {
  const times = new Map<string, number>();
  for (const term of terms) {
    const { first, last } = daysOf(term);
    for (const d of days(first < from ? from : first, last > to ? to : last)) {
      times.set(d, (times.get(d) ?? 0) + term.weight);
    }
  }
  return times;
}

describe('the sum before a period', () => {
  it('a recent month: the total less this month and what lies ahead', () => {
    expect(termsBefore('2026-12-01', '2026-12-02')).toEqual([
      { grain: 't', first: EPOCH, last: EPOCH, weight: 1 },
      { grain: 'm', first: '2026-12-01', last: '2026-12-01', weight: -1 },
      { grain: 'y', first: '2027-01-01', last: '2199-01-01', weight: -1 },
    ]);
  });

  it('an early month: the years and months before it', () => {
    expect(termsBefore('2025-03-01', '2026-12-02')).toEqual([
      { grain: 'y', first: EPOCH, last: '2024-01-01', weight: 1 },
      { grain: 'm', first: '2025-01-01', last: '2025-02-01', weight: 1 },
    ]);
  });

  it('either way, counts every day before the start once and none after (300 starts)', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const start = addDays('2023-01-01', random(1500));
      const times = counted(termsBefore(start, '2026-12-02'), '2022-01-01', '2028-12-31');
      const wrong = [...times].filter(([d, n]) => n !== (d < start ? 1 : 0)).map(([d]) => d);
      const missing = days('2022-01-01', addDays(start, -1)).filter((d) => !times.has(d));
      expect({ start, wrong, missing }).toEqual({ start, wrong: [], missing: [] });
    }
  });
});

describe('a period as signed buckets', () => {
  it('1–20 December, before its end: the month less the days still to come', () => {
    expect(rangeTerms('2026-12-01', '2026-12-20', '2026-12-02')).toEqual([
      { grain: 'm', first: '2026-12-01', last: '2026-12-01', weight: 1 },
      { grain: 'd', first: '2026-12-21', last: '2026-12-31', weight: -1 },
    ]);
    expect(rangeTerms('2025-03-10', '2025-03-12', '2026-12-02')).toEqual([
      { grain: 'd', first: '2025-03-10', last: '2025-03-12', weight: 1 },
    ]);
  });

  it('counts every day of any period once and no other (300 periods)', () => {
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const from = addDays('2023-01-01', random(1200));
      const to = addDays(from, random(400));
      const times = counted(rangeTerms(from, to, '2026-12-02'), '2022-01-01', '2028-12-31');
      const wrong = [...times].filter(([d, n]) => n !== (d >= from && d <= to ? 1 : 0)).map(([d]) => d);
      const missing = days(from, to).filter((d) => !times.has(d));
      expect({ from, to, wrong, missing }).toEqual({ from, to, wrong: [], missing: [] });
    }
  });
});
