import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type InteractionDetails, type KoaContext } from 'oidc-provider';
import {
  authenticate,
  claimsOf,
  DEMO_IDENTITY_PASSWORD,
  demoIdentities,
  findBySubject,
  scopeClaims,
  type DemoIdentity,
} from './identities';
import { renderConsent, renderError, renderHome, renderLogin } from './pages';
import type { EidProviderSettings } from './settings';

/** How the registered portal client is named on the sign-in and consent pages. */
export const PORTAL_CLIENT_NAME = 'Cổng Dịch vụ công';

export interface EidProvider {
  /** e.g. http://127.0.0.1:4000 (no trailing slash) */
  issuer: string;
  port: number;
  stop(): Promise<void>;
}

export interface EidProviderOptions {
  /** A line for the log; never a name, ID number or password. */
  log?: (message: string) => void;
}

/** A fresh RSA signing key for ID tokens, made at every start: no private key is ever kept on disk or committed. */
function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function pageHeaders(formTargets: string[]): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    // No script at all; forms post here and are then redirected back to the portal.
    'Content-Security-Policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      `form-action 'self' ${formTargets.join(' ')}`,
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function sendPage(res: ServerResponse, status: number, headers: Record<string, string>, html: string): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(html)) });
  res.end(res.req.method === 'HEAD' ? undefined : html);
}

const MAX_FORM_BYTES = 8 * 1024;

/** The fields of an application/x-www-form-urlencoded body (empty for any other body). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES)
      throw Object.assign(new Error('form too large'), { status: 413, error: 'invalid_request' });
    chunks.push(chunk);
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return new URLSearchParams(
    type === 'application/x-www-form-urlencoded' ? Buffer.concat(chunks).toString('utf8') : '',
  );
}

/** The claims the portal asks for, from the scopes in its request, in a fixed order. */
function requestedClaims(details: InteractionDetails): string[] {
  const scopes = String(details.params.scope ?? '').split(' ');
  const claims = new Set<string>();
  for (const scope of scopes) {
    for (const claim of scopeClaims[scope as keyof typeof scopeClaims] ?? []) claims.add(claim);
  }
  claims.delete('sub');
  return ['personal_id', 'name', 'birthdate', 'gender', 'address'].filter((claim) => claims.has(claim));
}

function providerConfiguration(settings: EidProviderSettings, formTargets: string[]): Configuration {
  return {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        client_name: PORTAL_CLIENT_NAME,
        redirect_uris: settings.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signingKey()] },
    // Signs the provider's own cookies; a restart forgets every sign-in in progress, as the memory store does anyway.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: scopeClaims,
    scopes: ['openid'],
    responseTypes: ['code'],
    // The authorisation code flow only, and always with a PKCE S256 challenge (the only method oidc-provider 9 has).
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
    },
    ttl: {
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
      IdToken: 10 * 60,
      AccessToken: 10 * 60,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const identity = findBySubject(sub);
      return identity && { accountId: identity.subject, claims: () => claimsOf(identity) };
    },
    // The portal's server talks to the token endpoint directly; no browser script calls the provider.
    clientBasedCORS: () => false,
    renderError: (ctx: KoaContext, out) => {
      for (const [name, value] of Object.entries(pageHeaders(formTargets))) ctx.set(name, value);
      ctx.type = 'html';
      ctx.body = renderError({ error: out.error, description: out.error_description }, ctx.status);
    },
  };
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Starts the stand-in national eID: an OpenID Connect provider (oidc-provider)
 * with one registered client, the portal, and the demo identities; its sign-in
 * and consent pages are served here, everything else by oidc-provider.
 */
export async function startEidProvider(
  settings: EidProviderSettings,
  options: EidProviderOptions = {},
): Promise<EidProvider> {
  const log = options.log ?? (() => undefined);
  const server = createServer();
  const port = await listen(server, settings.port, settings.host);
  const loopback = settings.host === '0.0.0.0' || settings.host === '::' ? '127.0.0.1' : settings.host;
  const issuer = settings.issuer ?? `http://${loopback}:${port}`;
  const formTargets = [...new Set(settings.redirectUris.map((uri) => new URL(uri).origin))];
  const headers = pageHeaders(formTargets);

  const provider = new Provider(issuer, providerConfiguration(settings, formTargets));
  provider.on('server_error', (_ctx: unknown, error: unknown) => log(`server error: ${String(error)}`));
  for (const event of ['authorization.error', 'grant.error', 'userinfo.error']) {
    provider.on(event, (_ctx: unknown, error: unknown) => {
      const { error: code, error_description: description } = error as { error?: string; error_description?: string };
      log(`${event}: ${code ?? 'error'}${description ? ` (${description})` : ''}`);
    });
  }
  const oidc = provider.callback();

  const showPrompt = (res: ServerResponse, details: InteractionDetails, identity?: DemoIdentity): void => {
    if (details.prompt.name === 'login' || !identity) {
      return sendPage(
        res,
        200,
        headers,
        renderLogin({
          uid: details.uid,
          clientName: PORTAL_CLIENT_NAME,
          identities: demoIdentities,
          password: DEMO_IDENTITY_PASSWORD,
        }),
      );
    }
    return sendPage(
      res,
      200,
      headers,
      renderConsent({ uid: details.uid, clientName: PORTAL_CLIENT_NAME, identity, claims: requestedClaims(details) }),
    );
  };

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action?: string) => {
    const method = req.method ?? 'GET';
    const allowed = action ? ['POST'] : ['GET', 'HEAD'];
    if (!allowed.includes(method)) {
      res.writeHead(405, { Allow: allowed.join(', '), 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Method not allowed\n');
    }
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      throw Object.assign(new Error('interaction mismatch'), { status: 400, error: 'invalid_request' });
    }
    const signedIn = details.session ? findBySubject(details.session.accountId) : undefined;
    if (!action) return showPrompt(res, details, signedIn);

    const form = await readForm(req);
    if (action === 'abort') {
      log(`interaction ${uid}: cancelled`);
      return provider.interactionFinished(
        req,
        res,
        {
          error: 'access_denied',
          error_description: 'The person cancelled the sign-in or did not share their details.',
        },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'login' && details.prompt.name === 'login') {
      const personalId = form.get('personal_id') ?? '';
      const identity = authenticate(personalId, form.get('password') ?? '');
      if (!identity) {
        log(`interaction ${uid}: wrong personal ID number or password`);
        return sendPage(
          res,
          200,
          headers,
          renderLogin({
            uid,
            clientName: PORTAL_CLIENT_NAME,
            identities: demoIdentities,
            password: DEMO_IDENTITY_PASSWORD,
            personalId: personalId.slice(0, 14),
            failed: true,
          }),
        );
      }
      log(`interaction ${uid}: signed in`);
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: identity.subject } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'confirm' && details.prompt.name === 'consent' && details.session) {
      const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
      const grant =
        existing ??
        new provider.Grant({ accountId: details.session.accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope?.length) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims?.length) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(resource, scopes.join(' '));
      }
      const grantId = await grant.save();
      log(`interaction ${uid}: consent given`);
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    // A form from an earlier step (e.g. the back button): show what the interaction needs now.
    return showPrompt(res, details, signedIn);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/.exec(path);
    const handled = match
      ? interaction(req, res, match[1], match[2])
      : path === '/' && (req.method === 'GET' || req.method === 'HEAD')
        ? Promise.resolve(sendPage(res, 200, headers, renderHome(issuer, demoIdentities, DEMO_IDENTITY_PASSWORD)))
        : Promise.resolve(oidc(req, res));
    handled.catch((error: unknown) => {
      const {
        status,
        error: code,
        error_description: description,
      } = error as {
        status?: number;
        error?: string;
        error_description?: string;
      };
      if (!status || status >= 500) log(`interaction failed: ${String(error)}`);
      if (res.headersSent) return res.end();
      const statusCode = status && status >= 400 && status < 600 ? status : 500;
      sendPage(
        res,
        statusCode,
        headers,
        renderError(
          { error: code ?? 'server_error', description: statusCode < 500 ? description : undefined },
          statusCode,
        ),
      );
    });
  });

  return {
    issuer,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
