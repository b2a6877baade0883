import 'reflect-metadata';
import type { AuditPage, OfficeDossier } from '@portal/contracts';
import { aSignedInAccount, aSignedInCitizen, aSubmittedBirthRegistration, type BrowserClient } from '@portal/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/** The auditors' audit trail: by dossier (with its own history), actor, action and period; exported; itself audited. */
describe('audit trail search', () => {
  let api: ApiUnderTest;
  let auditor: BrowserClient;
  let clerk: BrowserClient;

  beforeAll(async () => {
    api = await startApi();
    auditor = await aSignedInAccount(api.base, 'auditor@demo.dichvucong.vn');
    clerk = await aSignedInAccount(api.base, 'clerk.badinh@demo.dichvucong.vn');
  });

  afterAll(() => api?.stop());

  const search = async (query: string) => {
    const response = await auditor.get(`/audit?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as AuditPage;
  };

  it("finds a dossier's history and the audit events about it, newest first, with who did them", async () => {
    const citizen = await aSignedInCitizen(api.base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const { version } = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    expect((await clerk.post(`/office/dossiers/${code}/actions/receive`, { version })).status).toBe(200);
    const page = await search(`dossierCode=${code}`);
    const steps = page.rows.filter((r) => r.source === 'dossier').map((r) => r.action);
    // Newest first: the clerk's reads and receipt, the submission first of all.
    expect(steps).toContain('view');
    expect(steps.indexOf('receive')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('receive')).toBeLessThan(steps.indexOf('submit'));
    expect(steps[steps.length - 1]).toBe('submit');
    const receive = page.rows.find((r) => r.action === 'receive');
    expect(receive).toMatchObject({
      actor: { name: 'Trần Thị Bình', email: 'clerk.badinh@demo.dichvucong.vn' },
      role: 'clerk',
      dossierCode: code,
      change: { from: 'new', to: 'received' },
    });
    const times = page.rows.map((r) => r.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await search(`dossierCode=${code}&action=sub`)).rows.map((r) => r.action)).toEqual(['submit']);
    expect((await search('dossierCode=HS-00-000000-000000')).rows).toEqual([]);
  });

  it('finds what an actor did by e-mail or name, by action prefix and period; searching is audited', async () => {
    expect((await auditor.get('/reports/processing?month=2025-01')).status).toBe(200);
    const mine = await search('actor=auditor@demo.dichvucong.vn&action=report.');
    expect(mine.rows[0]).toMatchObject({ action: 'report.processing-read', actor: { name: 'Phạm Thị Dung' } });
    expect(mine.rows.every((r) => r.action.startsWith('report.'))).toBe(true);
    const byName = await search('actor=thị dung&action=audit.searched');
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows[0].details).toMatchObject({ actor: 'auditor@demo.dichvucong.vn', action: 'report.' });
    // A LIKE wildcard is taken literally.
    expect((await search('action=report_')).rows).toEqual([]);
    const tomorrow = new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);
    expect((await search(`actor=auditor@demo.dichvucong.vn&from=${tomorrow}`)).rows).toEqual([]);
    expect((await auditor.get('/audit?from=2026-02-01&to=2026-01-01')).status).toBe(400);
  });

  it('exports the entries as CSV with a BOM, and records the export', async () => {
    const response = await auditor.get('/audit/export?actor=auditor@demo.dichvucong.vn&action=report.');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('occurredAt,source,actor,email,role,action,dossier,target,change,details,requestId');
    expect(lines.slice(1).every((l) => l.includes('report.'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect((await search('action=audit.exported')).rows[0].actor?.email).toBe('auditor@demo.dichvucong.vn');
  });
});
