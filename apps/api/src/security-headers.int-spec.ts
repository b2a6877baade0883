import 'reflect-metadata';
import type { OfficeDossier } from '@portal/contracts';
import { aSubmittedBirthRegistration, BrowserClient, uploadPaper } from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/**
 * The headers a browser is told to protect the citizen with, on the web page, the API and file
 * downloads, as production runs it behind https.
 */
describe('Security headers and cookies, with an https public address', () => {
  let api: ApiUnderTest;
  let origin: string;
  const webRoot = mkdtempSync(join(tmpdir(), 'portal-web-'));

  beforeAll(async () => {
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="vi"><title>Cổng</title></html>');
    // As production runs it: behind a proxy that ends TLS and says so in X-Forwarded-Proto.
    api = await startApi({
      config: { PUBLIC_URL: 'https://dichvucong.example.vn', WEB_ROOT: webRoot, TRUST_PROXY: 'loopback' },
    });
    origin = api.base.replace(/\/api$/, '');
  });
  afterAll(async () => {
    await api.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const overHttps = () => new BrowserClient(api.base, { headers: { 'X-Forwarded-Proto': 'https' } }).start();
  const aCitizen = async () => {
    const browser = await overHttps();
    const password = 'matkhau123';
    const email = `https.${randomUUID().slice(0, 8)}@example.vn`;
    const registered = await browser.post('/auth/register', {
      fullName: 'Vũ Thị Lan',
      email,
      password,
      passwordConfirmation: password,
    });
    expect(registered.status).toBe(201);
    return browser;
  };
  const aClerk = async () => {
    const browser = await overHttps();
    expect(
      (await browser.post('/auth/login', { login: 'clerk.badinh@demo.dichvucong.vn', password: 'Demo@2025' })).status,
    ).toBe(200);
    return browser;
  };

  const expectBrowserProtection = (headers: Headers) => {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/base-uri 'self'/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toMatch(/no-referrer|strict-origin/);
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}; includeSubDomains/);
    expect(headers.get('x-powered-by')).toBeNull();
  };

  it('protects the web page', async () => {
    const page = await fetch(`${origin}/dossiers`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectBrowserProtection(page.headers);
  });

  it('protects API answers, and marks them not to be stored', async () => {
    const answer = await fetch(`${api.base}/procedures`);
    expect(answer.status).toBe(200);
    expectBrowserProtection(answer.headers);
    const session = await fetch(`${api.base}/auth/session`);
    expectBrowserProtection(session.headers);
    expect(session.headers.get('cache-control')).toBe('no-store');
  });

  it('sets every cookie Secure and, but for the token the page echoes, httpOnly', async () => {
    const visitor = await fetch(`${api.base}/auth/session`, { headers: { 'X-Forwarded-Proto': 'https' } });
    const citizen = await aCitizen();
    const signedIn = await citizen.get('/auth/session');
    const cookies = [...visitor.headers.getSetCookie(), ...signedIn.headers.getSetCookie()];
    const names = new Set(cookies.map((c) => c.split('=')[0]));
    expect([...names]).toEqual(expect.arrayContaining(['dvc.visitor', '__Host-dvc.csrf', 'XSRF-TOKEN']));
    for (const cookie of cookies) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      if (!cookie.startsWith('XSRF-TOKEN=')) expect(cookie).toMatch(/;\s*HttpOnly/i);
    }
    expect(citizen.cookies.has('dvc.sid')).toBe(true);
  });

  it('serves a citizen’s own paper as a download that is never sniffed, framed or stored', async () => {
    const browser = await aCitizen();
    const id = await uploadPaper(browser, 'medical_birth_certificate');
    const file = await browser.get(`/attachments/${id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename=/);
    expect(file.headers.get('cache-control')).toMatch(/no-store/);
    expectBrowserProtection(file.headers);
  });

  it('lets the back office frame a paper in its own page only', async () => {
    const code = await aSubmittedBirthRegistration(await aCitizen());
    const clerk = await aClerk();
    const dossier = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    const paper = await clerk.get(`/office/dossiers/${code}/papers/${dossier.papers[0].id}`);
    expect(paper.status).toBe(200);
    expect(paper.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(paper.headers.get('x-content-type-options')).toBe('nosniff');
    expect(paper.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('answers plain http requests without HSTS when the public address is http', async () => {
    const plain = await startApi({ config: { PUBLIC_URL: 'http://localhost:3000' } });
    // A second app shares passport's process-wide serializers: only sessionless requests here.
    try {
      const answer = await fetch(`${plain.base}/procedures`);
      expect(answer.headers.get('strict-transport-security')).toBeNull();
      const visitor = await new BrowserClient(plain.base).start();
      expect(visitor.cookies.has('dvc.csrf')).toBe(true);
    } finally {
      await plain.stop();
    }
  });
});
