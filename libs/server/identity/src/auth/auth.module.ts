import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { EidAccounts } from '../eid/eid-accounts';
import { EidClient } from '../eid/eid-client';
import { EidController } from '../eid/eid.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { LoginThrottle } from './login-throttle';
import { SessionSerializer } from './session-serializer';
import { CsrfMiddleware, WebSession } from './web-session';

/**
 * Accounts and sign-in, with a password or with the national eID (OpenID
 * Connect, eid/). The API's bootstrap installs `WebSession.handlers` (cookies,
 * session, passport) before any route; CSRF is checked on every
 * state-changing request.
 */
@Module({
  imports: [PassportModule.register({ session: true })],
  controllers: [AuthController, EidController],
  providers: [AccountsService, LoginThrottle, SessionSerializer, WebSession, CsrfMiddleware, EidClient, EidAccounts],
  exports: [AccountsService, WebSession],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfMiddleware).forRoutes('{*splat}');
  }
}
