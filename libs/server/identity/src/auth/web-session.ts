import { Inject, Injectable, NestMiddleware, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@portal/server/platform';
import { APP_CONFIG } from '@portal/server/platform';
import connectPgSimple from 'connect-pg-simple';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import passport from 'passport';
import { Pool } from 'pg';
import { CsrfRejected } from './auth.errors';

export const SESSION_COOKIE = 'dvc.sid';
/** Readable by the page's script, which echoes it in the X-XSRF-TOKEN header (Angular does this by itself). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

declare module 'express-session' {
  interface SessionData {
    /** Set when a CSRF token is issued, so that an anonymous session keeps its id. */
    csrfIssued?: boolean;
  }
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

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.PUBLIC_URL.startsWith('https:');
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
      getSessionIdentifier: (req) => req.session?.id ?? '',
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
        cookie: { httpOnly: true, sameSite: 'lax', secure: this.secure, maxAge: 8 * 60 * 60 * 1000, path: '/' },
      }),
      passport.initialize(),
      passport.session(),
    ];
  }

  /** Gives the browser a CSRF token for its current session (call again after the session changes). */
  issueCsrfToken(req: Request, res: Response): string {
    req.session.csrfIssued = true;
    const token = this.csrf.generateCsrfToken(req, res, { overwrite: true });
    res.cookie(XSRF_COOKIE, token, { sameSite: 'lax', secure: this.secure, httpOnly: false, path: '/' });
    return token;
  }

  isValidRequest(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }

  async onApplicationShutdown(): Promise<void> {
    this.store.close?.();
    await this.pool.end().catch(() => undefined);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses every state-changing request that does not carry the session's CSRF token. */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(private readonly webSession: WebSession) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    if (SAFE_METHODS.has(req.method) || this.webSession.isValidRequest(req)) return next();
    throw new CsrfRejected();
  }
}
