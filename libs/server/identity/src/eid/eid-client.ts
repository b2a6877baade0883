import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@portal/server/platform';
// openid-client is published only as an ES module: the API's CommonJS build loads it with require(), which
// Node.js >= 20.19 supports for ES modules without top-level await (tsconfig.server.json checks this as node20).
import * as oidc from 'openid-client';
import { EID_SCOPES, identityFromClaims, type EidIdentity } from './eid-claims';

export const EID_CALLBACK_PATH = '/api/auth/eid/callback';

/** What the portal remembers, in the browser's session, between sending someone to the eID and their return. */
export interface PendingEidSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A path on this site to return to afterwards. */
  returnUrl?: string;
}

/** Seconds to wait for any answer from the eID provider. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The portal as an OpenID Connect client of the national eID: authorisation
 * code flow with PKCE (S256), state and nonce, a confidential client
 * (client_secret_basic). Every check of the answer (state, issuer, code
 * exchange, ID token signature and claims, nonce, UserInfo subject) is
 * openid-client's.
 */
@Injectable()
export class EidClient {
  readonly redirectUri: string;
  private configuration?: Promise<oidc.Configuration>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redirectUri = `${config.PUBLIC_URL.replace(/\/+$/, '')}${EID_CALLBACK_PATH}`;
  }

  /**
   * The provider's metadata, fetched on first use rather than at start-up, so
   * that the API runs while the eID is down; a failed fetch is forgotten, so the
   * next sign-in tries again.
   */
  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.EID_ISSUER_URL),
        this.config.EID_CLIENT_ID,
        { id_token_signed_response_alg: 'RS256' },
        oidc.ClientSecretBasic(this.config.EID_CLIENT_SECRET),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Plain http only when the configured issuer is itself http (the development stand-in).
          execute: this.config.EID_ISSUER_URL.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Where to send the browser to sign in, and the secrets to keep for its return. */
  async begin(returnUrl?: string): Promise<{ url: URL; pending: PendingEidSignIn }> {
    const configuration = await this.discover();
    const pending: PendingEidSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnUrl,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: EID_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      // The portal is also used on shared computers (one-stop-shop kiosks): the eID asks who you are every time.
      prompt: 'login',
    });
    return { url, pending };
  }

  /**
   * Checks the eID's answer (the callback's query string) against what was sent,
   * exchanges the code, and reads the person's identity from the UserInfo
   * endpoint (whose subject openid-client compares with the ID token's).
   */
  async finish(callbackQuery: string, pending: PendingEidSignIn): Promise<EidIdentity> {
    const configuration = await this.discover();
    const currentUrl = new URL(this.redirectUri);
    currentUrl.search = callbackQuery;
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('the eID answered without an ID token');
    const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return identityFromClaims({ ...userInfo, sub: idToken.sub });
  }
}
