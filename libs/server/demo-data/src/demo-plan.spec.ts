import { applicationSchema, DemoPeople, procedureDemos, seededRandom, type FeeRule } from '@portal/contracts';
import { planDemoDossier, type DemoDossierPlan, type PlanInput } from './demo-plan';

const fees: FeeRule[] = [
  { case: 'on_time', amount: 0, label: { vi: 'Đúng hạn', en: 'On time' } },
  { case: 'late', amount: 8000, label: { vi: 'Quá hạn', en: 'Late' } },
  { case: 'extra_copy', amount: 8000, label: { vi: 'Bản sao', en: 'Copy' } },
  { case: 'post_delivery', amount: 25000, label: { vi: 'Bưu chính', en: 'Post' } },
] as FeeRule[];

const input: PlanInput = {
  now: new Date('2026-12-01T03:00:00Z'),
  units: [
    { code: '00004', name: 'Phường Ba Đình', provinceCode: '01', provinceName: 'Thành phố Hà Nội' },
    { code: '00008', name: 'Phường Ngọc Hà', provinceCode: '01', provinceName: 'Thành phố Hà Nội' },
  ],
  procedures: Object.keys(procedureDemos).map((code) => ({ code, timeLimitDays: 3, fees })),
  holidays: new Set(['2026-09-02']),
  months: 12,
  electronicResultDays: 45,
};

function plans(seed: number, count = 400): DemoDossierPlan[] {
  const people = new DemoPeople(seededRandom(seed));
  return Array.from({ length: count }, () => planDemoDossier(people, input));
}

describe('the demonstration dossiers', () => {
  const made = plans(7);

  it('are the same for the same seed, and other for another', () => {
    expect(JSON.stringify(plans(7, 20))).toBe(JSON.stringify(made.slice(0, 20)));
    expect(JSON.stringify(plans(8, 20))).not.toBe(JSON.stringify(made.slice(0, 20)));
  });

  it('are applications each procedure accepts (the papers aside)', () => {
    for (const plan of made) {
      const checked = applicationSchema(plan.procedureCode, 'counter').safeParse(plan.data);
      expect({ code: plan.procedureCode, issues: checked.success ? [] : checked.error.issues }).toEqual({
        code: plan.procedureCode,
        issues: [],
      });
    }
  });

  it('show every state a dossier can be in, on time and overdue, paid, refused, rated', () => {
    const statuses = new Set(made.map((p) => p.status));
    for (const status of ['new', 'received', 'processing', 'supplement_requested', 'processed', 'returned', 'refused'])
      expect({ status, present: statuses.has(status) }).toEqual({ status, present: true });
    expect(made.some((p) => p.step === 'awaiting_signature')).toBe(true);
    expect(made.some((p) => p.status === 'stopped' || p.status === 'withdrawn')).toBe(true);
    const open = made.filter((p) => p.finishedAt === null && p.dueAt);
    expect(open.some((p) => (p.dueAt as Date) < input.now)).toBe(true);
    expect(open.some((p) => (p.dueAt as Date) >= input.now)).toBe(true);
    const finished = made.filter((p) => p.finishedAt && p.dueAt);
    expect(finished.some((p) => (p.finishedAt as Date) > (p.dueAt as Date))).toBe(true);
    expect(made.some((p) => p.paidOnlineAt)).toBe(true);
    expect(made.some((p) => p.late)).toBe(true);
    expect(made.some((p) => p.rating)).toBe(true);
    expect(made.some((p) => p.electronicResult)).toBe(true);
    expect(new Set(made.map((p) => p.channel))).toEqual(new Set(['online', 'counter', 'post']));
    expect(new Set(made.map((p) => p.unitCode)).size).toBe(2);
  });

  it('tell a story that holds together: in order, up to now, with the dates the columns carry', () => {
    for (const plan of made) {
      const times = plan.steps.map((s) => s.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(input.now.getTime());
      for (const [i, step] of plan.steps.entries()) if (i > 0) expect(step.from).toBe(plan.steps[i - 1].to);
      expect(plan.steps[plan.steps.length - 1].to).toBe(plan.status);
      if (plan.finishedAt) expect(['processed', 'returned', 'refused', 'stopped', 'withdrawn']).toContain(plan.status);
      else expect(['processed', 'returned', 'refused', 'stopped', 'withdrawn']).not.toContain(plan.status);
      if (plan.receivedAt && plan.finishedAt) expect(plan.finishedAt >= plan.receivedAt).toBe(true);
      if (plan.status === 'new') expect(plan.receivedAt).toBeNull();
      if (plan.paidOnlineAt) expect(plan.feeTotal).toBeGreaterThan(0);
      if (plan.electronicResult) expect(plan.status).toBe('processed');
      expect(plan.feeTotal).toBe(plan.feeLines.reduce((sum, line) => sum + line.amount, 0));
    }
  });
});
