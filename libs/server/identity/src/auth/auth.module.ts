import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { LoginThrottle } from './login-throttle';
import { SessionSerializer } from './session-serializer';
import { CsrfMiddleware, WebSession } from './web-session';

/**
 * Accounts and sign-in. The API's bootstrap installs `WebSession.handlers`
 * (cookies, session, passport) before any route; CSRF is checked on every
 * state-changing request.
 */
@Module({
  imports: [PassportModule.register({ session: true })],
  controllers: [AuthController],
  providers: [AccountsService, LoginThrottle, SessionSerializer, WebSession, CsrfMiddleware],
  exports: [AccountsService, WebSession],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfMiddleware).forRoutes('{*splat}');
  }
}
