import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { SessionResponse } from '@portal/contracts';
import { loadConfig } from '@portal/server/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

/** A port nobody listens on now (the API and the provider must know each other's address before they start). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Answer {
  status: number;
  url: URL;
  location?: URL;
  body: string;
}

/**
 * A browser as far as this flow needs one: a cookie jar per site (the portal
 * and the eID provider), redirects followed by hand so that each hop can be
 * looked at, forms posted as application/x-www-form-urlencoded.
 */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar(origin).get(name);
  }

  async request(
    url: URL | string,
    options: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers: Record<string, string> = { 'Accept-Language': 'vi', ...options.headers };
    if (jar.size) headers.Cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (options.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    const response = await fetch(target, {
      method: options.method ?? (options.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    const text = await response.text();
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      url: target,
      location: location ? new URL(location, target) : undefined,
      body: text,
    };
  }

  private jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }
}

describe('API: sign-in with the national eID (OpenID Connect against the eID stand-in)', () => {
  const password = 'VNeID@2025';
  const clientSecret = randomBytes(24).toString('hex');
  let app: INestApplication;
  let dataSource: DataSource;
  let portal: string;
  let issuer: string;
  let eidPort: number;
  let provider: ChildProcess | undefined;
  let providerOutput = '';

  beforeAll(async () => {
    const apiPort = await freePort();
    eidPort = await freePort();
    portal = `http://127.0.0.1:${apiPort}`;
    issuer = `http://127.0.0.1:${eidPort}`;
    app = await createApp(
      loadConfig({ ...process.env, PUBLIC_URL: portal, EID_ISSUER_URL: issuer, EID_CLIENT_SECRET: clientSecret }),
    );
    await app.listen(apiPort, '127.0.0.1');
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    if (provider && provider.exitCode === null) {
      const exited = once(provider, 'exit');
      provider.kill('SIGTERM');
      await exited;
    }
    await app.close();
  });

  /** Runs apps/eid-provider as its own process, as `npm start` does, registered for this API's callback. */
  async function startProvider(): Promise<void> {
    if (provider) return;
    provider = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../eid-provider/src/main.ts')], {
      env: {
        ...process.env,
        EID_PROVIDER_PORT: String(eidPort),
        EID_ISSUER_URL: issuer,
        EID_CLIENT_SECRET: clientSecret,
        EID_REDIRECT_URIS: `${portal}/api/auth/eid/callback`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    provider.stdout?.on('data', (chunk: Buffer) => (providerOutput += chunk.toString()));
    provider.stderr?.on('data', (chunk: Buffer) => (providerOutput += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (!providerOutput.includes('eID provider listening') && provider.exitCode === null) {
      if (Date.now() > deadline) throw new Error(`the eID provider did not start:\n${providerOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(providerOutput).toContain(`issuer ${issuer}`);
  }

  /** Starts an eID sign-in at the portal; returns the authorisation request the browser is sent to. */
  async function start(browser: Browser, returnUrl?: string): Promise<URL> {
    const query = returnUrl === undefined ? '' : `?returnUrl=${encodeURIComponent(returnUrl)}`;
    const answer = await browser.request(`${portal}/api/auth/eid/start${query}`);
    expect(answer.status).toBe(302);
    expect(answer.location?.origin).toBe(issuer);
    return answer.location as URL;
  }

  /**
   * Goes through the provider's pages (sign in with the personal ID number and
   * password, agree to share) until it sends the browser back to the portal;
   * returns that callback address without visiting it.
   */
  async function signInAtProvider(browser: Browser, authorization: URL, personalId: string): Promise<URL> {
    let next: URL = authorization;
    for (let hop = 0; hop < 10; hop++) {
      if (next.origin === portal) return next;
      const answer = await browser.request(next);
      if (answer.location) {
        next = answer.location;
        continue;
      }
      expect(answer.status).toBe(200);
      const login = /action="(\/interaction\/[^"]+\/login)"/.exec(answer.body);
      const confirm = /action="(\/interaction\/[^"]+\/confirm)"/.exec(answer.body);
      const posted = login
        ? await browser.request(new URL(login[1], issuer), { form: { personal_id: personalId, password } })
        : confirm
          ? await browser.request(new URL(confirm[1], issuer), { form: {} })
          : undefined;
      if (!posted?.location) throw new Error(`unexpected page at ${next.href}:\n${answer.body.slice(0, 500)}`);
      next = posted.location;
    }
    throw new Error('the provider never sent the browser back');
  }

  async function sessionUser(browser: Browser): Promise<SessionResponse['user']> {
    const answer = await browser.request(`${portal}/api/auth/session`);
    return (JSON.parse(answer.body) as SessionResponse).user;
  }

  const accountsWithPersonalId = async (personalId: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE personal_id = $1`, [personalId]))[0]
      .n as number;

  const lastFailure = async () =>
    (
      await dataSource.query(
        `SELECT details->>'reason' AS reason FROM audit_event WHERE action = 'account.eid-sign-in-failed' ORDER BY id DESC LIMIT 1`,
      )
    )[0]?.reason as string | undefined;

  it('starts while the eID provider is down, sends the citizen back with a message, and works once it is up', async () => {
    const browser = new Browser();
    const refused = await browser.request(`${portal}/api/auth/eid/start?returnUrl=%2Fprocedures%2F1.001193`);
    expect(refused.status).toBe(302);
    // Back to the sign-in page, which explains; still knowing where the citizen was going.
    expect(refused.location?.href).toBe(`${portal}/sign-in?eid=failed&returnUrl=%2Fprocedures%2F1.001193`);
    expect((await browser.request(`${portal}/api/auth/eid/start`)).location?.href).toBe(`${portal}/sign-in?eid=failed`);
    expect((await browser.request(`${portal}/api/health/live`)).status).toBe(200);

    await startProvider();
    // The failed discovery was not remembered: the next sign-in finds the provider.
    expect((await start(browser)).origin).toBe(issuer);
  });

  describe('with the provider up', () => {
    beforeAll(startProvider);

    it('sends the browser to the provider with a PKCE S256 challenge, state and nonce', async () => {
      const authorization = await start(new Browser());
      const params = authorization.searchParams;
      expect(authorization.pathname).toBe('/auth');
      expect(params.get('client_id')).toBe('dvc-portal');
      expect(params.get('response_type')).toBe('code');
      expect(params.get('redirect_uri')).toBe(`${portal}/api/auth/eid/callback`);
      expect(params.get('scope')).toBe('openid profile vneid');
      expect(params.get('code_challenge_method')).toBe('S256');
      expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(params.get('prompt')).toBe('login');
    });

    it('creates a verified citizen account on the first eID sign-in, and reuses it on the next', async () => {
      const personalId = '001090012345';
      const first = new Browser();
      const callback = await signInAtProvider(first, await start(first, '/procedures/1.001193'), personalId);
      expect(callback.pathname).toBe('/api/auth/eid/callback');
      expect(callback.searchParams.get('iss')).toBe(issuer);
      const landed = await first.request(callback);
      expect(landed.status).toBe(302);
      expect(landed.location?.href).toBe(`${portal}/procedures/1.001193`);

      const user = await sessionUser(first);
      expect(user).toMatchObject({
        fullName: 'Trần Minh Khoa',
        email: null,
        phone: null,
        roles: ['citizen'],
        identity: {
          personalId,
          dateOfBirth: '1990-04-15',
          sex: 'male',
          permanentAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
          verified: true,
        },
      });
      const [row] = await dataSource.query(
        `SELECT eid_subject, password_hash, identity_verified, to_char(date_of_birth, 'YYYY-MM-DD') AS born
           FROM app_user WHERE id = $1`,
        [user?.id],
      );
      expect(row).toEqual({
        eid_subject: '9dcabc3a-29bc-474a-802c-8c4a2aa91d86',
        password_hash: null,
        identity_verified: true,
        born: '1990-04-15',
      });
      const [registered] = await dataSource.query(`SELECT action, details FROM audit_event WHERE target_id = $1`, [
        user?.id,
      ]);
      expect(registered).toEqual({ action: 'account.eid-registered', details: null });

      // The CSRF token was issued again for the new session: a state-changing request with it is accepted.
      const xsrf = first.cookie(portal, 'XSRF-TOKEN');
      expect(xsrf).toBeTruthy();
      const signOut = await first.request(`${portal}/api/auth/logout`, {
        method: 'POST',
        headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? ''), 'Content-Type': 'application/json' },
      });
      expect(signOut.status).toBe(200);

      // Another browser, another day: the same person lands in the same account; an unsafe returnUrl is ignored.
      const second = new Browser();
      const again = await second.request(
        await signInAtProvider(second, await start(second, '//evil.example/phish'), personalId),
      );
      expect(again.location?.href).toBe(`${portal}/account`);
      expect((await sessionUser(second))?.id).toBe(user?.id);
      expect(await accountsWithPersonalId(personalId)).toBe(1);
      const actions = await dataSource.query(
        `SELECT action FROM audit_event WHERE target_id = $1 AND action LIKE 'account.eid-%' ORDER BY id`,
        [user?.id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual([
        'account.eid-registered',
        'account.eid-signed-in',
      ]);
    });

    it('refuses a callback whose state was tampered with, and creates no account', async () => {
      const personalId = '001087007788';
      const browser = new Browser();
      const callback = await signInAtProvider(browser, await start(browser), personalId);
      const tampered = new URL(callback);
      tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);

      const refused = await browser.request(tampered);
      expect(refused.location?.href).toBe(`${portal}/sign-in?eid=failed`);
      expect(await lastFailure()).toBe('OAUTH_INVALID_RESPONSE');
      expect(await sessionUser(browser)).toBeNull();
      expect(await accountsWithPersonalId(personalId)).toBe(0);

      // The sign-in in progress is forgotten at the first answer: the genuine one cannot follow.
      const late = await browser.request(callback);
      expect(late.location?.href).toBe(`${portal}/sign-in?eid=failed`);
      expect(await lastFailure()).toBe('no-sign-in-in-progress');
      expect(await accountsWithPersonalId(personalId)).toBe(0);
    });

    it('refuses a replayed callback, and a code carried into another browser’s sign-in (PKCE)', async () => {
      const personalId = '001301002468';
      const victim = new Browser();
      const callback = await signInAtProvider(victim, await start(victim), personalId);

      // An attacker who got hold of the code puts it into a sign-in of their own: state matches theirs,
      // but their code_verifier does not match the victim's challenge, so the provider refuses the code.
      const attacker = new Browser();
      const theirs = await start(attacker);
      const injected = new URL(callback);
      injected.searchParams.set('state', theirs.searchParams.get('state') ?? '');
      const refused = await attacker.request(injected);
      expect(refused.location?.href).toBe(`${portal}/sign-in?eid=failed`);
      expect(await lastFailure()).toBe('invalid_grant');
      expect(await sessionUser(attacker)).toBeNull();
      expect(await accountsWithPersonalId(personalId)).toBe(0);

      // The same callback twice in one browser: the second finds no sign-in in progress.
      const own = new Browser();
      const ownCallback = await signInAtProvider(own, await start(own), '001079013579');
      expect((await own.request(ownCallback)).location?.href).toBe(`${portal}/account`);
      const replayed = await own.request(ownCallback);
      expect(replayed.location?.href).toBe(`${portal}/sign-in?eid=failed`);
      expect(await accountsWithPersonalId('001079013579')).toBe(1);
    });

    it('refuses an authorisation request without PKCE at the provider', async () => {
      const request = new URL('/auth', issuer);
      request.search = new URLSearchParams({
        client_id: 'dvc-portal',
        response_type: 'code',
        scope: 'openid profile vneid',
        redirect_uri: `${portal}/api/auth/eid/callback`,
        state: 'no-pkce',
      }).toString();
      const answer = await new Browser().request(request);
      expect(answer.status).toBe(303);
      expect(answer.location?.origin).toBe(portal);
      expect(answer.location?.searchParams.get('error')).toBe('invalid_request');
      expect(answer.location?.searchParams.get('error_description')).toMatch(/PKCE/);
    });

    it('sends a citizen who cancels at the eID back to the sign-in page', async () => {
      const browser = new Browser();
      const authorization = await start(browser);
      const interaction = (await browser.request(authorization)).location as URL;
      const page = await browser.request(interaction);
      const abort = /action="(\/interaction\/[^"]+\/abort)"/.exec(page.body)?.[1];
      const cancelled = await browser.request(new URL(abort ?? '', issuer), { form: {} });
      const callback = (await browser.request(cancelled.location as URL)).location as URL;
      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect((await browser.request(callback)).location?.href).toBe(`${portal}/sign-in?eid=failed`);
      expect(await lastFailure()).toBe('access_denied');
    });

    it('shows a plain message at the provider for a wrong password, and signs nobody in', async () => {
      const browser = new Browser();
      const interaction = (await browser.request(await start(browser))).location as URL;
      const page = await browser.request(interaction);
      const login = /action="(\/interaction\/[^"]+\/login)"/.exec(page.body)?.[1] ?? '';
      const wrong = await browser.request(new URL(login, issuer), {
        form: { personal_id: '001195004321', password: 'sai-mat-khau' },
      });
      expect(wrong.status).toBe(200);
      expect(wrong.body).toContain('Số định danh cá nhân hoặc mật khẩu không đúng.');
      expect(wrong.body).toContain('value="001195004321"');
      // The provider's log names neither the person nor the number.
      expect(providerOutput).not.toContain('001195004321');
      expect(providerOutput).not.toContain('Hồng Nhung');
    });
  });
});
