import {
  bandOf,
  emptyServiceIndexInputs,
  rankWards,
  satisfactionRate,
  scoreProcessingTime,
  scoreRate,
  scoreServiceIndex,
  serviceIndexDefinitions,
  serviceIndexGroups,
  serviceIndexQuerySchema,
  type ServiceIndexInputs,
} from './service-index';

const inputs = (over: Partial<ServiceIndexInputs>): ServiceIndexInputs => ({ ...emptyServiceIndexInputs(), ...over });

describe('the citizen-service index (Decision 766)', () => {
  it('has six cards of 100 points, and no card whose indicators exceed it', () => {
    expect(serviceIndexGroups.reduce((sum, g) => sum + g.max, 0)).toBe(100);
    for (const group of serviceIndexGroups) {
      const indicators = serviceIndexDefinitions.filter((d) => d.group === group.key);
      expect(indicators.reduce((sum, d) => sum + d.max, 0)).toBeLessThanOrEqual(group.max);
    }
    expect(serviceIndexDefinitions.find((d) => d.code === '5.4')).toMatchObject({ max: 6, threshold: 0.9 });
  });

  it('scores a rate with a threshold as the maximum at or above it, else rate × max ÷ threshold', () => {
    expect(scoreRate(0.5, 12, 0.5)).toBe(12);
    expect(scoreRate(0.7, 12, 0.5)).toBe(12);
    expect(scoreRate(0.25, 12, 0.5)).toBe(6);
    expect(scoreRate(0.4, 8, 0.8)).toBe(4);
  });

  it('scores a rate without a threshold as rate × max', () => {
    expect(scoreRate(0.75, 10, null)).toBe(7.5);
    expect(scoreRate(0, 10, null)).toBe(0);
  });

  it('scores the processing time in full up to the time limit, down to 0 at twice it', () => {
    expect(scoreProcessingTime(3, 5, 8)).toBe(8);
    expect(scoreProcessingTime(5, 5, 8)).toBe(8);
    expect(scoreProcessingTime(7.5, 5, 8)).toBe(4);
    expect(scoreProcessingTime(10, 5, 8)).toBe(0);
    expect(scoreProcessingTime(12, 5, 8)).toBe(0);
    // A same-day procedure: to 0 at one working day over.
    expect(scoreProcessingTime(0, 0, 8)).toBe(8);
    expect(scoreProcessingTime(0.25, 0, 8)).toBe(6);
    expect(scoreProcessingTime(1.5, 0, 8)).toBe(0);
  });

  it('counts satisfaction as 100 % less the overdue and dissatisfied rates', () => {
    // 10 handled, 2 overdue (20 %); 8 resolved, 2 rated dissatisfied (25 %): 55 %.
    const rate = satisfactionRate(
      inputs({ resolved: 8, inProgress: 2, resolvedOverdue: 1, inProgressOverdue: 1, dissatisfied: 2 }),
    );
    expect(rate).toBeCloseTo(0.55, 10);
    expect(satisfactionRate(inputs({ resolved: 1, resolvedOverdue: 1, dissatisfied: 1 }))).toBe(0);
    expect(satisfactionRate(inputs({}))).toBeNull();
  });

  it('gives bands by the score scaled to 100', () => {
    expect([100, 90, 89.9, 80, 79.9, 65, 64.9, 50, 49.9, 0].map(bandOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'average',
      'average',
      'weak',
      'weak',
    ]);
  });

  it('scores every indicator from its inputs, and adds them up by card', () => {
    const score = scoreServiceIndex(
      inputs({
        received: 10,
        receivedOnline: 4,
        resolved: 8,
        resolvedEarly: 3,
        resolvedOnTime: 4,
        resolvedOverdue: 1,
        inProgress: 2,
        inProgressWithinTime: 2,
        processingDays: 48,
        allowedDays: 40,
        feeBearing: 4,
        paidOnline: 1,
        approved: 6,
        electronicResult: 3,
        digitised: 4,
        eidVerified: 2,
        dissatisfied: 1,
      }),
    );
    const by = Object.fromEntries(score.indicators.map((i) => [i.code, i]));
    expect(by['2.1']).toMatchObject({ numerator: 9, denominator: 10, value: 0.9, score: 10.8, max: 12 });
    // 6 days on average against a limit of 5: u = 1.2, 8 × 0.8.
    expect(by['2.2']).toMatchObject({ numerator: 48, denominator: 8, value: 6, limit: 5, score: 6.4 });
    expect(by['3.3']).toMatchObject({ value: 0.4, score: 9.6, threshold: 0.5 });
    expect(by['3.6']).toMatchObject({ value: 0.25, score: 2.5 });
    expect(by['4.1']).toMatchObject({ value: 0.5, score: 4 });
    expect(by['4.2']).toMatchObject({ value: 0.4, score: 4 });
    expect(by['4.5']).toMatchObject({ value: 0.2, score: 1.2 });
    // 100 % − (1/10 + 1/8) = 77.5 %, under the 90 % threshold: 6 × 0.775 / 0.9.
    expect(by['5.4']).toMatchObject({ numerator: 1, denominator: 10, value: 0.775, score: 5.17 });
    const groups = Object.fromEntries(score.groups.map((g) => [g.key, g]));
    expect(groups['progress']).toEqual({ key: 'progress', max: 20, score: 17.2, measuredMax: 20 });
    expect(groups['transparency']).toEqual({ key: 'transparency', max: 18, score: 0, measuredMax: 0 });
    expect(groups['digitisation']).toMatchObject({ score: 9.2, measuredMax: 22 });
    expect(score.total).toBe(43.67);
    expect(score.measuredMax).toBe(70);
    expect(score.scaled).toBe(62.4);
    expect(score.band).toBe('average');
  });

  it('leaves an indicator with nothing to measure unscored and out of the maxima', () => {
    const score = scoreServiceIndex(inputs({ received: 2, receivedOnline: 2, inProgress: 2, inProgressWithinTime: 2 }));
    const by = Object.fromEntries(score.indicators.map((i) => [i.code, i]));
    expect(by['2.2']).toMatchObject({ value: null, score: null });
    expect(by['3.6']).toMatchObject({ value: null, score: null });
    expect(by['4.1']).toMatchObject({ value: null, score: null });
    expect(score.measuredMax).toBe(12 + 12 + 8 + 6 + 6);
    expect(scoreServiceIndex(inputs({})).band).toBeNull();
  });

  it('ranks wards by total, equal totals sharing a rank', () => {
    const ranked = rankWards([
      { unitCode: 'a', total: 40, scaled: 80 },
      { unitCode: 'b', total: 50, scaled: 70 },
      { unitCode: 'c', total: 40, scaled: 80 },
      { unitCode: 'd', total: 10, scaled: 20 },
    ]);
    expect(ranked.map((w) => `${w.rank}${w.unitCode}`)).toEqual(['1b', '2a', '2c', '4d']);
  });

  it('takes one period at most, and a province or a ward', () => {
    expect(serviceIndexQuerySchema.safeParse({ month: '2024-03' }).success).toBe(true);
    expect(serviceIndexQuerySchema.safeParse({ month: '2024-03', year: '2024' }).success).toBe(false);
    expect(serviceIndexQuerySchema.safeParse({ unitCode: '00004', provinceCode: '01' }).success).toBe(false);
    expect(serviceIndexQuerySchema.safeParse({ month: '2024-13' }).success).toBe(false);
  });
});
