import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startEidProvider, type EidProvider } from './eid-provider';
import { readSettings } from './settings';

describe('eID provider (national eID stand-in)', () => {
  const portal = 'http://127.0.0.1:3999';
  let provider: EidProvider;

  beforeAll(async () => {
    provider = await startEidProvider({
      ...readSettings({ PUBLIC_URL: portal }),
      port: 0,
    });
  });

  afterAll(async () => {
    await provider.stop();
  });

  it('publishes OpenID Connect metadata: code flow only, PKCE with S256 only, the vneid scope and its claims', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${provider.issuer}/auth`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'vneid']));
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'personal_id', 'name', 'birthdate', 'gender', 'address']),
    );
    const jwks = (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    // The public half only.
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('refuses a redirect URI it does not know, on its own page with no third-party resources', async () => {
    const request = new URL('/auth', provider.issuer);
    request.search = new URLSearchParams({
      client_id: 'dvc-portal',
      response_type: 'code',
      scope: 'openid vneid',
      redirect_uri: 'https://evil.example/callback',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const response = await fetch(request, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Có lỗi xảy ra');
    expect(html).toContain('redirect_uri did not match any of the client&#39;s registered redirect_uris');
    expect(html).not.toMatch(/googleapis|<script|<link/);
  });

  it('explains an expired or unknown sign-in instead of failing', async () => {
    const response = await fetch(`${provider.issuer}/interaction/no-such-interaction`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Phiên đăng nhập đã hết hạn');
    const wrongMethod = await fetch(`${provider.issuer}/interaction/abc`, { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
  });

  it('shows what it is and its demo identities at its address, and lets forms post back only to the portal', async () => {
    const response = await fetch(`${provider.issuer}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`form-action 'self' ${portal}`);
    const html = await response.text();
    expect(html).toContain(`${provider.issuer}/.well-known/openid-configuration`);
    expect(html).toContain('<td>Trần Minh Khoa</td>');
    expect(html).toContain('VNeID@2025');
  });

  it('runs as its own process and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
      env: { ...process.env, EID_PROVIDER_PORT: '0', EID_ISSUER_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 20_000;
      while (!/issuer (http:\S+)/.test(output) && child.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const issuer = /issuer (http:\S+)/.exec(output)?.[1] ?? '';
      expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { issuer: string };
      expect(metadata.issuer).toBe(issuer);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
