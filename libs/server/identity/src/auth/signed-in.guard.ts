import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role, SessionUser } from '@portal/contracts';
import { DomainError } from '@portal/server/platform';
import type { Request } from 'express';
import { SignInRequired } from './auth.errors';

export class RoleRequired extends DomainError {
  readonly code = 'ROLE_REQUIRED';
  readonly status = 403;
  constructor() {
    super({
      vi: 'Tài khoản của bạn không được dùng chức năng này.',
      en: 'Your account cannot use this function.',
    });
  }
}

const ROLES = 'portal:roles';

/** Limits a route to signed-in users with one of these roles. Use with `@UseGuards(SignedIn)`. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** 401 for a signed-out caller; 403 when the route names roles the user has none of. */
@Injectable()
export class SignedIn implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<Request>().user as SessionUser | undefined;
    if (!user) throw new SignInRequired();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.some((role) => user.roles.includes(role))) throw new RoleRequired();
    return true;
  }
}

/** The signed-in user of the request (after the SignedIn guard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<Request>().user as SessionUser,
);
