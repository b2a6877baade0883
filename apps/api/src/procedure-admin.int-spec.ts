import 'reflect-metadata';
import type {
  ApiError,
  DraftView,
  OfficeDossier,
  ProcedureAdminView,
  ProcedureDetail,
  ProcedureSummary,
  SubmittedDossier,
} from '@portal/contracts';
import { CatalogueSeeder } from '@portal/server/catalogue';
import {
  aDeathApplication,
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  BrowserClient,
  uploadPaper,
  vietnamDaysAgo,
} from '@portal/testing';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

const DEATH = '1.000656';

/**
 * `/admin/procedures`: administrators change fee amounts, the time limit, paper
 * names and whether a procedure takes applications. Each change is checked,
 * audited before → after, and applies to dossiers submitted afterwards; a
 * stopped procedure refuses new work while its open dossiers go on.
 */
describe('API: procedures kept by administrators', () => {
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;
  let admin: BrowserClient;
  let clerk: BrowserClient;

  beforeAll(async () => {
    api = await startApi();
    ({ base, dataSource } = api);
    admin = await aSignedInAccount(base, 'admin@demo.dichvucong.vn');
    clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
  });

  afterAll(async () => {
    // Other spec files share the database: the procedure goes back to what the seed says.
    await dataSource.query(`UPDATE procedure SET administered_at = NULL, active = true WHERE code = $1`, [DEATH]);
    await api.app.get(CatalogueSeeder).seed();
    await api.stop();
  });

  const current = async () => {
    const response = await admin.get(`/admin/procedures/${DEATH}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ProcedureAdminView;
  };
  const editOf = (p: ProcedureAdminView, over: Record<string, unknown> = {}) => ({
    version: p.version,
    active: p.active,
    timeLimitAmount: p.timeLimit.amount,
    fees: p.fees.map((f) => ({ case: f.case, amount: f.amount })),
    papers: p.requiredPapers.map((paper) => ({ code: paper.code, name: paper.name })),
    ...over,
  });
  const put = (body: unknown, who = admin, language?: string) =>
    who.request('PUT', `/admin/procedures/${DEATH}`, body, language ? { 'Accept-Language': language } : undefined);
  const audits = async () =>
    (await dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'procedure.updated' AND target_id = $1 ORDER BY id`,
      [DEATH],
    )) as { details: Record<string, unknown> }[];
  const submitDeath = async (name: string, daysAgo: number) => {
    const citizen = await aSignedInCitizen(base);
    const notice = await uploadPaper(citizen.browser, 'death_notice');
    const pages = aDeathApplication(
      { death_notice: notice },
      {
        deceased: { ...(aDeathApplication({})['deceased'] as object), fullName: name, personalId: '' },
        death: { ...(aDeathApplication({})['death'] as object), dateOfDeath: vietnamDaysAgo(daysAgo) },
      },
    );
    const draft = await aDraft(citizen.browser, pages, DEATH);
    const response = await citizen.browser.post(`/drafts/${draft.id}/submit`);
    expect(response.status).toBe(201);
    return (await response.json()) as SubmittedDossier;
  };

  it('lists every procedure with its fees, time limit, papers, version and open dossiers; only for administrators', async () => {
    const response = await admin.get('/admin/procedures');
    expect(response.status).toBe(200);
    const all = (await response.json()) as ProcedureAdminView[];
    expect(all.map((p) => p.code)).toEqual(expect.arrayContaining(['1.001193', 'LT.KS-TT-BHYT', DEATH]));
    const [death] = all.filter((p) => p.code === DEATH);
    expect(death).toMatchObject({
      name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
      active: true,
      timeLimit: { amount: 0, unit: 'working_days' },
    });
    expect(death.fees.map((f) => [f.case, f.amount])).toEqual([
      ['on_time', 0],
      ['late', 5000],
      ['extra_copy', 8000],
      ['post_delivery', 25000],
    ]);
    expect(death.requiredPapers.map((p) => p.code)).toEqual([
      'death_registration_form',
      'death_notice',
      'authorisation',
    ]);
    expect(death.version).toBeGreaterThanOrEqual(1);
    expect(typeof death.openDossiers).toBe('number');
    expect((await clerk.get('/admin/procedures')).status).toBe(403);
    expect((await put(editOf(death), clerk)).status).toBe(403);
    expect((await new BrowserClient(base).get('/admin/procedures')).status).toBe(401);
    expect((await admin.get('/admin/procedures/9.999999')).status).toBe(404);
  });

  it('refuses a bad edit field by field, in the caller’s language, and changes nothing', async () => {
    const before = await current();
    const auditsBefore = (await audits()).length;
    const lateFee = (amount: unknown) =>
      before.fees.map((f) => ({ case: f.case, amount: f.case === 'late' ? amount : f.amount }));
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ fees: lateFee(-1) }, 'fees.1.amount', 'feeAmount'],
      [{ fees: lateFee(2500.5) }, 'fees.1.amount', 'feeAmount'],
      [{ fees: lateFee(10_000_001) }, 'fees.1.amount', 'feeAmount'],
      [{ fees: lateFee(5000).slice(0, 1) }, 'fees', 'procedureItems'],
      [{ fees: [...lateFee(5000).slice(0, 3), { case: 'express', amount: 1 }] }, 'fees', 'procedureItems'],
      [{ timeLimitAmount: 91 }, 'timeLimitAmount', 'timeLimitAmount'],
      [{ timeLimitAmount: '3' }, 'timeLimitAmount', 'timeLimitAmount'],
      [
        { papers: before.requiredPapers.slice(1).map((p) => ({ code: p.code, name: p.name })) },
        'papers',
        'procedureItems',
      ],
      [
        {
          papers: before.requiredPapers.map((p, i) => ({
            code: p.code,
            name: i === 1 ? { vi: ' ', en: 'x' } : p.name,
          })),
        },
        'papers.1.name.vi',
        'required',
      ],
      [{ active: 'yes' }, 'active', 'wrongType'],
    ];
    for (const [over, field, code] of cases) {
      const response = await put(editOf(before, over), admin, 'en');
      expect({ over, status: response.status }).toEqual({ over, status: 400 });
      const body = (await response.json()) as ApiError & { details: { fields: { field: string; code: string }[] } };
      expect({ over, fields: body.details.fields }).toEqual({
        over,
        fields: expect.arrayContaining([expect.objectContaining({ field, code })]),
      });
    }
    const vi = (await (await put(editOf(before, { timeLimitAmount: 91 }))).json()) as ApiError & {
      details: { fields: { message: string }[] };
    };
    expect(vi.details.fields[0].message).toContain('ngày làm việc');
    const after = await current();
    expect(after).toEqual(before);
    expect((await audits()).length).toBe(auditsBefore);
  });

  it('changes fees, the time limit and a paper name for later submissions only, audited before → after', async () => {
    const earlier = await submitDeath('Lương Văn Trước', 20);
    expect(earlier.feeAmount).toBe(5000);

    const before = await current();
    const newName = { vi: 'Giấy báo tử (bản chính)', en: 'Death notice (original)' };
    const response = await put(
      editOf(before, {
        timeLimitAmount: 2,
        fees: before.fees.map((f) => ({ case: f.case, amount: f.case === 'late' ? 8000 : f.amount })),
        papers: before.requiredPapers.map((p) => ({
          code: p.code,
          name: p.code === 'death_notice' ? newName : p.name,
        })),
      }),
    );
    expect(response.status).toBe(200);
    const after = (await response.json()) as ProcedureAdminView;
    expect(after).toMatchObject({ version: before.version + 1, timeLimit: { amount: 2, unit: 'working_days' } });
    expect(after.fees.find((f) => f.case === 'late')).toEqual({ ...before.fees[1], amount: 8000 });
    expect(after.requiredPapers.find((p) => p.code === 'death_notice')).toMatchObject({
      name: newName,
      mandatory: true,
    });
    expect(after.administeredAt).not.toBeNull();

    const [entry] = (await audits()).slice(-1);
    expect(entry.details).toEqual({
      version: before.version + 1,
      before: {
        timeLimitAmount: 0,
        fees: { late: 5000 },
        papers: { death_notice: before.requiredPapers[1].name },
      },
      after: { timeLimitAmount: 2, fees: { late: 8000 }, papers: { death_notice: newName } },
    });

    // The public catalogue says it; a dossier submitted now is charged and timed by it; the earlier one is not.
    const detail = (await (await new BrowserClient(base).get(`/procedures/${DEATH}`)).json()) as ProcedureDetail;
    expect(detail.fees[1].amount).toBe(8000);
    expect(detail.requiredPapers[1].name).toEqual(newName);
    expect(detail.timeLimit.amount).toBe(2);
    const later = await submitDeath('Lương Văn Sau', 20);
    expect(later.feeAmount).toBe(8000);
    expect(Date.parse(later.dueAt)).toBeGreaterThan(Date.parse(earlier.dueAt));
    const [{ fee_amount: earlierFee, due_at: earlierDue }] = await dataSource.query(
      `SELECT fee_amount, due_at FROM dossier WHERE code = $1`,
      [earlier.code],
    );
    expect(Number(earlierFee)).toBe(5000);
    expect(new Date(earlierDue).toISOString()).toBe(new Date(earlier.dueAt).toISOString());

    // Sent again unchanged: nothing to record.
    const same = await put(editOf(after));
    expect(same.status).toBe(200);
    expect(((await same.json()) as ProcedureAdminView).version).toBe(after.version);
    expect((await audits()).slice(-1)[0].details).toEqual(entry.details);

    // Demo seeding (every `npm start`) leaves the administrator's figures alone.
    await api.app.get(CatalogueSeeder).seed();
    expect((await current()).fees[1].amount).toBe(8000);
  });

  it('refuses an edit made from an older version: someone else changed it first', async () => {
    const seen = await current();
    expect((await put(editOf(seen, { timeLimitAmount: 1 }))).status).toBe(200);
    const stale = await put(editOf(seen, { timeLimitAmount: 3 }), admin, 'en');
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'PROCEDURE_CHANGED', message: expect.stringContaining('Reload') });
    expect((await current()).timeLimit.amount).toBe(1);
  });

  it('stops new applications — draft, page, submission, counter — while open dossiers go on; resumed, it takes them again', async () => {
    const open = await submitDeath('Hà Văn Đang', 2);
    const citizen = await aSignedInCitizen(base);
    const notice = await uploadPaper(citizen.browser, 'death_notice');
    const pages = aDeathApplication(
      { death_notice: notice },
      { deceased: { ...(aDeathApplication({})['deceased'] as object), fullName: 'Hà Văn Chờ', personalId: '' } },
    );
    const waiting = await aDraft(citizen.browser, pages, DEATH);

    const seen = await current();
    expect((await put(editOf(seen, { active: false }))).status).toBe(200);
    const stopped = await current();
    expect(stopped).toMatchObject({ active: false, openDossiers: expect.any(Number) });
    expect(stopped.openDossiers).toBeGreaterThanOrEqual(1);

    const anyone = new BrowserClient(base);
    const list = (await (await anyone.get('/procedures')).json()) as ProcedureSummary[];
    expect(list.map((p) => p.code)).not.toContain(DEATH);
    const detail = await anyone.get(`/procedures/${DEATH}`);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as ProcedureDetail).acceptingApplications).toBe(false);

    const refusals = [
      await citizen.browser.post('/drafts', { procedureCode: DEATH }),
      await citizen.browser.request('PUT', `/drafts/${waiting.id}/steps/deceased`, pages['deceased']),
      await citizen.browser.post(`/drafts/${waiting.id}/submit`),
      await clerk.post('/office/dossiers/counter', { procedureCode: DEATH, data: { deceased: pages['deceased'] } }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(409);
      const body = (await refused.json()) as ApiError;
      expect(body.code).toBe('PROCEDURE_SUSPENDED');
      expect(body.message).toContain('Đăng ký khai tử');
      expect(body.message).toContain('tạm ngừng nhận hồ sơ mới');
    }
    const english = await citizen.browser.request(
      'POST',
      '/drafts',
      { procedureCode: DEATH },
      { 'Accept-Language': 'en' },
    );
    expect(((await english.json()) as ApiError).message).toContain('not taking new applications');
    // Nothing was half-done: the draft is as it was, no dossier opened for it.
    const kept = (await (await citizen.browser.get(`/drafts/${waiting.id}`)).json()) as DraftView;
    expect(kept.completedSteps).toEqual(waiting.completedSteps);
    // Birth registration is not affected.
    expect((await citizen.browser.post('/drafts', { procedureCode: '1.001193' })).status).toBe(201);

    // The dossier submitted before goes on: the clerk receives it.
    const dossier = (await (await clerk.get(`/office/dossiers/${open.code}`)).json()) as OfficeDossier;
    const received = await clerk.post(`/office/dossiers/${open.code}/actions/receive`, { version: dossier.version });
    expect(received.status).toBe(200);

    expect((await put(editOf(stopped, { active: true }))).status).toBe(200);
    expect((await citizen.browser.post(`/drafts/${waiting.id}/submit`)).status).toBe(201);
    const [entry] = (await audits()).slice(-1);
    expect(entry.details).toMatchObject({ before: { active: false }, after: { active: true } });
  });
});
