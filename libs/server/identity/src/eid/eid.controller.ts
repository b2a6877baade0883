import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { eidCallbackQuerySchema, eidStartQuerySchema } from '@portal/contracts';
import { ApiZodQuery } from '@portal/server/platform';
import type { Request, Response } from 'express';
import { logIn } from '../auth/passport-session';
import { WebSession } from '../auth/web-session';
import { EidAccounts, EidIdentityConflict } from './eid-accounts';
import { EidClaimsRejected } from './eid-claims';
import { EidClient, type PendingEidSignIn } from './eid-client';
import { safeReturnPath } from './return-path';

/**
 * An eID sign-in on its way, kept in a sealed cookie for ten minutes (no session row for a visitor who
 * may never come back): checked, and forgotten, when the browser comes back.
 */
const PENDING_COOKIE = 'dvc.eid';
const PENDING_PATH = '/api/auth/eid';
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;

type RequestWithId = Request & { id?: string };

/**
 * Where the browser lands when an eID sign-in fails for any reason (the page
 * explains it in both languages), still knowing where the citizen was going.
 */
export function eidFailedPath(returnUrl?: string): string {
  return `/sign-in?eid=failed${returnUrl ? `&returnUrl=${encodeURIComponent(returnUrl)}` : ''}`;
}

/** A code for the log and the audit trail: what went wrong, never who it was. */
function failureReason(error: unknown): string {
  if (error instanceof EidClaimsRejected) return 'claims-rejected';
  if (error instanceof EidIdentityConflict) return 'personal-id-taken';
  const { error: oauthError, code, cause } = error as { error?: unknown; code?: unknown; cause?: { code?: unknown } };
  if (typeof oauthError === 'string') return oauthError.slice(0, 64);
  if (typeof code === 'string') return code.slice(0, 64);
  if (typeof cause?.code === 'string') return cause.code.slice(0, 64);
  return 'unexpected';
}

/**
 * Sign-in with the national eID (VNeID) over OpenID Connect. Both routes are
 * GETs, full-page navigations of the browser; the CSRF check lets safe methods
 * through, and the `state` kept in the sealed cookie protects the callback.
 */
@ApiTags('accounts')
@Controller('auth/eid')
export class EidController {
  private readonly logger = new Logger('EidSignIn');

  constructor(
    private readonly eid: EidClient,
    private readonly accounts: EidAccounts,
    private readonly webSession: WebSession,
  ) {}

  @Get('start')
  @ApiOperation({ summary: 'Send the browser to the national eID to sign in (authorisation code flow with PKCE).' })
  @ApiZodQuery(eidStartQuerySchema)
  @ApiFoundResponse({
    description: "To the national eID's sign-in page, or to `/sign-in?eid=failed` when it cannot be reached.",
    headers: { Location: { schema: { type: 'string' } } },
  })
  async start(@Query('returnUrl') returnUrl: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    res.set('Cache-Control', 'no-store');
    const returnPath = safeReturnPath(returnUrl);
    try {
      const { url, pending } = await this.eid.begin(returnPath);
      this.webSession.seal(res, PENDING_COOKIE, pending, PENDING_MAX_AGE_MS, PENDING_PATH);
      res.redirect(302, url.href);
    } catch (error) {
      this.logger.warn(`eID sign-in could not start: ${failureReason(error)} (${String(error)})`);
      res.redirect(302, eidFailedPath(returnPath));
    }
  }

  @Get('callback')
  @ApiOperation({ summary: 'Where the national eID sends the browser back: sign in, or create the account first.' })
  @ApiZodQuery(eidCallbackQuerySchema)
  @ApiFoundResponse({
    description: 'Signed in: to the return path (or `/account`). Any failure: to `/sign-in?eid=failed`.',
    headers: { Location: { schema: { type: 'string' } } },
  })
  async callback(@Req() req: RequestWithId, @Res() res: Response): Promise<void> {
    res.set('Cache-Control', 'no-store');
    // One answer per sign-in: the cookie is cleared, so a second callback finds nothing to compare against.
    const pending = this.webSession.unseal<PendingEidSignIn>(req, res, PENDING_COOKIE, PENDING_PATH);
    try {
      if (!pending) throw Object.assign(new Error('no eID sign-in in progress'), { code: 'no-sign-in-in-progress' });
      const queryStart = req.originalUrl.indexOf('?');
      const identity = await this.eid.finish(queryStart < 0 ? '' : req.originalUrl.slice(queryStart), pending);
      const { user } = await this.accounts.signIn(identity, req.id);
      await logIn(req, user);
      this.webSession.issueCsrfToken(req, res);
      res.redirect(302, pending.returnUrl ?? '/account');
    } catch (error) {
      const reason = failureReason(error);
      this.logger.warn(`eID sign-in failed: ${reason} (${error instanceof Error ? error.message : String(error)})`);
      await this.accounts.failed(reason, req.id).catch(() => undefined);
      res.redirect(302, eidFailedPath(pending?.returnUrl));
    }
  }
}
