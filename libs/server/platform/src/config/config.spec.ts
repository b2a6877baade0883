import { join } from 'node:path';
import { ConfigError, loadConfig, trustProxySetting } from './config';

describe('loadConfig', () => {
  it('falls back to the local PostgreSQL and Redis when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/portal');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
  });

  it('names a malformed DATABASE_URL and shows what it should look like', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/portal' })).toThrow(
      new ConfigError(
        'Configuration error: DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database (got "mysql://localhost/portal").',
      ),
    );
  });

  it('never echoes a password from a bad URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).toThrow(/got "http:\/\/user:\*\*\*@host"/);
  });

  it('sends mail to the local mail catcher unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(config.MAIL_FROM).toBe('Cổng Dịch vụ công <no-reply@dichvucong.local>');
    expect(loadConfig({ SMTP_URL: 'smtps://mailer:pw@mail.example.vn:465' }).SMTP_URL).toBe(
      'smtps://mailer:pw@mail.example.vn:465',
    );
  });

  it('names a malformed SMTP_URL without echoing its password', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:secret@mail.example.vn' })).toThrow(
      new ConfigError(
        'Configuration error: SMTP_URL must be an SMTP URL like smtp://127.0.0.1:1025 or smtps://user:password@mail.example.vn:465 (got "http://mailer:***@mail.example.vn").',
      ),
    );
  });

  it('rejects a MAIL_FROM that is not an address', () => {
    expect(() => loadConfig({ MAIL_FROM: 'Cổng Dịch vụ công' })).toThrow(
      /^Configuration error: MAIL_FROM must be a sender/,
    );
  });

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Configuration error: PORT must be a TCP port number/);
  });

  it('keeps uploads under .data/uploads of the working directory unless told otherwise', () => {
    expect(loadConfig({}).UPLOAD_DIR).toBe(join(process.cwd(), '.data', 'uploads'));
    expect(loadConfig({ UPLOAD_DIR: '/var/lib/portal/uploads' }).UPLOAD_DIR).toBe('/var/lib/portal/uploads');
  });

  it('requires UPLOAD_DIR to be an absolute path outside WEB_ROOT', () => {
    expect(() => loadConfig({ UPLOAD_DIR: 'uploads' })).toThrow(
      new ConfigError(
        'Configuration error: UPLOAD_DIR must be an absolute path like /var/lib/portal/uploads (got "uploads").',
      ),
    );
    expect(() => loadConfig({ WEB_ROOT: '/app/web', UPLOAD_DIR: '/app/web/uploads' })).toThrow(
      /^Configuration error: UPLOAD_DIR must be outside WEB_ROOT/,
    );
    expect(loadConfig({ WEB_ROOT: '/app/web', UPLOAD_DIR: '/app/web-uploads' }).UPLOAD_DIR).toBe('/app/web-uploads');
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /^Configuration error: SESSION_SECRET must be set in production/,
    );
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      EID_CLIENT_SECRET: 'e'.repeat(32),
      METRICS_TOKEN: 'm'.repeat(24),
      PAYMENT_HASH_SECRET: 'p'.repeat(32),
      DOCUMENT_KEY_SECRET: 'd'.repeat(32),
    };
    expect(loadConfig(production).SESSION_SECRET).toBe('x'.repeat(32));
    expect(() => loadConfig({ ...production, DOCUMENT_KEY_SECRET: undefined })).toThrow(
      /^Configuration error: DOCUMENT_KEY_SECRET must be set in production/,
    );
    expect(() => loadConfig({ ...production, PAYMENT_HASH_SECRET: undefined })).toThrow(
      /^Configuration error: PAYMENT_HASH_SECRET must be set in production/,
    );
    expect(() => loadConfig({ PAYMENT_TMN_CODE: 'DVC-1' })).toThrow(/^Configuration error: PAYMENT_TMN_CODE must be/);
  });

  it('requires a metrics token in production: /api/metrics is not public there', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), EID_CLIENT_SECRET: 'e'.repeat(32) }),
    ).toThrow(/^Configuration error: METRICS_TOKEN must be set in production/);
  });

  it('trusts no proxy unless told which: a client on loopback cannot pick its own address', () => {
    expect(trustProxySetting(loadConfig({}).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: '172.28.0.10, loopback' }).TRUST_PROXY)).toEqual([
      '172.28.0.10',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/^Configuration error: TRUST_PROXY must be none/);
  });

  it('signs citizens in with the eID stand-in on 127.0.0.1:4000 unless told otherwise', () => {
    const config = loadConfig({});
    expect(config.EID_ISSUER_URL).toBe('http://127.0.0.1:4000');
    expect(config.EID_CLIENT_ID).toBe('dvc-portal');
    expect(config.EID_CLIENT_SECRET).toBe('development-only-eid-client-secret');
    expect(loadConfig({ EID_ISSUER_URL: 'https://sso.dancuquocgia.gov.vn' }).EID_ISSUER_URL).toBe(
      'https://sso.dancuquocgia.gov.vn',
    );
  });

  it('requires the eID client secret in production, and never echoes a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toThrow(
      new ConfigError(
        'Configuration error: EID_CLIENT_SECRET must be set in production to the client secret the national eID issued to the portal (it is missing).',
      ),
    );
    expect(() => loadConfig({ EID_CLIENT_SECRET: 'short-secret' })).toThrow(
      new ConfigError('Configuration error: EID_CLIENT_SECRET must be at least 16 characters (got 12 characters).'),
    );
  });

  it('names an EID_ISSUER_URL that is not an http(s) URL', () => {
    expect(() => loadConfig({ EID_ISSUER_URL: 'ftp://eid.example.vn' })).toThrow(
      new ConfigError(
        'Configuration error: EID_ISSUER_URL must be an http(s) URL like http://127.0.0.1:4000 (got "ftp://eid.example.vn").',
      ),
    );
  });
});
