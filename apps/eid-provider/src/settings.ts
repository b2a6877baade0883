/** Where the stand-in listens by default: loopback only, as it signs anyone in who knows a demo password. */
export const EID_PROVIDER_HOST = '127.0.0.1';
export const EID_PROVIDER_PORT = 4000;
/** The portal's client, as registered with the national eID. */
export const PORTAL_CLIENT_ID = 'dvc-portal';
/** The same development value the API falls back to (libs/server/platform config); `npm start` sets a random one. */
export const DEVELOPMENT_CLIENT_SECRET = 'development-only-eid-client-secret';
export const CALLBACK_PATH = '/api/auth/eid/callback';

export interface EidProviderSettings {
  /** EID_PROVIDER_HOST: 0.0.0.0 only inside a container network. */
  host: string;
  /** EID_PROVIDER_PORT; 0 picks a free port. */
  port: number;
  /** EID_ISSUER_URL; unset means http://127.0.0.1:<port> (known only once listening when the port is 0). */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  /** Where the portal may ask to be sent back to after sign-in. */
  redirectUris: string[];
}

type Env = Record<string, string | undefined>;

function configurationError(key: string, expected: string, value: string): Error {
  return new Error(`Configuration error: ${key} must be ${expected} (got "${value}").`);
}

function port(env: Env): number {
  const value = env['EID_PROVIDER_PORT'];
  if (value === undefined || value === '') return EID_PROVIDER_PORT;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw configurationError('EID_PROVIDER_PORT', `a TCP port number like ${EID_PROVIDER_PORT}`, value);
  }
  return Number(value);
}

function httpUrl(key: string, value: string, example: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw configurationError(key, `a URL like ${example}`, value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw configurationError(key, `an http(s) URL like ${example}`, value);
  }
  return value;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * EID_PROVIDER_HOST, EID_PROVIDER_PORT, EID_ISSUER_URL, EID_CLIENT_ID, EID_CLIENT_SECRET and
 * EID_REDIRECT_URIS (comma-separated; default: PUBLIC_URL + /api/auth/eid/callback).
 */
export function readSettings(env: Env): EidProviderSettings {
  const publicUrl = withoutTrailingSlash(
    httpUrl('PUBLIC_URL', env['PUBLIC_URL'] || 'http://localhost:3000', 'http://localhost:3000'),
  );
  const redirectUris = (env['EID_REDIRECT_URIS'] || `${publicUrl}${CALLBACK_PATH}`)
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean)
    .map((uri) => {
      const checked = httpUrl('EID_REDIRECT_URIS', uri, `http://localhost:3000${CALLBACK_PATH}`);
      if (uri.includes('#')) throw configurationError('EID_REDIRECT_URIS', 'URLs without a #fragment', uri);
      return checked;
    });
  const issuer = env['EID_ISSUER_URL']
    ? withoutTrailingSlash(httpUrl('EID_ISSUER_URL', env['EID_ISSUER_URL'], 'http://127.0.0.1:4000'))
    : undefined;
  // The stand-in serves its pages and endpoints at the root of its address.
  if (issuer && (new URL(issuer).pathname !== '/' || new URL(issuer).search)) {
    throw configurationError('EID_ISSUER_URL', 'an address without a path, like http://127.0.0.1:4000', issuer);
  }
  return {
    host: env['EID_PROVIDER_HOST'] || EID_PROVIDER_HOST,
    port: port(env),
    issuer,
    clientId: env['EID_CLIENT_ID'] || PORTAL_CLIENT_ID,
    clientSecret: env['EID_CLIENT_SECRET'] || DEVELOPMENT_CLIENT_SECRET,
    redirectUris,
  };
}
