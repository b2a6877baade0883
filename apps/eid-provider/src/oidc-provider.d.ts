/**
 * oidc-provider publishes no type declarations (and no @types package matches
 * version 9); these describe the part of its API that the stand-in uses, after
 * https://github.com/panva/node-oidc-provider/blob/v9.x/docs/README.md
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContext {
    status: number;
    type: string;
    body: unknown;
    set(field: string, value: string): void;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
  }

  type Ttl = number | ((ctx: KoaContext, token: unknown, client: unknown) => number);

  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: Array<Record<string, unknown>> };
    cookies?: { keys?: string[]; long?: Record<string, unknown>; short?: Record<string, unknown> };
    claims?: Record<string, readonly string[]>;
    scopes?: string[];
    responseTypes?: string[];
    pkce?: { required?: (ctx: KoaContext, client: unknown) => boolean };
    features?: Record<string, { enabled: boolean } & Record<string, unknown>>;
    ttl?: Record<string, Ttl>;
    interactions?: { url?: (ctx: KoaContext, interaction: { uid: string }) => string | Promise<string> };
    findAccount?: (ctx: KoaContext, sub: string) => Promise<Account | undefined> | Account | undefined;
    renderError?: (
      ctx: KoaContext,
      out: { error: string; error_description?: string },
      error: Error,
    ) => void | Promise<void>;
    clientBasedCORS?: (ctx: KoaContext, origin: string, client: unknown) => boolean;
  }

  export interface PromptDetail {
    name: string;
    reasons: string[];
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
  }

  export interface InteractionDetails {
    uid: string;
    prompt: PromptDetail;
    params: { client_id?: string; scope?: string } & Record<string, unknown>;
    session?: { accountId: string };
    grantId?: string;
  }

  export type InteractionResults =
    { login: { accountId: string } } | { consent: { grantId: string } } | { error: string; error_description?: string };

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    static find(id: string): Promise<Grant | undefined>;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: {
    SessionNotFound: new (...args: unknown[]) => Error;
  };

  export default Provider;
}
