import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import {
  quoteFees,
  type ApiError,
  type DossierDetail,
  type DossierSummary,
  type DraftView,
  type ProcedureDetail,
  type SubmittedDossier,
} from '@portal/contracts';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import {
  aBirthApplication,
  aLinkedBirthApplication,
  aSignedInAccount,
  aDraft,
  aSignedInCitizen,
  BrowserClient,
  uploadPaper,
  vietnamDaysAgo,
} from '@portal/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

type Problem = ApiError & { details?: { fields?: Array<{ field: string; code: string; message: string }> } };

describe('API: online applications (drafts, submission, my dossiers, status lookup)', () => {
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-applications-'));

  beforeAll(async () => {
    app = await createApp({ ...loadConfig(), UPLOAD_DIR: uploadDir });
    await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const count = async (table: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('takes a citizen from a draft to a submitted dossier, with its papers, event, e-mail and audit in one go', async () => {
    const { browser, email, password } = await aSignedInCitizen(base);
    const certificate = await uploadPaper(browser, 'medical_birth_certificate');
    const draft = await aDraft(browser, aBirthApplication({ medical_birth_certificate: certificate }));
    expect(draft.completedSteps).toHaveLength(9);

    // Resumable from another device: sign in elsewhere and find the same draft.
    const phone = await new BrowserClient(base).start();
    expect((await phone.post('/auth/login', { login: email, password })).status).toBe(200);
    const resumed = (await (await phone.get(`/drafts/${draft.id}`)).json()) as DraftView;
    expect(resumed.data).toEqual(draft.data);

    const events = await count('dossier_event');
    const response = await browser.post(`/drafts/${draft.id}/submit`);
    expect(response.status).toBe(201);
    const dossier = (await response.json()) as SubmittedDossier;
    expect(dossier).toMatchObject({
      procedureCode: '1.001193',
      unitCode: '00004',
      unitName: 'Phường Ba Đình',
      status: 'new',
      feeAmount: 0,
    });
    expect(dossier.code).toMatch(/^HS-01-\d{6}-\d{6}$/);
    expect(new Date(dossier.dueAt).getTime()).toBeGreaterThan(new Date(dossier.submittedAt).getTime());

    expect(await count('dossier_event')).toBe(events + 1);
    const [row] = await dataSource.query(`SELECT id, status, channel, contact_phone FROM dossier WHERE code = $1`, [
      dossier.code,
    ]);
    expect(row).toMatchObject({ status: 'new', channel: 'online', contact_phone: '0912345678' });
    const [paper] = await dataSource.query(`SELECT dossier_id FROM attachment WHERE id = $1`, [certificate]);
    expect(paper.dossier_id).toBe(row.id);
    expect(await dataSource.query(`SELECT 1 FROM dossier_draft WHERE id = $1`, [draft.id])).toHaveLength(0);
    const [mail] = await dataSource.query(
      `SELECT id, template, recipient, language FROM notification WHERE dossier_id = $1`,
      [row.id],
    );
    expect(mail).toEqual({ id: expect.any(String), template: 'dossier-submitted', recipient: email, language: 'vi' });
    // The receipt's job is in the outbox of the same transaction.
    const [outbox] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE queue = 'notifications' AND payload->>'notificationId' = $1`,
      [mail.id],
    );
    expect(outbox.n).toBe(1);

    const mine = (await (await browser.get('/dossiers')).json()) as DossierSummary[];
    expect(mine.map((d) => d.code)).toEqual([dossier.code]);
    const detail = (await (await browser.get(`/dossiers/${dossier.code}`)).json()) as DossierDetail;
    expect(detail.timeline).toEqual([
      expect.objectContaining({ action: 'submit', toStatus: 'new', actorRole: 'citizen' }),
    ]);
    expect(detail.papers).toEqual([
      expect.objectContaining({ id: certificate, paperCode: 'medical_birth_certificate' }),
    ]);
  });

  it('charges the late-registration fee when the child was born more than 60 days ago', async () => {
    const { browser } = await aSignedInCitizen(base);
    const certificate = await uploadPaper(browser, 'medical_birth_certificate');
    const draft = await aDraft(
      browser,
      aBirthApplication(
        { medical_birth_certificate: certificate },
        { child: { fullName: 'Lê Gia Bảo', sex: 'male', dateOfBirth: vietnamDaysAgo(90) } },
      ),
    );
    const dossier = (await (await browser.post(`/drafts/${draft.id}/submit`)).json()) as SubmittedDossier;
    expect(dossier).toMatchObject({ lateRegistration: true, feeAmount: 8000 });
  });

  it('charges item by item what the check-your-answers page quotes: late, two extra copies, posted', async () => {
    const { browser } = await aSignedInCitizen(base);
    const certificate = await uploadPaper(browser, 'medical_birth_certificate');
    const draft = await aDraft(
      browser,
      aBirthApplication(
        { medical_birth_certificate: certificate },
        {
          child: { fullName: 'Lê Gia Huy', sex: 'male', dateOfBirth: vietnamDaysAgo(90) },
          delivery: { extraCopies: '2', method: 'post', postalAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình, Hà Nội' },
        },
      ),
    );
    const badPost = await browser.request('PUT', `/drafts/${draft.id}/steps/delivery`, {
      extraCopies: 11,
      method: 'post',
    });
    expect(badPost.status).toBe(400);
    expect(
      ((await badPost.json()) as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field),
    ).toEqual(['extraCopies', 'postalAddress']);
    const detail = (await (await browser.get('/procedures/1.001193')).json()) as ProcedureDetail;
    const quoted = quoteFees('1.001193', draft.data, detail.fees);
    const dossier = (await (await browser.post(`/drafts/${draft.id}/submit`)).json()) as SubmittedDossier;
    expect(dossier.feeItems.map((l) => [l.case, l.quantity, l.amount])).toEqual([
      ['late', 1, 8000],
      ['extra_copy', 2, 16000],
      ['post_delivery', 1, 25000],
    ]);
    expect(dossier.feeItems).toEqual(quoted.lines);
    expect(dossier.feeAmount).toBe(49_000);
    const [row] = await dataSource.query(`SELECT fee_amount, fee_items FROM dossier WHERE code = $1`, [dossier.code]);
    expect(row).toEqual({ fee_amount: 49_000, fee_items: quoted.lines });
  });

  it('submits the linked procedure with its residence and health insurance pages', async () => {
    const { browser } = await aSignedInCitizen(base);
    const certificate = await uploadPaper(browser, 'medical_birth_certificate');
    const draft = await aDraft(
      browser,
      aLinkedBirthApplication({ medical_birth_certificate: certificate }),
      'LT.KS-TT-BHYT',
    );
    const response = await browser.post(`/drafts/${draft.id}/submit`);
    expect(response.status).toBe(201);
    expect(((await response.json()) as SubmittedDossier).procedureCode).toBe('LT.KS-TT-BHYT');
  });

  it('finds a dossier by code and phone, and says the same for a wrong pair as for an unknown code', async () => {
    const { browser } = await aSignedInCitizen(base);
    const certificate = await uploadPaper(browser, 'medical_birth_certificate');
    const draft = await aDraft(browser, aBirthApplication({ medical_birth_certificate: certificate }));
    const { code } = (await (await browser.post(`/drafts/${draft.id}/submit`)).json()) as SubmittedDossier;

    const stranger = await new BrowserClient(base).start();
    const found = await stranger.post('/dossiers/lookup', { code: code.toLowerCase(), phone: '+84 912 345 678' });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ code, status: 'new', unitName: 'Phường Ba Đình' });
    const wrongPhone = await stranger.post('/dossiers/lookup', { code, phone: '0987654321' });
    const unknownCode = await stranger.post('/dossiers/lookup', { code: 'HS-01-200101-999999', phone: '0912345678' });
    expect(wrongPhone.status).toBe(404);
    expect(unknownCode.status).toBe(404);
    expect(((await wrongPhone.json()) as ApiError).message).toBe(((await unknownCode.json()) as ApiError).message);
  });

  it("never lets one citizen read or change another citizen's drafts, papers or dossiers", async () => {
    const owner = await aSignedInCitizen(base);
    const other = await aSignedInCitizen(base);
    const certificate = await uploadPaper(owner.browser, 'medical_birth_certificate');
    const draft = await aDraft(
      owner.browser,
      aBirthApplication({ medical_birth_certificate: certificate }, { papers: undefined }),
    );
    const before = JSON.stringify((await (await owner.browser.get(`/drafts/${draft.id}`)).json()) as DraftView);

    expect((await other.browser.get(`/drafts/${draft.id}`)).status).toBe(404);
    expect((await other.browser.request('PUT', `/drafts/${draft.id}/steps/ward`, { unitCode: '00008' })).status).toBe(
      404,
    );
    expect((await other.browser.post(`/drafts/${draft.id}/submit`)).status).toBe(404);
    expect((await other.browser.delete(`/drafts/${draft.id}`)).status).toBe(404);
    expect(((await (await other.browser.get('/drafts')).json()) as DraftView[]).map((d) => d.id)).not.toContain(
      draft.id,
    );
    // None of that changed my draft.
    expect(JSON.stringify(await (await owner.browser.get(`/drafts/${draft.id}`)).json())).toBe(before);

    // Someone else's upload cannot be put in my application.
    const theirs = await aDraft(other.browser, {});
    const stolen = await other.browser.request('PUT', `/drafts/${theirs.id}/steps/papers`, {
      medical_birth_certificate: certificate,
    });
    expect(stolen.status).toBe(400);
    expect(((await stolen.json()) as ApiError).code).toBe('PAPER_NOT_AVAILABLE');

    // Nor can they see my submitted dossier.
    await owner.browser.request('PUT', `/drafts/${draft.id}/steps/papers`, { medical_birth_certificate: certificate });
    const { code } = (await (await owner.browser.post(`/drafts/${draft.id}/submit`)).json()) as SubmittedDossier;
    expect((await other.browser.get(`/dossiers/${code}`)).status).toBe(404);
    expect(
      ((await (await other.browser.get('/dossiers')).json()) as DossierSummary[]).map((d) => d.code),
    ).not.toContain(code);
  });

  it('asks a signed-out visitor to sign in, and keeps staff accounts out of the citizen forms', async () => {
    const visitor = await new BrowserClient(base).start();
    const anonymous = await visitor.post('/drafts', { procedureCode: '1.001193' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ApiError).code).toBe('SIGN_IN_REQUIRED');
    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    expect((await clerk.post('/drafts', { procedureCode: '1.001193' })).status).toBe(403);
  });

  describe('bad input gets a 400 with a clear message and changes nothing', () => {
    let browser: BrowserClient;
    let draft: DraftView;

    beforeAll(async () => {
      browser = (await aSignedInCitizen(base)).browser;
      draft = await aDraft(browser, {});
    });

    const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const child = { fullName: 'Nguyễn Minh Khang', sex: 'male', dateOfBirth: vietnamDaysAgo(3) };

    it.each([
      ['child', {}, 'fullName', 'required'],
      ['child', { ...child, fullName: 'Nguyen Van 2' }, 'fullName', 'personName'],
      ['child', { ...child, dateOfBirth: tomorrow() }, 'dateOfBirth', 'dateInFuture'],
      ['child', { ...child, dateOfBirth: '2026-02-30' }, 'dateOfBirth', 'date'],
      ['child', { ...child, sex: 3 }, 'sex', 'choose'],
      ['child', { ...child, timeOfBirth: '24:61' }, 'timeOfBirth', 'time'],
      ['child', ['not', 'an', 'object'], '', 'wrongType'],
      ['birthPlace', { kind: 'facility', address: 'Hà Nội' }, 'facilityName', 'facilityName'],
      ['mother', { absent: false, fullName: 'Trần Thị Mai' }, 'dateOfBirth', 'required'],
      [
        'informant',
        { fullName: 'Trần Thị Mai', personalId: '001195012345', phone: '0912345678' },
        'relation',
        'relation',
      ],
      [
        'informant',
        { fullName: 'Trần Thị Mai', relation: 'mother', personalId: '12345', phone: '0912345678' },
        'personalId',
        'personalId',
      ],
      [
        'informant',
        { fullName: 'Trần Thị Mai', relation: 'mother', personalId: '001195012345', phone: '12' },
        'phone',
        'phone',
      ],
      ['ward', { unitCode: 'x' }, 'unitCode', 'chooseWard'],
      ['papers', {}, 'medical_birth_certificate', 'uploadRequired'],
      ['papers', { medical_birth_certificate: 'not-a-uuid' }, 'medical_birth_certificate', 'uploadRequired'],
    ])('page %s with %o → problem on %s (%s)', async (step, values, field, code) => {
      const response = await browser.request('PUT', `/drafts/${draft.id}/steps/${step}`, values);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Problem;
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message).toMatch(/Thông tin chưa hợp lệ/);
      expect(body.details?.fields).toContainEqual(
        expect.objectContaining({ field, code, message: expect.stringMatching(/\S/) }),
      );
      const [row] = await dataSource.query(`SELECT data FROM dossier_draft WHERE id = $1`, [draft.id]);
      expect(row.data).toEqual({});
    });

    it('refuses an unknown procedure and a missing procedure code, writing no draft', async () => {
      const drafts = await count('dossier_draft');
      const unknown = await browser.post('/drafts', { procedureCode: '9.999999' });
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as ApiError).code).toBe('PROCEDURE_NOT_ONLINE');
      expect((await browser.post('/drafts', {})).status).toBe(400);
      expect(await count('dossier_draft')).toBe(drafts);
    });

    it('answers an unknown page with 404 and a malformed draft id with 404, not 500', async () => {
      expect((await browser.request('PUT', `/drafts/${draft.id}/steps/nope`, {})).status).toBe(404);
      expect((await browser.get('/drafts/not-a-uuid')).status).toBe(404);
    });

    it('refuses to submit an incomplete draft, listing what is missing, and writes no dossier', async () => {
      const dossiers = await count('dossier');
      const response = await browser.post(`/drafts/${draft.id}/submit`);
      expect(response.status).toBe(400);
      const fields = ((await response.json()) as Problem).details?.fields?.map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['child', 'informant', 'ward', 'papers']));
      expect(await count('dossier')).toBe(dossiers);
    });

    it('asks for the marriage certificate when both parents are named', async () => {
      const certificate = await uploadPaper(browser, 'medical_birth_certificate');
      const father = {
        ...(aBirthApplication({}).mother as object),
        fullName: 'Nguyễn Văn Hùng',
        personalId: '001090054321',
      };
      const both = await aDraft(browser, aBirthApplication({ medical_birth_certificate: certificate }, { father }));
      const dossiers = await count('dossier');
      const response = await browser.post(`/drafts/${both.id}/submit`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).details?.fields).toContainEqual(
        expect.objectContaining({ field: 'papers.marriage_certificate', code: 'marriageCertificate' }),
      );
      expect(await count('dossier')).toBe(dossiers);
    });

    it('refuses a ward that does not exist at submission, and leaves the papers free', async () => {
      const certificate = await uploadPaper(browser, 'medical_birth_certificate');
      const nowhere = await aDraft(
        browser,
        aBirthApplication({ medical_birth_certificate: certificate }, { ward: { unitCode: '99999' } }),
      );
      const response = await browser.post(`/drafts/${nowhere.id}/submit`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ApiError).code).toBe('UNIT_NOT_FOUND');
      const [paper] = await dataSource.query(`SELECT dossier_id FROM attachment WHERE id = $1`, [certificate]);
      expect(paper.dossier_id).toBeNull();
    });
  });
});
