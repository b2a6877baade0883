import 'reflect-metadata';
import type { DraftView, InboxPage, OfficeDossier, SubmittedDossier } from '@portal/contracts';
import { IntakeProcessor } from '@portal/server/dossiers';
import { renderNotification } from '@portal/server/notifications';
import { QueueNames } from '@portal/server/platform';
import {
  aDeathApplication,
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedDeathRegistration,
  eventually,
  uploadPaper,
  vietnamDaysAgo,
  type BrowserClient,
} from '@portal/testing';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/**
 * Death registration (1.000656), the second procedure, end to end through the generic code:
 * the citizen's draft pages and submission, the worker's intake check, the ward's inbox and
 * search by the deceased's name, the workflow to the leader's signature, and the e-mails.
 */
describe('death registration end to end', () => {
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;
  let clerk: BrowserClient;
  let leader: BrowserClient;

  beforeAll(async () => {
    api = await startApi({
      processor: { queue: QueueNames.dossierIntake, build: (dataSource) => new IntakeProcessor(dataSource) },
    });
    ({ base, dataSource } = api);
    clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    leader = await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn');
  });

  afterAll(() => api.stop());

  const intake = (code: string) =>
    eventually(
      async () =>
        (
          await dataSource.query(
            `SELECT e.details FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
              WHERE d.code = $1 AND e.action = 'intake-check'`,
            [code],
          )
        )[0]?.details,
      20_000,
      `the intake check of ${code}`,
    );

  const view = async (who: BrowserClient, code: string) =>
    (await (await who.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
  const act = (who: BrowserClient, code: string, action: string, body: Record<string, unknown>) =>
    who.post(`/office/dossiers/${code}/actions/${action}`, body);

  it('is submitted page by page, checked complete, found by the deceased, signed, and e-mailed about', async () => {
    const citizen = await aSignedInCitizen(base);
    const deceased = {
      fullName: 'Lương Thị Thơm',
      sex: 'female',
      dateOfBirth: '1938-06-01',
      personalId: '001138004455',
      lastResidence: 'Số 3 phố Liễu Giai, Phường Ba Đình, Thành phố Hà Nội',
    };
    const declarant = {
      fullName: 'Lương Văn Hải',
      relation: 'child',
      personalId: '001072003344',
      phone: '0987654321',
      email: 'hai.luong@example.vn',
    };

    // A page of another procedure is not one of this draft's pages; a page's own rules apply.
    const notice = await uploadPaper(citizen.browser, 'death_notice');
    const started = (await (await citizen.browser.post('/drafts', { procedureCode: '1.000656' })).json()) as DraftView;
    expect((await citizen.browser.request('PUT', `/drafts/${started.id}/steps/child`, {})).status).toBe(404);
    const future = await citizen.browser.request('PUT', `/drafts/${started.id}/steps/death`, {
      ...(aDeathApplication({})['death'] as object),
      dateOfDeath: vietnamDaysAgo(-3),
    });
    expect(future.status).toBe(400);
    await citizen.browser.request('DELETE', `/drafts/${started.id}`);

    // The death before the birth is refused at submission (a rule across pages).
    const wrong = await aDraft(
      citizen.browser,
      aDeathApplication({ death_notice: notice }, { deceased: { ...deceased, dateOfBirth: vietnamDaysAgo(1) } }),
      '1.000656',
    );
    const refused = await citizen.browser.post(`/drafts/${wrong.id}/submit`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('death.dateOfDeath');
    await citizen.browser.request('DELETE', `/drafts/${wrong.id}`);

    const draft = await aDraft(
      citizen.browser,
      aDeathApplication({ death_notice: notice }, { deceased, declarant }),
      '1.000656',
    );
    const submitted = await citizen.browser.post(`/drafts/${draft.id}/submit`);
    expect(submitted.status).toBe(201);
    const dossier = (await submitted.json()) as SubmittedDossier;
    expect(dossier).toMatchObject({ procedureCode: '1.000656', status: 'new', lateRegistration: false, feeAmount: 0 });
    const code = dossier.code;

    // The worker's intake check finds the death notice; a second application for the same death is flagged.
    expect(await intake(code)).toEqual({ papersComplete: true, missingPapers: [], duplicateOf: [] });
    const again = await aSubmittedDeathRegistration((await aSignedInCitizen(base)).browser, {
      deceased: { ...deceased, fullName: 'Lương Thị Thơm' },
    });
    expect(await intake(again)).toMatchObject({ papersComplete: true, duplicateOf: [code] });

    // The clerk finds it by the deceased's name, and sees who applied.
    const found = (await (
      await clerk.get(`/office/dossiers?tab=to_receive&q=${encodeURIComponent('thị thơm')}`)
    ).json()) as InboxPage;
    expect(found.rows.find((r) => r.code === code)).toMatchObject({
      subjectName: 'Lương Thị Thơm',
      applicantName: 'Lương Văn Hải',
      procedureName: { vi: 'Đăng ký khai tử', en: 'Death registration' },
    });
    let seen = await view(clerk, code);
    expect(seen).toMatchObject({ status: 'new', applicant: { fullName: 'Lương Văn Hải', phone: '0987654321' } });
    expect(seen.data).toMatchObject({ deceased: { fullName: 'Lương Thị Thơm' } });

    for (const action of ['receive', 'start', 'propose_approval'] as const) {
      const response = await act(clerk, code, action, { version: seen.version });
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
      seen = (await response.json()) as OfficeDossier;
    }
    const forLeader = await view(leader, code);
    expect(forLeader.allowedActions).toEqual(['sign', 'send_back']);
    const signed = await act(leader, code, 'sign', { version: forLeader.version });
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as OfficeDossier).status).toBe('processed');
    // No agency hand-off for a death (the run's database is shared: only this dossier's jobs count).
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message o JOIN dossier d ON d.id::text = o.payload->>'dossierId'
        WHERE o.queue = $1 AND d.code = $2`,
      [QueueNames.agencyFanOut, code],
    );
    expect(n).toBe(0);

    // The declarant's address gets each e-mail, and each speaks of death registration.
    const mails = (await dataSource.query(
      `SELECT n.template, n.language, n.recipient, n.params FROM notification n JOIN dossier d ON d.id = n.dossier_id
        WHERE d.code = $1 ORDER BY n.created_at`,
      [code],
    )) as Array<{ template: string; language: string; recipient: string; params: Record<string, unknown> }>;
    expect(mails.map((m) => [m.template, m.params['change'] ?? null])).toEqual([
      ['dossier-submitted', null],
      ['dossier-status-changed', 'received'],
      ['dossier-status-changed', 'processed'],
    ]);
    for (const mail of mails) {
      expect(mail.recipient).toBe('hai.luong@example.vn');
      const { subject, text } = renderNotification(mail.template, mail.language, mail.params);
      expect(text).toContain('Đăng ký khai tử');
      expect(`${subject}\n${text}`).not.toMatch(/khai sinh/i);
      const english = renderNotification(mail.template, 'en', mail.params);
      expect(english.text).toContain('Death registration');
      expect(english.text).not.toMatch(/birth/i);
    }
  });

  it('charges the late fee more than 15 days after the death', async () => {
    const citizen = await aSignedInCitizen(base);
    const notice = await uploadPaper(citizen.browser, 'death_notice');
    const late = aDeathApplication(
      { death_notice: notice },
      {
        deceased: { ...(aDeathApplication({})['deceased'] as object), fullName: 'Đinh Văn Lâm', personalId: '' },
        death: { ...(aDeathApplication({})['death'] as object), dateOfDeath: vietnamDaysAgo(20) },
      },
    );
    const draft = await aDraft(citizen.browser, late, '1.000656');
    const submitted = (await (await citizen.browser.post(`/drafts/${draft.id}/submit`)).json()) as SubmittedDossier;
    expect(submitted).toMatchObject({ lateRegistration: true, feeAmount: 5000 });
  });

  it('is recorded at the counter with the same rules, received at once', async () => {
    const {
      papers: _papers,
      ward: _ward,
      ...pages
    } = aDeathApplication(
      {},
      { deceased: { ...(aDeathApplication({})['deceased'] as object), fullName: 'Tạ Văn Quý', personalId: '' } },
    );
    const response = await clerk.post('/office/dossiers/counter', { procedureCode: '1.000656', data: pages });
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    const seen = await view(clerk, code);
    expect(seen).toMatchObject({ status: 'received', channel: 'counter', applicant: { fullName: 'Nguyễn Văn Tám' } });
    expect(await intake(code)).toMatchObject({ papersComplete: true, missingPapers: [] });
    const bad = await clerk.post('/office/dossiers/counter', {
      procedureCode: '1.000656',
      data: { ...pages, death: { ...(pages['death'] as object), dateOfDeath: '1900-01-01' } },
    });
    expect(bad.status).toBe(400);
  });
});
