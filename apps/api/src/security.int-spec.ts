import 'reflect-metadata';
import type { ApiError } from '@portal/contracts';
import {
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  BrowserClient,
  TINY_PDF,
  uploadPaper,
} from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/**
 * The classes of failure an outsider found by trying every route with bad input: each is answered
 * with a clear 4xx in the caller's language, carries a request id, and leaks nothing.
 */
describe('API security: bad input, throttles, sessions, caching', () => {
  let api: ApiUnderTest;
  let base: string;
  const count = async (table: string) =>
    Number((await api.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n as string);
  const unique = () => randomUUID().slice(0, 8);
  const expectApiError = async (response: Response, status: number, language: 'vi' | 'en' = 'vi') => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as ApiError;
    expect(body.code).toMatch(/^[A-Z_]+$/);
    expect(body.requestId).toMatch(/\S{8,}/);
    if (language === 'vi') expect(body.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịýỳỷỹỵ]/i);
    return body;
  };

  beforeAll(async () => {
    api = await startApi();
    base = api.base;
  });
  afterAll(async () => {
    await api.dataSource.query(`DELETE FROM login_throttle`);
    await api.stop();
  });

  describe('a NUL byte anywhere is a 400 naming the field, never a 500', () => {
    let citizen: BrowserClient;
    let clerk: BrowserClient;
    let admin: BrowserClient;
    let draftId: string;
    let code: string;
    beforeAll(async () => {
      citizen = (await aSignedInCitizen(base)).browser;
      clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
      admin = await aSignedInAccount(base, 'admin@demo.dichvucong.vn');
      draftId = (await aDraft(citizen, {})).id;
      code = await aSubmittedBirthRegistration(citizen);
    });

    const cases: Array<[string, () => Promise<Response>]> = [
      [
        'sign-in',
        () =>
          new BrowserClient(base).start().then((b) => b.post('/auth/login', { login: 'a\u0000b@x.vn', password: 'x' })),
      ],
      [
        'registration',
        () =>
          new BrowserClient(base).start().then((b) =>
            b.post('/auth/register', {
              fullName: 'An\u0000',
              email: 'a@b.vn',
              password: 'matkhau123',
              passwordConfirmation: 'matkhau123',
            }),
          ),
      ],
      [
        'a draft page',
        () =>
          citizen.request('PUT', `/drafts/${draftId}/steps/child`, {
            fullName: 'Nguyễn\u0000 An',
            sex: 'male',
            dateOfBirth: '2026-11-20',
          }),
      ],
      [
        'a key of a draft page',
        () => citizen.request('PUT', `/drafts/${draftId}/steps/child`, { 'full\u0000Name': 'An' }),
      ],
      [
        'a withdrawal reason',
        () => citizen.post(`/dossiers/${code}/actions/withdraw`, { version: 1, reason: 'không\u0000 cần' }),
      ],
      ['the office search', () => clerk.get('/office/dossiers?q=Nguy%00n')],
      ['the office procedure filter', () => clerk.get('/office/dossiers?procedureCode=1.001193%00')],
      [
        'counter intake',
        () =>
          clerk.post('/office/dossiers/counter', {
            procedureCode: '1.001193',
            data: { child: { fullName: 'A\u0000' } },
          }),
      ],
      ['a holiday name', () => admin.post('/admin/holidays', { day: '2030-03-03', name: 'Nghỉ\u0000', nameEn: 'Off' })],
      ['a dossier code in the path (citizen)', () => citizen.get('/dossiers/HS-01%00')],
      ['a dossier code in the path (office)', () => clerk.get('/office/dossiers/HS-01%00')],
      ['a draft id in the path', () => citizen.get('/drafts/%00')],
      ['a procedure code in the path', () => new BrowserClient(base).get('/procedures/1.001193%00')],
      [
        'a status lookup',
        () =>
          new BrowserClient(base)
            .start()
            .then((b) => b.post('/dossiers/lookup', { code: 'HS\u0000', phone: '0912345678' })),
      ],
      [
        'a C1 control character',
        () => citizen.request('PUT', `/drafts/${draftId}/steps/child`, { fullName: 'An\u0085' }),
      ],
    ];
    it.each(cases)('%s', async (_name, send) => {
      const events = await count('dossier_event');
      const body = await expectApiError(await send(), 400);
      expect(['VALIDATION_FAILED', 'BAD_PATH']).toContain(body.code);
      if (body.code === 'VALIDATION_FAILED') {
        const fields = (body.details as { fields: Array<{ code: string; message: string }> }).fields;
        expect(fields[0].code).toBe('controlCharacter');
      }
      expect(await count('dossier_event')).toBe(events);
    });

    it('keeps tabs and line breaks of a multi-line text', async () => {
      const response = await citizen.request('PUT', `/drafts/${draftId}/steps/origin`, {
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        homeTown: 'Xã Phù Đổng,\r\n\tThành phố Hà Nội',
      });
      expect(response.status).toBe(200);
    });
  });

  describe('the body parser’s refusals are the API’s own 4xx, with a request id', () => {
    const raw = (body: string | Uint8Array, headers: Record<string, string>) =>
      fetch(`${base}/auth/login`, { method: 'POST', body, headers: { 'Accept-Language': 'en', ...headers } });
    it.each<[string, () => Promise<Response>, number, string]>([
      ['malformed JSON', () => raw('{"login": ', { 'Content-Type': 'application/json' }), 400, 'MALFORMED_BODY'],
      ['a bare null', () => raw('null', { 'Content-Type': 'application/json' }), 400, 'MALFORMED_BODY'],
      ['a bare number', () => raw('42', { 'Content-Type': 'application/json' }), 400, 'MALFORMED_BODY'],
      ['a bare string', () => raw('"x"', { 'Content-Type': 'application/json' }), 400, 'MALFORMED_BODY'],
      [
        'a body over the limit',
        () => raw(JSON.stringify({ login: 'x'.repeat(200_000) }), { 'Content-Type': 'application/json' }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'an unsupported charset',
        () => raw('{}', { 'Content-Type': 'application/json; charset=koi8-r' }),
        415,
        'UNSUPPORTED_CHARSET',
      ],
      [
        'an unsupported Content-Encoding',
        () => raw('{}', { 'Content-Type': 'application/json', 'Content-Encoding': 'compress' }),
        415,
        'UNSUPPORTED_CONTENT_ENCODING',
      ],
      [
        'JSON nested too deeply',
        () => raw(`${'['.repeat(5000)}${']'.repeat(5000)}`, { 'Content-Type': 'application/json' }),
        400,
        'BODY_TOO_DEEP',
      ],
      [
        'a __proto__ key',
        () =>
          raw('{"__proto__": {"roles": ["admin"]}, "login": "a@b.vn", "password": "x"}', {
            'Content-Type': 'application/json',
          }),
        400,
        'VALIDATION_FAILED',
      ],
    ])('%s', async (_name, send, status, code) => {
      const response = await send();
      expect(response.status).toBe(status);
      const body = (await response.json()) as ApiError;
      expect(body).toMatchObject({ code });
      expect(body.message).toMatch(/\w/);
      expect(body.requestId).toBe(response.headers.get('x-request-id'));
    });

    it('answers a body labelled gzip that is not compressed with 400, not 500', async () => {
      const response = await raw('{}', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ApiError).code).toBe('MALFORMED_BODY');
    });

    it('answers an address over Node’s header limit with a JSON 431', async () => {
      const response = await fetch(`${base}/drafts/${'x'.repeat(20_000)}`);
      expect(response.status).toBe(431);
      const body = (await response.json()) as ApiError;
      expect(body).toMatchObject({ code: 'REQUEST_TOO_LARGE' });
      expect(body.requestId).toMatch(/\S{8,}/);
    });

    it('still reads a gzip-compressed body', async () => {
      const response = await raw(gzipSync(JSON.stringify({ login: 'nobody@example.vn', password: 'x' })), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
      // Parsed: refused by the CSRF check (no token), not by the parser.
      expect(response.status).toBe(403);
    });
  });

  describe('sign-in throttles', () => {
    afterEach(async () => {
      await api.dataSource.query(`DELETE FROM login_throttle`);
    });

    it('locks a login of 250 characters after five failures, like any other (no 500)', async () => {
      const login = `${'a'.repeat(240)}@${unique()}.vn`;
      const browser = await new BrowserClient(base).start();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await browser.post('/auth/login', { login, password: 'wrong-1x' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('counts an account’s e-mail address and phone number as one account', async () => {
      const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const email = `lock.${unique()}@example.vn`;
      const password = 'matkhau123';
      await (
        await new BrowserClient(base).start()
      ).post('/auth/register', { fullName: 'Lê Văn Khoá', email, phone, password, passwordConfirmation: password });
      const browser = await new BrowserClient(base).start();
      for (const login of [email, email, email, phone, phone]) {
        expect((await browser.post('/auth/login', { login, password: 'wrong-1x' })).status).toBe(401);
      }
      expect((await browser.post('/auth/login', { login: email, password })).status).toBe(429);
      expect((await browser.post('/auth/login', { login: phone, password })).status).toBe(429);
    });

    it('keys the address throttle on the connection, not on a client’s X-Forwarded-For', async () => {
      const browser = await new BrowserClient(base).start();
      let status = 0;
      for (let i = 0; i < 31 && status !== 429; i++) {
        status = (
          await browser.request(
            'POST',
            '/auth/login',
            { login: `guess.${i}.${unique()}@example.vn`, password: 'guess-123' },
            { 'X-Forwarded-For': `203.0.113.${i}` },
          )
        ).status;
      }
      expect(status).toBe(429);
    });

    it('answers registrations with a taken e-mail address with 429 after ten', async () => {
      const email = `taken.${unique()}@example.vn`;
      const input = { fullName: 'Đỗ Thị Hoa', email, password: 'matkhau123', passwordConfirmation: 'matkhau123' };
      expect((await (await new BrowserClient(base).start()).post('/auth/register', input)).status).toBe(201);
      const browser = await new BrowserClient(base).start();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await browser.post('/auth/register', input)).status);
      expect(statuses).toEqual([...Array<number>(10).fill(409), 429]);
    });
  });

  describe('sessions are stored only when there is something to keep', () => {
    it('stores no session for visitors who load the page or start an eID sign-in', async () => {
      const before = await count('user_session');
      for (let i = 0; i < 10; i++) {
        const visitor = await new BrowserClient(base).start();
        await visitor.get('/auth/eid/start?returnUrl=/account');
      }
      expect(await count('user_session')).toBe(before);
    });

    it('still protects a visitor’s state-changing request with a token bound to them', async () => {
      const mine = await new BrowserClient(base).start();
      const theirs = await new BrowserClient(base).start();
      mine.cookies.set('XSRF-TOKEN', theirs.cookies.get('XSRF-TOKEN') ?? '');
      const body = { login: `x.${unique()}@example.vn`, password: 'wrong-pass-1' };
      expect((await mine.post('/auth/login', body)).status).toBe(403);
      expect((await theirs.post('/auth/login', body)).status).toBe(401);
    });
  });

  describe('uploads', () => {
    it('bounds the papers a citizen holds outside a submitted dossier (413, nothing kept)', async () => {
      const citizen = (await aSignedInCitizen(base)).browser;
      for (let i = 0; i < api.config.UPLOAD_QUOTA_FILES; i++) await uploadPaper(citizen, 'medical_birth_certificate');
      const form = new FormData();
      form.append('paperCode', 'medical_birth_certificate');
      form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), 'a.pdf');
      const before = await count('attachment');
      const refused = await citizen.upload('/attachments', form);
      expect((await expectApiError(refused, 413)).code).toBe('UPLOAD_QUOTA_EXCEEDED');
      expect(await count('attachment')).toBe(before);
    });

    it.each(['auditor', 'clerk.badinh', 'leader.badinh', 'admin'])(
      'refuses an upload by %s (403), writes nothing',
      async (who) => {
        const staff = await aSignedInAccount(base, `${who}@demo.dichvucong.vn`);
        const before = await count('attachment');
        const form = new FormData();
        form.append('paperCode', 'medical_birth_certificate');
        form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), 'a.pdf');
        await expectApiError(await staff.upload('/attachments', form), 403);
        expect(await count('attachment')).toBe(before);
      },
    );
  });

  describe('personal data is never cached', () => {
    const who = {} as { citizen: BrowserClient; clerk: BrowserClient; code: string; draft: string };
    beforeAll(async () => {
      who.citizen = (await aSignedInCitizen(base)).browser;
      who.clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
      who.draft = (await aDraft(who.citizen, {})).id;
      who.code = await aSubmittedBirthRegistration(who.citizen);
    });
    it.each<[string, (b: typeof who) => Promise<Response>]>([
      ['the session', ({ citizen }) => citizen.get('/auth/session')],
      ['the drafts', ({ citizen }) => citizen.get('/drafts')],
      ['a draft', ({ citizen, draft }) => citizen.get(`/drafts/${draft}`)],
      ['my dossiers', ({ citizen }) => citizen.get('/dossiers')],
      ['a dossier', ({ citizen, code }) => citizen.get(`/dossiers/${code}`)],
      ['the office inbox', ({ clerk }) => clerk.get('/office/dossiers')],
      ['an office dossier', ({ clerk, code }) => clerk.get(`/office/dossiers/${code}`)],
      ['an error', ({ citizen }) => citizen.get('/dossiers/HS-00-000000-000000')],
    ])('%s is Cache-Control: no-store', async (_name, read) => {
      const response = await read(who);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
    });
  });

  describe('the queue dashboard', () => {
    it('refuses a state-changing request without the CSRF token, and takes one with it', async () => {
      const admin = await aSignedInAccount(base, 'admin@demo.dichvucong.vn');
      const origin = base.replace(/\/api$/, '');
      const withToken = new BrowserClient(origin);
      const withoutToken = new BrowserClient(origin, { csrf: false });
      for (const [name, value] of admin.cookies) {
        withToken.cookies.set(name, value);
        withoutToken.cookies.set(name, value);
      }
      for (const path of [
        '/admin/queues/api/queues/pause',
        '/admin/queues/api/queues/resume',
        '/admin/queues/api/queues/notifications/retry/failed',
      ]) {
        expect((await withoutToken.request('PUT', path, {})).status).toBe(403);
      }
      expect(
        (await withoutToken.post('/admin/queues/api/queues/notifications/add', { name: 'x', data: {} })).status,
      ).toBe(403);
      expect((await withToken.request('PUT', '/admin/queues/api/queues/pause', {})).status).toBe(200);
      expect((await withToken.request('PUT', '/admin/queues/api/queues/resume', {})).status).toBe(200);
    });
  });
});

// A second API in this process: only sessionless requests (passport's serializers are process-wide).
describe('API security: settings that differ in production', () => {
  it('keeps /api/metrics for the scraper with METRICS_TOKEN', async () => {
    const api = await startApi({ config: { METRICS_TOKEN: 'scraper-token-0123456789' } });
    try {
      expect((await fetch(`${api.base}/metrics`)).status).toBe(404);
      expect(
        (await fetch(`${api.base}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456' } })).status,
      ).toBe(404);
      const allowed = await fetch(`${api.base}/metrics`, {
        headers: { Authorization: 'Bearer scraper-token-0123456789' },
      });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/http_request_duration_seconds/);
    } finally {
      await api.stop();
    }
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const api = await startApi({ config: { TRUST_PROXY: 'loopback' } });
    try {
      // Behind a proxy on loopback, the address it vouches for is the client's own throttle key.
      const browser = await new BrowserClient(api.base).start();
      for (let i = 0; i < 31; i++) {
        const status = (
          await browser.request(
            'POST',
            '/auth/login',
            { login: `guess.${i}.${randomUUID()}@example.vn`, password: 'guess-123' },
            { 'X-Forwarded-For': `203.0.113.${i}` },
          )
        ).status;
        expect(status).toBe(401);
      }
    } finally {
      await api.dataSource.query(`DELETE FROM login_throttle`);
      await api.stop();
    }
  });
});
