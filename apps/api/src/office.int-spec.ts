import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { ApiError, DossierDetail, InboxPage, OfficeDossier } from '@portal/contracts';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { hashPassword, IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import {
  aBirthApplication,
  aDraft,
  aLinkedBirthApplication,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  uploadPaper,
  BrowserClient,
} from '@portal/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

describe('API: the back office works a ward’s dossiers through the workflow', () => {
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;
  let clerk: BrowserClient;
  let leader: BrowserClient;
  let otherWardClerk: BrowserClient;
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-office-'));

  beforeAll(async () => {
    app = await createApp({ ...loadConfig(), UPLOAD_DIR: uploadDir });
    await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    await dataSource.query(
      `INSERT INTO app_user (email, full_name, password_hash, roles, unit_code)
       VALUES ('clerk.ngocha@demo.dichvucong.vn', 'Đỗ Văn Giang', $1, ARRAY['clerk'], '00008') ON CONFLICT (email) DO NOTHING`,
      [await hashPassword('Demo@2025')],
    );
    clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    leader = await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn');
    otherWardClerk = await aSignedInAccount(base, 'clerk.ngocha@demo.dichvucong.vn');
  });

  afterAll(async () => {
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const view = async (browser: BrowserClient, code: string) =>
    (await (await browser.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
  const act = (browser: BrowserClient, code: string, action: string, body: Record<string, unknown>) =>
    browser.post(`/office/dossiers/${code}/actions/${action}`, body);
  const events = async (code: string) =>
    (
      await dataSource.query(
        `SELECT e.action, e.actor_role, e.from_status, e.to_status FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
          WHERE d.code = $1 AND e.action <> 'view' ORDER BY e.id`,
        [code],
      )
    ).map(
      (e: Record<string, string>) => `${e['action']}:${e['actor_role']}:${e['from_status'] ?? '-'}>${e['to_status']}`,
    );

  it('takes a dossier from new to processed: receive, ask for a paper, resubmit, propose, sign', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);

    const inbox = (await (await clerk.get(`/office/dossiers?tab=to_receive&q=${code}`)).json()) as InboxPage;
    expect(inbox.rows.map((r) => r.code)).toContain(code);
    expect(inbox.counts.to_receive).toBeGreaterThan(0);

    let dossier = await view(clerk, code);
    expect(dossier).toMatchObject({
      status: 'new',
      allowedActions: ['receive', 'refuse'],
      applicant: { phone: '0912345678' },
    });
    const paper = await clerk.get(`/office/dossiers/${code}/papers/${dossier.papers[0].id}`);
    expect(paper.status).toBe(200);
    expect(paper.headers.get('content-type')).toBe('application/pdf');

    for (const [action, body] of [
      ['receive', {}],
      ['start', {}],
      [
        'request_supplement',
        { reason: 'Giấy chứng sinh bị mờ, vui lòng chụp lại.', papers: ['medical_birth_certificate'] },
      ],
    ] as const) {
      const response = await act(clerk, code, action, { version: dossier.version, ...body });
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
      dossier = (await response.json()) as OfficeDossier;
    }
    expect(dossier.status).toBe('supplement_requested');

    // The citizen sends a clearer copy; the clock starts again.
    const mine = (await (await citizen.browser.get(`/dossiers/${code}`)).json()) as DossierDetail & {
      version?: number;
    };
    const clearer = await uploadPaper(citizen.browser, 'medical_birth_certificate');
    const [{ version }] = await dataSource.query(`SELECT version FROM dossier WHERE code = $1`, [code]);
    const resent = await citizen.browser.post(`/dossiers/${code}/actions/resubmit`, {
      version,
      attachmentIds: [clearer],
    });
    expect(resent.status).toBe(200);
    expect(((await resent.json()) as DossierDetail).status).toBe('processing');
    expect(mine.timeline.map((e) => e.action)).not.toContain('view');

    dossier = await view(clerk, code);
    expect(dossier.papers).toHaveLength(2);
    dossier = (await (
      await act(clerk, code, 'propose_approval', { version: dossier.version })
    ).json()) as OfficeDossier;
    expect(dossier).toMatchObject({
      status: 'processing',
      step: 'awaiting_signature',
      proposal: 'approve',
      allowedActions: [],
    });

    const forLeader = await view(leader, code);
    expect(forLeader.allowedActions).toEqual(['sign', 'send_back']);
    const signed = await act(leader, code, 'sign', { version: forLeader.version });
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as OfficeDossier).status).toBe('processed');

    expect(await events(code)).toEqual([
      'submit:citizen:->new',
      'receive:clerk:new>received',
      'start:clerk:received>processing',
      'request_supplement:clerk:processing>supplement_requested',
      'resubmit:citizen:supplement_requested>processing',
      'propose_approval:clerk:processing>processing',
      'sign:leader:processing>processed',
    ]);
    // The citizen was told of each step that concerns them, and of nothing else (start, resend, proposal).
    const mails = await dataSource.query(
      `SELECT n.template, n.params->>'change' AS change, n.params->>'reason' AS reason
         FROM notification n JOIN dossier d ON d.id = n.dossier_id WHERE d.code = $1 ORDER BY n.created_at`,
      [code],
    );
    expect(mails).toEqual([
      { template: 'dossier-submitted', change: null, reason: null },
      { template: 'dossier-status-changed', change: 'received', reason: null },
      {
        template: 'dossier-status-changed',
        change: 'supplement_requested',
        reason: 'Giấy chứng sinh bị mờ, vui lòng chụp lại.',
      },
      { template: 'dossier-status-changed', change: 'processed', reason: null },
    ]);
    const [row] = await dataSource.query(`SELECT finished_at, paused_at, received_at FROM dossier WHERE code = $1`, [
      code,
    ]);
    expect(row.finished_at).not.toBeNull();
    expect(row.paused_at).toBeNull();
    expect(row.received_at).not.toBeNull();
    const views = await dataSource.query(
      `SELECT count(*)::int AS n FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'view'`,
      [code],
    );
    expect(views[0].n).toBeGreaterThanOrEqual(3);
  });

  it('refuses what the state table does not allow, and changes nothing', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const { version } = await view(clerk, code);
    const count = async () => (await events(code)).length;
    const before = await count();

    const early = await act(clerk, code, 'start', { version });
    expect(early.status).toBe(409);
    expect(((await early.json()) as ApiError).code).toBe('ACTION_NOT_ALLOWED');
    const noReason = await act(clerk, code, 'refuse', { version });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ApiError).code).toBe('REASON_REQUIRED');
    expect((await act(leader, code, 'receive', { version })).status).toBe(403);
    expect((await act(clerk, code, 'teleport', { version })).status).toBe(409);
    expect((await act(clerk, code, 'receive', {})).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets one of two clerks acting at once win; the other gets 409', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const { version } = await view(clerk, code);
    const secondClerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const results = await Promise.all([
      act(clerk, code, 'receive', { version }),
      act(secondClerk, code, 'refuse', { version, reason: 'Trùng hồ sơ' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(((await loser?.json()) as ApiError).code).toBe('DOSSIER_CHANGED');
    expect((await events(code)).length).toBe(2);
  });

  it("keeps every ward to its own dossiers: another ward's clerk gets 404 everywhere", async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const { version, papers } = await view(clerk, code);

    expect((await otherWardClerk.get(`/office/dossiers/${code}`)).status).toBe(404);
    expect((await otherWardClerk.get(`/office/dossiers/${code}/papers/${papers[0].id}`)).status).toBe(404);
    for (const action of ['receive', 'refuse', 'start']) {
      expect((await act(otherWardClerk, code, action, { version, reason: 'x' })).status).toBe(404);
    }
    for (const tab of ['to_receive', 'in_progress', 'finished']) {
      const page = (await (await otherWardClerk.get(`/office/dossiers?tab=${tab}&q=${code}`)).json()) as InboxPage;
      expect(page.rows).toEqual([]);
    }
    expect((await events(code)).length).toBe(1);
  });

  it('keeps citizens out of the back office', async () => {
    const citizen = await aSignedInCitizen(base);
    expect((await citizen.browser.get('/office/dossiers')).status).toBe(403);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    expect((await citizen.browser.get(`/office/dossiers/${code}`)).status).toBe(403);
    const anonymous = await new BrowserClient(base).start();
    expect((await anonymous.get('/office/dossiers')).status).toBe(401);
  });

  it('lets an auditor read every ward’s dossiers, recorded, and change nothing', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser, { ward: { unitCode: '00008' } });
    const auditor = await aSignedInAccount(base, 'auditor@demo.dichvucong.vn');

    const inbox = (await (await auditor.get(`/office/dossiers?q=${code}`)).json()) as InboxPage;
    expect(inbox.rows).toMatchObject([{ code, unitName: 'Phường Ngọc Hà' }]);
    const dossier = await view(auditor, code);
    expect(dossier).toMatchObject({ code, status: 'new', allowedActions: [] });
    expect((await auditor.get(`/office/dossiers/${code}/papers/${dossier.papers[0].id}`)).status).toBe(200);
    const [read] = await dataSource.query(
      `SELECT e.actor_role FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'view'`,
      [code],
    );
    expect(read.actor_role).toBe('auditor');

    expect((await act(auditor, code, 'receive', { version: dossier.version })).status).toBe(403);
    const { papers: _papers, ...pages } = aBirthApplication({});
    expect((await auditor.post('/office/dossiers/counter', { procedureCode: '1.001193', data: pages })).status).toBe(
      403,
    );
    expect((await view(auditor, code)).status).toBe('new');
    // A ward's clerk still sees only their own ward.
    expect((await clerk.get(`/office/dossiers/${code}`)).status).toBe(404);
  });

  it('searches the inbox by code and by name, and answers a bad tab with 400', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser, {
      child: {
        fullName: 'Vũ Thảo Nguyên',
        sex: 'female',
        dateOfBirth: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      },
    });
    const byName = (await (
      await clerk.get(`/office/dossiers?tab=to_receive&q=${encodeURIComponent('Thảo Nguyên')}`)
    ).json()) as InboxPage;
    expect(byName.rows.map((r) => r.code)).toEqual([code]);
    expect(byName.rows[0].subjectName).toBe('Vũ Thảo Nguyên');
    expect(byName.total).toBe(1);
    // Whatever the case of the letters, marks included; a code by any part; never across two fields.
    for (const q of ['VŨ THẢO', 'thảo nguyên', code.slice(-6).toLowerCase()]) {
      const found = (await (
        await clerk.get(`/office/dossiers?tab=to_receive&q=${encodeURIComponent(q)}`)
      ).json()) as InboxPage;
      expect({ q, codes: found.rows.map((r) => r.code) }).toEqual({ q, codes: [code] });
    }
    const across = (await (
      await clerk.get(`/office/dossiers?tab=to_receive&q=${encodeURIComponent(`${code.slice(-3)}Vũ`)}`)
    ).json()) as InboxPage;
    expect(across).toMatchObject({ rows: [], total: 0 });
    expect((await clerk.get('/office/dossiers?tab=everything')).status).toBe(400);
  });

  it('does not count the time spent waiting for papers: resending moves the due date by the pause', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    let dossier = await view(clerk, code);
    for (const [action, body] of [
      ['receive', {}],
      ['request_supplement', { reason: 'Thiếu giấy chứng sinh bản chính.', papers: ['medical_birth_certificate'] }],
    ] as const) {
      dossier = (await (await act(clerk, code, action, { version: dossier.version, ...body })).json()) as OfficeDossier;
    }
    // The citizen took two days (and a few seconds) to answer.
    await dataSource.query(`UPDATE dossier SET paused_at = paused_at - interval '2 days' WHERE code = $1`, [code]);
    const [before] = await dataSource.query(`SELECT due_at, version FROM dossier WHERE code = $1`, [code]);
    const resent = await citizen.browser.post(`/dossiers/${code}/actions/resubmit`, { version: before.version });
    expect(resent.status).toBe(200);
    const [after] = await dataSource.query(`SELECT due_at, paused_at, paused_seconds FROM dossier WHERE code = $1`, [
      code,
    ]);
    const moved = new Date(after.due_at).getTime() - new Date(before.due_at).getTime();
    expect(moved).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(moved).toBeLessThan(2 * 86_400_000 + 60_000);
    expect(after.paused_at).toBeNull();
    expect(after.paused_seconds).toBeGreaterThanOrEqual(2 * 86_400);
    // The new warning timer falls a quarter of the working time before the new due date, not 75 % of what is left.
    const [dates] = await dataSource.query(`SELECT id, received_at FROM dossier WHERE code = $1`, [code]);
    const [warning] = await dataSource.query(
      `SELECT run_at FROM outbox_message WHERE job_name = 'sla-warning' AND payload->>'dossierId' = $1
        ORDER BY id DESC LIMIT 1`,
      [dates.id],
    );
    const working =
      new Date(after.due_at).getTime() - new Date(dates.received_at).getTime() - after.paused_seconds * 1000;
    expect(
      Math.abs(new Date(warning.run_at).getTime() - (new Date(after.due_at).getTime() - working / 4)),
    ).toBeLessThan(2000);
  });

  it('lets a staff member who also has a citizen account act only as staff in the back office', async () => {
    await dataSource.query(
      `INSERT INTO app_user (email, full_name, password_hash, roles, unit_code)
       VALUES ('both.badinh@demo.dichvucong.vn', 'Ngô Thị Hạnh', $1, ARRAY['citizen', 'clerk'], '00004')
       ON CONFLICT (email) DO NOTHING`,
      [await hashPassword('Demo@2025')],
    );
    const both = await aSignedInAccount(base, 'both.badinh@demo.dichvucong.vn');
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const dossier = await view(both, code);
    expect(dossier.allowedActions).toEqual(['receive', 'refuse']);
    const withdrawn = await act(both, code, 'withdraw', { version: dossier.version });
    expect(withdrawn.status).toBe(403);
    expect((await view(both, code)).status).toBe('new');
  });

  it('links papers sent with a resubmission only, not with a withdrawal', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const paper = await uploadPaper(citizen.browser, 'medical_birth_certificate');
    const mine = (await (await citizen.browser.get(`/dossiers/${code}`)).json()) as DossierDetail;
    expect(mine.allowedActions).toEqual(['withdraw']); // what the state table lets a citizen do now
    const { version } = mine;
    const withdrawn = await citizen.browser.post(`/dossiers/${code}/actions/withdraw`, {
      version,
      attachmentIds: [paper],
    });
    expect(withdrawn.status).toBe(200);
    expect((await withdrawn.json()) as DossierDetail).toMatchObject({ status: 'withdrawn', allowedActions: [] });
    const [linked] = await dataSource.query(`SELECT dossier_id FROM attachment WHERE id = $1`, [paper]);
    expect(linked.dossier_id).toBeNull();
  });

  it('filters the inbox by procedure, tab counts included', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const certificate = await uploadPaper(citizen.browser, 'medical_birth_certificate');
    const draft = await aDraft(
      citizen.browser,
      aLinkedBirthApplication({ medical_birth_certificate: certificate }),
      'LT.KS-TT-BHYT',
    );
    const linkedCode = ((await (await citizen.browser.post(`/drafts/${draft.id}/submit`)).json()) as { code: string })
      .code;
    // Found by code within the procedure (the shared test database holds more than a page of new dossiers).
    const inbox = async (procedure: string, q?: string) =>
      (await (
        await clerk.get(`/office/dossiers?tab=to_receive&procedureCode=${procedure}${q ? `&q=${q}` : ''}`)
      ).json()) as InboxPage;
    expect((await inbox('1.001193', code)).rows.map((r) => r.code)).toEqual([code]);
    expect((await inbox('1.001193', linkedCode)).rows).toEqual([]);
    expect((await inbox('LT.KS-TT-BHYT', linkedCode)).rows.map((r) => r.code)).toEqual([linkedCode]);
    expect((await inbox('LT.KS-TT-BHYT', code)).rows).toEqual([]);
    for (const procedure of ['1.001193', 'LT.KS-TT-BHYT']) {
      const page = await inbox(procedure);
      expect(page.counts.to_receive).toBe(page.total);
      expect(page.rows.every((r) => r.procedureName.vi === page.rows[0].procedureName.vi)).toBe(true);
    }
    expect((await clerk.get(`/office/dossiers?procedureCode=${'x'.repeat(40)}`)).status).toBe(400);
  });

  it('marks a dossier due soon, then overdue, on its page as in the inbox; not while it waits for papers', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const setDue = (submittedHoursAgo: number, dueInHours: number) =>
      dataSource.query(
        `UPDATE dossier SET submitted_at = now() - make_interval(hours => $2), due_at = now() + make_interval(hours => $3)
          WHERE code = $1`,
        [code, submittedHoursAgo, dueInHours],
      );
    expect(await view(clerk, code)).toMatchObject({ dueSoon: false, overdue: false });
    await setDue(70, 2);
    expect(await view(clerk, code)).toMatchObject({ dueSoon: true, overdue: false });
    await setDue(80, -1);
    let dossier = await view(clerk, code);
    expect(dossier).toMatchObject({ dueSoon: false, overdue: true });
    const overdueTab = (await (await clerk.get(`/office/dossiers?tab=overdue&q=${code}`)).json()) as InboxPage;
    expect(overdueTab.rows[0]).toMatchObject({ code, overdue: true });

    await setDue(80, 10);
    dossier = await view(clerk, code);
    for (const [action, body] of [
      ['receive', {}],
      ['request_supplement', { reason: 'Thiếu giấy chứng sinh bản chính.', papers: ['medical_birth_certificate'] }],
    ] as const) {
      dossier = (await (await act(clerk, code, action, { version: dossier.version, ...body })).json()) as OfficeDossier;
    }
    await setDue(80, -1);
    expect(await view(clerk, code)).toMatchObject({ status: 'supplement_requested', dueSoon: false, overdue: false });
  });

  it('records a walk-in paper application at the counter, received on the spot in the clerk’s own ward', async () => {
    const { papers: _papers, ...pages } = aBirthApplication({}, { ward: { unitCode: '00008' } });
    const dossiers = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM dossier`))[0].n as number;
    const before = await dossiers();

    const bad = await clerk.post('/office/dossiers/counter', {
      procedureCode: '1.001193',
      data: { ...pages, child: {} },
    });
    expect(bad.status).toBe(400);
    expect((await leader.post('/office/dossiers/counter', { procedureCode: '1.001193', data: pages })).status).toBe(
      403,
    );
    expect(await dossiers()).toBe(before);

    const response = await clerk.post('/office/dossiers/counter', { procedureCode: '1.001193', data: pages });
    expect(response.status).toBe(201);
    const dossier = (await response.json()) as OfficeDossier;
    expect(dossier).toMatchObject({
      channel: 'counter',
      status: 'received',
      unitCode: '00004',
      allowedActions: ['start', 'request_supplement'],
    });
    expect(dossier.timeline[0]).toMatchObject({ action: 'counter-intake', toStatus: 'received' });
    // Received on the spot: audited, its intake check queued and its clock's timers set.
    const [{ id }] = await dataSource.query(`SELECT id FROM dossier WHERE code = $1`, [dossier.code]);
    const [audited] = await dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1`, [id]);
    expect(audited.action).toBe('dossier.counter-intake');
    const jobs = await dataSource.query(
      `SELECT job_name FROM outbox_message WHERE payload->>'dossierId' = $1 ORDER BY job_name`,
      [id],
    );
    expect(jobs.map((j: { job_name: string }) => j.job_name)).toEqual(['intake-check', 'sla-overdue', 'sla-warning']);
    const inbox = (await (await clerk.get(`/office/dossiers?tab=in_progress&q=${dossier.code}`)).json()) as InboxPage;
    expect(inbox.rows.map((r) => r.channel)).toEqual(['counter']);
    expect((await otherWardClerk.get(`/office/dossiers/${dossier.code}`)).status).toBe(404);
  });
});
