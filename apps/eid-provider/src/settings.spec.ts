import { readSettings } from './settings';

describe('eID provider settings', () => {
  it('listens on 127.0.0.1:4000 for the portal at http://localhost:3000 unless told otherwise', () => {
    expect(readSettings({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      issuer: undefined,
      clientId: 'dvc-portal',
      clientSecret: 'development-only-eid-client-secret',
      redirectUris: ['http://localhost:3000/api/auth/eid/callback'],
    });
  });

  it('follows the portal address, the port, the issuer, the secret and a list of redirect URIs', () => {
    expect(
      readSettings({
        EID_PROVIDER_PORT: '0',
        EID_ISSUER_URL: 'http://127.0.0.1:4500/',
        EID_CLIENT_SECRET: 's3cret-from-the-launcher',
        PUBLIC_URL: 'http://127.0.0.1:4410/',
      }),
    ).toMatchObject({
      port: 0,
      issuer: 'http://127.0.0.1:4500',
      clientSecret: 's3cret-from-the-launcher',
      redirectUris: ['http://127.0.0.1:4410/api/auth/eid/callback'],
    });
    expect(
      readSettings({ EID_REDIRECT_URIS: 'http://localhost:3000/api/auth/eid/callback, http://127.0.0.1:3000/cb' })
        .redirectUris,
    ).toEqual(['http://localhost:3000/api/auth/eid/callback', 'http://127.0.0.1:3000/cb']);
  });

  it.each([
    [
      { EID_PROVIDER_PORT: 'eid' },
      'Configuration error: EID_PROVIDER_PORT must be a TCP port number like 4000 (got "eid").',
    ],
    [
      { EID_ISSUER_URL: 'eid.local' },
      'Configuration error: EID_ISSUER_URL must be a URL like http://127.0.0.1:4000 (got "eid.local").',
    ],
    [
      { EID_ISSUER_URL: 'http://127.0.0.1:4000/eid' },
      'Configuration error: EID_ISSUER_URL must be an address without a path, like http://127.0.0.1:4000 (got "http://127.0.0.1:4000/eid").',
    ],
    [
      { EID_REDIRECT_URIS: 'ftp://portal/cb' },
      'Configuration error: EID_REDIRECT_URIS must be an http(s) URL like http://localhost:3000/api/auth/eid/callback (got "ftp://portal/cb").',
    ],
  ])('names a bad setting: %o', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});
