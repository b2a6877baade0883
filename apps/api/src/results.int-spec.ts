import 'reflect-metadata';
import { clearRegistryFaults, setRegistryFault, startPopulationRegistry } from '@portal/population-registry/testing';
import type { OfficeDossier, PrintListPage } from '@portal/contracts';
import { hashPassword } from '@portal/server/identity';
import { ResultsService } from '@portal/server/results';
import {
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  aSubmittedDeathRegistration,
  BrowserClient,
} from '@portal/testing';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/** `pdftotext`, `pdfsig` (Debian's poppler-utils): checks that owe nothing to the portal's code. */
function poppler(tool: 'pdftotext' | 'pdfsig', pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    try {
      return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The signed electronic result: issued in the worker's job when the leader signs, with the personal ID
 * number the population registry (the stand-in, a real HTTP service) assigns; one result per dossier
 * however often the job runs; downloaded by the citizen (the dossier is then returned); verified by
 * anyone by code or by file, one changed byte making it "not genuine".
 */
describe('signed electronic results', () => {
  const token = randomBytes(16).toString('hex');
  let registry: Awaited<ReturnType<typeof startPopulationRegistry>>;
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;
  let clerk: BrowserClient;
  let leader: BrowserClient;

  beforeAll(async () => {
    registry = await startPopulationRegistry({ token, log: () => undefined });
    api = await startApi({ config: { POPULATION_REGISTRY_URL: registry.url, POPULATION_REGISTRY_TOKEN: token } });
    ({ base, dataSource } = api);
    clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    leader = await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn');
  });

  afterAll(async () => {
    await api?.stop();
    await registry?.stop();
  });

  const results = () => api.app.get(ResultsService);
  const act = async (who: BrowserClient, code: string, action: string) => {
    const { version } = (await (await who.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    const response = await who.post(`/office/dossiers/${code}/actions/${action}`, { version });
    expect({ action, status: response.status }).toEqual({ action, status: 200 });
  };
  const signed = async (code: string) => {
    for (const action of ['receive', 'start', 'propose_approval']) await act(clerk, code, action);
    await act(leader, code, 'sign');
    const [{ id }] = await dataSource.query(`SELECT id FROM dossier WHERE code = $1`, [code]);
    return id as string;
  };
  const resultRows = (dossierId: string) =>
    dataSource.query(
      `SELECT personal_id, verification_code, document_number FROM dossier_result WHERE dossier_id = $1`,
      [dossierId],
    ) as Promise<{ personal_id: string | null; verification_code: string; document_number: string }[]>;

  it('issues one signed extract with the registry’s personal ID number, however often and however concurrently the job runs', async () => {
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(citizen.browser, {
      child: { fullName: 'Nguyễn Thị Ánh Dương', sex: 'female', dateOfBirth: '2026-11-20' },
    });
    const dossierId = await signed(code);
    // The sign transition queued the job (the outbox); the job itself runs here, three times at once.
    const [queued] = await dataSource.query(
      `SELECT payload FROM outbox_message WHERE queue = 'documents' AND job_name = 'issue-result' AND payload->>'dossierId' = $1`,
      [dossierId],
    );
    expect(queued).toBeDefined();
    // The registry fails the first call: the job fails (BullMQ tries it again) and leaves nothing behind.
    await setRegistryFault(registry.url, { mode: 'fail', times: 1 });
    await expect(results().issue(dossierId)).rejects.toThrow(/population registry is unavailable/);
    expect(await resultRows(dossierId)).toEqual([]);
    const runs = await Promise.all([
      results().issue(dossierId),
      results().issue(dossierId),
      results().issue(dossierId),
    ]);
    expect(runs.filter((r) => r.issued)).toHaveLength(1);
    expect((await results().issue(dossierId)).issued).toBe(false);
    const rows = await resultRows(dossierId);
    expect(rows).toHaveLength(1);
    // A child born in 2026, a girl, registered in Hà Nội: 001 3 26 ……
    expect(rows[0].personal_id).toMatch(/^001326\d{6}$/);
    expect(rows[0].document_number).toMatch(/^\d+\/2026\/TLKS$/);

    // The citizen downloads it: a PDF whose text (pdftotext) carries the facts, signed (pdfsig).
    const download = await citizen.browser.get(`/dossiers/${code}/result`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await download.arrayBuffer());
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('Nguyễn Thị Ánh Dương');
    expect(text).toContain(rows[0].personal_id ?? 'no number');
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('Phường Ba Đình');
    expect(poppler('pdfsig', pdf)).toContain('Signature is Valid');
    // Downloaded: the dossier is returned (the tenth status), once.
    const [dossier] = await dataSource.query(`SELECT status FROM dossier WHERE id = $1`, [dossierId]);
    expect(dossier.status).toBe('returned');
    expect((await citizen.browser.get(`/dossiers/${code}/result`)).status).toBe(200);
    const delivered = await dataSource.query(
      `SELECT count(*)::int AS n FROM dossier_event WHERE dossier_id = $1 AND action = 'deliver'`,
      [dossierId],
    );
    expect(delivered[0].n).toBe(1);
    // The e-mail said it was ready.
    const [mail] = await dataSource.query(
      `SELECT 1 FROM notification WHERE dossier_id = $1 AND params->>'change' = 'result_ready'`,
      [dossierId],
    );
    expect(mail).toBeDefined();

    // The ward reads it too; another citizen and another ward do not.
    expect((await clerk.get(`/office/dossiers/${code}/result`)).status).toBe(200);
    expect((await (await aSignedInCitizen(base)).browser.get(`/dossiers/${code}/result`)).status).toBe(404);

    // Anyone verifies it by its code, and by its bytes; one changed byte is "not genuine".
    const anyone = await new BrowserClient(base).start();
    const verified = await anyone.get(`/verify/${rows[0].verification_code}`);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      genuine: true,
      title: 'TRÍCH LỤC KHAI SINH',
      issuer: 'Ủy ban nhân dân Phường Ba Đình',
      certifies: expect.arrayContaining([{ label: 'Người được khai sinh', value: 'Nguyễn Thị Ánh Dương' }]),
    });
    const check = async (bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'trich-luc.pdf');
      const response = await anyone.request('POST', `/verify/${rows[0].verification_code}/file`, form);
      expect(response.status).toBe(200);
      return (await response.json()) as { genuine: boolean; reason?: string };
    };
    expect(await check(pdf)).toEqual({ verificationCode: rows[0].verification_code, genuine: true });
    const changed = Buffer.from(pdf);
    const at = changed.indexOf('Nguy'.charCodeAt(0), Math.floor(changed.length / 3));
    changed[at] = changed[at] ^ 0x01;
    expect((await check(changed)).genuine).toBe(false);
    expect(poppler('pdfsig', changed)).not.toContain('Signature is Valid');
    expect((await anyone.get('/verify/ZZZZ-ZZZZ')).status).toBe(404);

    // The citizen rates the service, changes it, and the ward's leader reads it; after 7 days it is kept.
    const rate = (body: unknown) => citizen.browser.request('PUT', `/dossiers/${code}/rating`, body);
    expect((await rate({ score: 6 })).status).toBe(400);
    expect((await rate({ score: 5, comment: 'Nhanh, không phải đi lại.' })).status).toBe(200);
    const changed2 = await rate({ score: 4, comment: 'Nhanh, nhưng phải chờ thanh toán.' });
    expect(await changed2.json()).toMatchObject({ score: 4, comment: 'Nhanh, nhưng phải chờ thanh toán.' });
    const ratings = (await (await leader.get('/office/ratings')).json()) as {
      rows: { dossierCode: string; score: number }[];
      average: number;
    };
    expect(ratings.rows.find((r) => r.dossierCode === code)).toMatchObject({ score: 4 });
    expect(ratings.average).toBeGreaterThan(0);
    expect((await clerk.get('/office/ratings')).status).toBe(403);
    const audited = await dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'rating.%' ORDER BY id`,
      [dossierId],
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['rating.given', 'rating.changed']);
    await dataSource.query(`UPDATE dossier_rating SET created_at = now() - interval '8 days' WHERE dossier_id = $1`, [
      dossierId,
    ]);
    const locked = await rate({ score: 1 });
    expect(locked.status).toBe(409);
    expect(((await locked.json()) as { code: string }).code).toBe('RATING_LOCKED');
    expect((await anyone.get('/verify/not-a-code')).status).toBe(404);
  });

  it("puts ordered paper copies on the ward's print list, printed then posted or handed over, each step in turn", async () => {
    await clearRegistryFaults(registry.url);
    await dataSource.query(
      `INSERT INTO app_user (email, full_name, password_hash, roles, unit_code)
       VALUES ('clerk.ngocha@demo.dichvucong.vn', 'Đỗ Văn Giang', $1, ARRAY['clerk'], '00008') ON CONFLICT (email) DO NOTHING`,
      [await hashPassword('Demo@2025')],
    );
    const otherWard = await aSignedInAccount(base, 'clerk.ngocha@demo.dichvucong.vn');
    const auditor = await aSignedInAccount(base, 'auditor@demo.dichvucong.vn');
    const ordered = async (delivery: Record<string, unknown>) => {
      const citizen = await aSignedInCitizen(base);
      const code = await aSubmittedBirthRegistration(citizen.browser);
      // The order as the result page records it (the fee it costs is the payments' tests' concern).
      await dataSource.query(`UPDATE dossier SET data = jsonb_set(data, '{delivery}', $2) WHERE code = $1`, [
        code,
        JSON.stringify(delivery),
      ]);
      const dossierId = await signed(code);
      expect((await results().issue(dossierId)).issued).toBe(true);
      return { code, dossierId };
    };
    const rowOf = async (who: BrowserClient, tab: string, code: string) => {
      const response = await who.get(`/office/print-list?tab=${tab}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as PrintListPage;
      return page.rows.find((row) => row.dossierCode === code);
    };
    const mark = (who: BrowserClient, code: string, step: string, body: unknown = {}) =>
      who.post(`/office/print-list/${code}/${step}`, body);

    const posted = await ordered({ extraCopies: 2, method: 'post', postalAddress: 'Số 5 phố Huế, Hà Nội' });
    expect(await rowOf(clerk, 'to_print', posted.code)).toMatchObject({
      copies: 2,
      method: 'post',
      postalAddress: 'Số 5 phố Huế, Hà Nội',
      state: 'to_print',
      subjectName: expect.any(String),
    });
    // Another ward neither sees nor marks it; the auditor reads it and marks nothing.
    expect(await rowOf(otherWard, 'to_print', posted.code)).toBeUndefined();
    expect((await mark(otherWard, posted.code, 'printed')).status).toBe(404);
    expect(await rowOf(auditor, 'to_print', posted.code)).toBeDefined();
    expect((await mark(auditor, posted.code, 'printed')).status).toBe(403);
    // Out of turn: nothing changes.
    const early = await mark(clerk, posted.code, 'posted');
    expect(early.status).toBe(409);
    expect(((await early.json()) as { code: string }).code).toBe('PAPER_STEP_NOT_ALLOWED');
    expect((await mark(clerk, posted.code, 'printed')).status).toBe(200);
    expect((await mark(clerk, posted.code, 'printed')).status).toBe(409);
    expect((await mark(clerk, posted.code, 'handed-over')).status).toBe(409); // it goes by post
    expect((await mark(clerk, posted.code, 'posted', { postalReference: 'x'.repeat(33) })).status).toBe(400);
    expect((await mark(clerk, posted.code, 'posted', { postalReference: 'EB123456789VN' })).status).toBe(200);
    expect(await rowOf(clerk, 'done', posted.code)).toMatchObject({
      state: 'posted',
      postalReference: 'EB123456789VN',
      printedAt: expect.any(String),
      deliveredAt: expect.any(String),
    });
    const steps = await dataSource.query(
      `SELECT action FROM dossier_event WHERE dossier_id = $1 AND action LIKE 'paper-%' ORDER BY id`,
      [posted.dossierId],
    );
    expect(steps.map((e: { action: string }) => e.action)).toEqual(['paper-printed', 'paper-posted']);
    const audited = await dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'paper.%' ORDER BY id`,
      [posted.dossierId],
    );
    expect(audited.map((e: { action: string }) => e.action)).toEqual(['paper.printed', 'paper.posted']);

    // Collected at the desk: printed tells the citizen to come; then handed over.
    const collected = await ordered({ extraCopies: 1, method: 'collect' });
    expect((await mark(clerk, collected.code, 'printed')).status).toBe(200);
    expect((await mark(clerk, collected.code, 'posted')).status).toBe(409);
    expect((await mark(leader, collected.code, 'handed-over')).status).toBe(200);
    const told = await dataSource.query(
      `SELECT params->>'change' AS change FROM notification WHERE dossier_id = ANY($1) AND params->>'change' LIKE 'paper_%'`,
      [[posted.dossierId, collected.dossierId]],
    );
    expect(told.map((n: { change: string }) => n.change).sort()).toEqual(['paper_posted', 'paper_ready']);

    // The electronic result only: nothing to print.
    const electronic = await ordered({ extraCopies: 0, method: 'collect' });
    expect((await mark(clerk, electronic.code, 'printed')).status).toBe(404);
  });

  it('issues death registration its own extract through the same path', async () => {
    await clearRegistryFaults(registry.url);
    const citizen = await aSignedInCitizen(base);
    const code = await aSubmittedDeathRegistration(citizen.browser);
    expect((await citizen.browser.request('PUT', `/dossiers/${code}/rating`, { score: 5 })).status).toBe(409);
    const dossierId = await signed(code);
    expect((await results().issue(dossierId)).issued).toBe(true);
    const [row] = await resultRows(dossierId);
    expect(row.document_number).toMatch(/\/TLKT$/);
    const pdf = Buffer.from(await (await citizen.browser.get(`/dossiers/${code}/result`)).arrayBuffer());
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('TRÍCH LỤC KHAI TỬ');
    expect(text).toContain('Nguyễn Văn Bảy');
    expect(poppler('pdfsig', pdf)).toContain('Signature is Valid');
  });
});
