import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { ApiError, SessionResponse } from '@portal/contracts';
import { loadConfig } from '@portal/server/platform';
import { BrowserClient } from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

describe('API: accounts, sessions, CSRF and sign-in throttling', () => {
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createApp(loadConfig());
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app.close();
  });

  const unique = () => randomUUID().slice(0, 8);
  const newCitizen = (over: Record<string, unknown> = {}) => ({
    fullName: 'Nguyễn Thị Ánh',
    email: `anh.${unique()}@example.vn`,
    password: 'matkhau123',
    passwordConfirmation: 'matkhau123',
    ...over,
  });
  const count = async (table: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('registers a citizen with an e-mail address, signs them in and audits it', async () => {
    const browser = await new BrowserClient(base).start();
    const input = newCitizen();
    const response = await browser.post('/auth/register', input);
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as SessionResponse;
    expect(user).toMatchObject({ fullName: 'Nguyễn Thị Ánh', email: input.email, roles: ['citizen'] });

    const me = (await (await browser.get('/auth/session')).json()) as SessionResponse;
    expect(me.user?.id).toBe(user?.id);
    const [row] = await dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user?.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [event] = await dataSource.query(`SELECT action FROM audit_event WHERE target_id = $1`, [user?.id]);
    expect(event.action).toBe('account.registered');
    const [welcome] = await dataSource.query(
      `SELECT template, language, status FROM notification WHERE recipient = $1`,
      [input.email],
    );
    expect(welcome).toEqual({ template: 'account-registered', language: 'vi', status: 'pending' });
  });

  it('registers with a phone number alone, stored in one canonical form', async () => {
    const phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const browser = await new BrowserClient(base).start();
    const response = await browser.post('/auth/register', newCitizen({ email: '', phone: `+84 ${phone.slice(1)}` }));
    expect(response.status).toBe(201);
    expect(((await response.json()) as SessionResponse).user?.phone).toBe(phone);
  });

  it('sets the session cookie httpOnly and SameSite=Lax', async () => {
    const browser = await new BrowserClient(base).start();
    const response = await browser.post('/auth/register', newCitizen());
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dvc.sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a state-changing request without the CSRF token, and writes nothing', async () => {
    const users = await count('app_user');
    const browser = await new BrowserClient(base, { csrf: false }).start();
    const response = await browser.post('/auth/register', newCitizen());
    expect(response.status).toBe(403);
    const body = (await response.json()) as ApiError;
    expect(body.code).toBe('CSRF_REJECTED');
    expect(body.message).toMatch(/Vui lòng tải lại trang/);
    expect(await count('app_user')).toBe(users);
  });

  it('refuses a token that belongs to another session', async () => {
    const mine = await new BrowserClient(base).start();
    const theirs = await new BrowserClient(base).start();
    mine.cookies.set('XSRF-TOKEN', theirs.cookies.get('XSRF-TOKEN') ?? '');
    expect((await mine.post('/auth/register', newCitizen())).status).toBe(403);
  });

  it('answers a second account with the same e-mail address with 409 and a clear message', async () => {
    const input = newCitizen();
    expect((await (await new BrowserClient(base).start()).post('/auth/register', input)).status).toBe(201);
    const users = await count('app_user');
    const again = await (
      await new BrowserClient(base, { language: 'en' }).start()
    ).post('/auth/register', {
      ...input,
      email: input.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiError).message).toBe(
      'This e-mail address or phone number already belongs to an account. You can sign in with it.',
    );
    expect(await count('app_user')).toBe(users);
  });

  it.each([
    ['no body fields at all', {}, ['fullName', 'email', 'password', 'passwordConfirmation']],
    ['a name with digits', { fullName: 'Nguyen Van 3' }, ['fullName']],
    ['a name that is a number', { fullName: 12345 }, ['fullName']],
    ['a malformed e-mail address', { email: 'anh@' }, ['email']],
    ['neither e-mail nor phone', { email: '' }, ['email']],
    ['a landline-looking phone number', { email: '', phone: '0241234567' }, ['phone']],
    ['a short password', { password: 'abc12', passwordConfirmation: 'abc12' }, ['password']],
    ['a password without digits', { password: 'matkhaumoi', passwordConfirmation: 'matkhaumoi' }, ['password']],
    ['passwords that differ', { passwordConfirmation: 'matkhau124' }, ['passwordConfirmation']],
    ['a password over 128 characters', { password: `a1${'x'.repeat(130)}` }, ['password']],
  ])('rejects %s with 400, a message per field, and no row', async (_name, change, fields) => {
    const users = await count('app_user');
    const browser = await new BrowserClient(base).start();
    const input = Object.keys(change).length === 0 ? {} : newCitizen(change);
    const response = await browser.post('/auth/register', input);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiError & {
      details: { fields: Array<{ field: string; message: string }> };
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.fields.map((f) => f.field)).toEqual(expect.arrayContaining(fields));
    for (const problem of body.details.fields) expect(problem.message).toMatch(/\S/);
    expect(await count('app_user')).toBe(users);
  });

  it('rejects a body that is not JSON with 400, not 500', async () => {
    const browser = await new BrowserClient(base).start();
    const response = await browser.request('POST', '/auth/login', undefined, { 'Content-Type': 'application/json' });
    expect(response.status).toBe(400);
  });

  it('signs in with e-mail or phone, and out again', async () => {
    const phone = `08${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const input = newCitizen({ phone });
    await (await new BrowserClient(base).start()).post('/auth/register', input);

    for (const login of [input.email.toUpperCase(), phone]) {
      const browser = await new BrowserClient(base).start();
      const response = await browser.post('/auth/login', { login, password: input.password });
      expect(response.status).toBe(200);
      expect(((await response.json()) as SessionResponse).user?.email).toBe(input.email);
      expect((await browser.post('/auth/logout')).status).toBe(200);
      expect(((await (await browser.get('/auth/session')).json()) as SessionResponse).user).toBeNull();
    }
  });

  it('says the same thing for an unknown account and a wrong password', async () => {
    const input = newCitizen();
    await (await new BrowserClient(base).start()).post('/auth/register', input);
    const browser = await new BrowserClient(base).start();
    const wrongPassword = await browser.post('/auth/login', { login: input.email, password: 'wrong-pass-1' });
    const unknown = await browser.post('/auth/login', {
      login: `nobody.${unique()}@example.vn`,
      password: 'wrong-pass-1',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrongPassword.json()) as ApiError).message).toBe(((await unknown.json()) as ApiError).message);
  });

  it('pauses an account after five failed sign-ins, even with the right password then', async () => {
    const input = newCitizen();
    await (await new BrowserClient(base).start()).post('/auth/register', input);
    const browser = await new BrowserClient(base).start();
    for (let i = 0; i < 5; i++) {
      expect((await browser.post('/auth/login', { login: input.email, password: `wrong-${i}x` })).status).toBe(401);
    }
    const blocked = await browser.post('/auth/login', { login: input.email, password: input.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as ApiError).message).toMatch(/thử lại sau \d+ phút/);
  });

  it('pauses a network address that tries many accounts', async () => {
    await dataSource.query(`DELETE FROM login_throttle WHERE key LIKE 'address:%'`);
    const browser = await new BrowserClient(base).start();
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++) {
      status = (
        await browser.post('/auth/login', { login: `guess.${i}.${unique()}@example.vn`, password: 'guess-123' })
      ).status;
    }
    expect(status).toBe(429);
    await dataSource.query(`DELETE FROM login_throttle WHERE key LIKE 'address:%'`);
  });
});
