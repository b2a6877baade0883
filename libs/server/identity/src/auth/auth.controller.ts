import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { loginRequestSchema, registerRequestSchema, type SessionResponse, type SessionUser } from '@portal/contracts';
import { ApiErrors, ApiNoBody, ApiZodBody, languageOf, ZodBody } from '@portal/server/platform';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AccountsService } from './accounts.service';
import { logIn, logOut } from './passport-session';
import { WebSession } from './web-session';

type RequestWithId = Request & { id?: string };

@ApiTags('accounts')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly webSession: WebSession,
  ) {}

  @Get('session')
  @ApiOperation({ summary: 'Who is signed in (or null), and a fresh CSRF token in the XSRF-TOKEN cookie.' })
  @ApiOkResponse({ description: '`{ user }`, null when nobody is signed in; sets the XSRF-TOKEN cookie.' })
  current(@Req() req: Request, @Res({ passthrough: true }) res: Response): SessionResponse {
    this.webSession.issueCsrfToken(req, res);
    return { user: (req.user as SessionUser | undefined) ?? null };
  }

  @Post('register')
  @ApiOperation({ summary: 'Create a citizen account with an e-mail address or phone number, and sign in.' })
  @ApiZodBody(registerRequestSchema)
  @ApiCreatedResponse({ description: 'The new account, signed in; a new session cookie and CSRF token.' })
  @ApiErrors({
    409: '`ACCOUNT_EXISTS`: an account already has this e-mail address or phone number.',
    429: '`TOO_MANY_ATTEMPTS`: too many registrations from this address; `Retry-After` says when to retry.',
  })
  async register(
    @Body(new ZodBody(registerRequestSchema)) body: z.output<typeof registerRequestSchema>,
    @Req() req: RequestWithId,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const user = await this.accounts.register(body, req.ip ?? 'unknown', req.id, languageOf(req));
    await logIn(req, user);
    this.webSession.issueCsrfToken(req, res);
    res.status(201);
    return { user };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with an e-mail address or phone number and a password. Failures are throttled.' })
  @ApiZodBody(loginRequestSchema)
  @ApiOkResponse({ description: 'The signed-in person; a new session cookie and CSRF token.' })
  @ApiErrors({
    401: '`INVALID_CREDENTIALS`: no account has this login and password (the same answer for either being wrong).',
    429: '`TOO_MANY_ATTEMPTS`: 5 failures for the account or 30 for the address in 15 minutes; `Retry-After` says when to retry.',
  })
  async login(
    @Body(new ZodBody(loginRequestSchema)) body: z.output<typeof loginRequestSchema>,
    @Req() req: RequestWithId,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const user = await this.accounts.authenticate(body.login, body.password, req.ip ?? 'unknown', req.id);
    await logIn(req, user);
    this.webSession.issueCsrfToken(req, res);
    return { user };
  }

  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out and end the session.' })
  @ApiNoBody('It ends the session of the cookie; there is nothing more to say.')
  @ApiOkResponse({ description: '`{ user: null }`, with a fresh CSRF token.' })
  async logout(@Req() req: RequestWithId, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const user = req.user as SessionUser | undefined;
    if (user) {
      await logOut(req);
      await this.accounts.signedOut(user.id, req.id);
    }
    this.webSession.issueCsrfToken(req, res);
    return { user: null };
  }
}
