import { Inject, Injectable, NestMiddleware, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@portal/server/platform';
import { APP_CONFIG, languageOf } from '@portal/server/platform';
import connectPgSimple from 'connect-pg-simple';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import passport from 'passport';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { CsrfRejected } from './auth.errors';

export const SESSION_COOKIE = 'dvc.sid';
/** Readable by the page's script, which echoes it in the X-XSRF-TOKEN header (Angular does this by itself). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
/**
 * A random id for a visitor who is not signed in, which their CSRF token is bound to: no session row
 * is stored until there is something to keep (a signed-in user).
 */
export const VISITOR_COOKIE = 'dvc.visitor';
const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;
const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function visitorIdOf(req: Request): string | undefined {
  const id = (req.cookies as Record<string, string | undefined> | undefined)?.[VISITOR_COOKIE];
  return id && VISITOR_ID.test(id) ? id : undefined;
}

/**
 * Browser sessions: an httpOnly, SameSite=Lax cookie naming a session kept in
 * PostgreSQL (shared by every replica), passport on top, and a signed
 * double-submit CSRF token bound to the session.
 */
@Injectable()
export class WebSession implements OnApplicationShutdown {
  readonly handlers: RequestHandler[];
  private readonly pool: Pool;
  private readonly store: session.Store & { close?: () => void };
  private readonly csrf: ReturnType<typeof doubleCsrf>;
  private readonly secure: boolean;
  private readonly sealKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.PUBLIC_URL.startsWith('https:');
    this.sealKey = Buffer.from(hkdfSync('sha256', config.SESSION_SECRET, 'dvc-portal', 'sealed-cookie', 32));
    this.pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_SIZE,
      application_name: 'portal-sessions',
    });
    this.pool.on('error', () => undefined);
    const PgStore = connectPgSimple(session);
    this.store = new PgStore({
      pool: this.pool,
      tableName: 'user_session',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      // A session lasts 8 hours from its last change (sign-in, CSRF token), not from every request:
      // no database write per request just to move the expiry.
      disableTouch: true,
    });
    this.csrf = doubleCsrf({
      getSecret: () => config.SESSION_SECRET,
      // A signed-in user's token is bound to their session; a visitor's to their visitor id. A request
      // with neither gets an identifier no token was ever made for.
      getSessionIdentifier: (req) =>
        req.user && req.session
          ? `session:${req.session.id}`
          : `visitor:${visitorIdOf(req) ?? randomBytes(16).toString('hex')}`,
      cookieName: this.secure ? '__Host-dvc.csrf' : 'dvc.csrf',
      cookieOptions: { sameSite: 'lax', secure: this.secure, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => req.headers[XSRF_HEADER] as string | undefined,
    });
    this.handlers = [
      cookieParser(),
      session({
        name: SESSION_COOKIE,
        secret: config.SESSION_SECRET,
        store: this.store,
        resave: false,
        saveUninitialized: false,
        rolling: false,
        cookie: { httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: EIGHT_HOURS_MS, path: '/' },
      }),
      passport.initialize(),
      passport.session(),
    ];
  }

  /** Gives the browser a CSRF token for its current session (call again after the session changes). */
  issueCsrfToken(req: Request, res: Response): string {
    if (!req.user && !visitorIdOf(req)) {
      const id = randomBytes(16).toString('base64url');
      res.cookie(VISITOR_COOKIE, id, {
        sameSite: 'lax',
        secure: this.secure,
        httpOnly: true,
        path: '/',
        maxAge: EIGHT_HOURS_MS,
      });
      (req.cookies as Record<string, string>)[VISITOR_COOKIE] = id;
    }
    const token = this.csrf.generateCsrfToken(req, res, { overwrite: true });
    res.cookie(XSRF_COOKIE, token, { sameSite: 'lax', secure: this.secure, httpOnly: false, path: '/' });
    return token;
  }

  isValidRequest(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }

  /** Express middleware for pages outside Nest (the queue dashboard): state-changing requests need the token. */
  readonly csrfCheck: RequestHandler = (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || this.isValidRequest(req)) return next();
    const error = new CsrfRejected();
    res.status(error.status).json({
      code: error.code,
      message: error.text[languageOf(req)],
      requestId: (req as Request & { id?: string }).id,
    });
  };

  /**
   * Keeps a small value in an encrypted, authenticated cookie (AES-256-GCM under a key derived from
   * SESSION_SECRET) instead of a session row — for what a visitor needs for a few minutes.
   */
  seal(res: Response, name: string, value: unknown, maxAgeMs: number, path: string): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    cipher.setAAD(Buffer.from(name));
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ value, until: Date.now() + maxAgeMs })),
      cipher.final(),
    ]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    res.cookie(name, sealed, { sameSite: 'lax', secure: this.secure, httpOnly: true, path, maxAge: maxAgeMs });
  }

  /** The sealed cookie's value, if it is there, unaltered and not expired; the cookie is cleared either way. */
  unseal<T>(req: Request, res: Response, name: string, path: string): T | undefined {
    const sealed = (req.cookies as Record<string, string | undefined>)[name];
    res.clearCookie(name, { sameSite: 'lax', secure: this.secure, httpOnly: true, path });
    if (!sealed) return undefined;
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(name));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      const { value, until } = JSON.parse(text) as { value: T; until: number };
      return until > Date.now() ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.store.close?.();
    await this.pool.end().catch(() => undefined);
  }
}

/** Refuses every state-changing request that does not carry the session's CSRF token. */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(private readonly webSession: WebSession) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    if (SAFE_METHODS.has(req.method) || this.webSession.isValidRequest(req)) return next();
    throw new CsrfRejected();
  }
}
