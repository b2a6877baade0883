import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
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

/**
 * Who may call a route, as its guards decide: signed in or anyone, and with
 * which roles (for the API document, which must say the same as the guards).
 */
export function routeAccess(controller: Type, handler: object): { signedIn: boolean; roles: Role[] } {
  const guards: unknown[] = [
    ...(Reflect.getMetadata(GUARDS_METADATA, controller) ?? []),
    ...(Reflect.getMetadata(GUARDS_METADATA, handler) ?? []),
  ];
  if (!guards.includes(SignedIn)) return { signedIn: false, roles: [] };
  const roles = new Reflector().getAllAndOverride<Role[] | undefined>(ROLES, [handler as () => void, controller]);
  return { signedIn: true, roles: roles ?? [] };
}

/** The signed-in user of the request (after the SignedIn guard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<Request>().user as SessionUser,
);
