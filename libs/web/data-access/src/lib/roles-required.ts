import { inject } from '@angular/core';
import { RedirectCommand, Router, type CanActivateFn } from '@angular/router';
import type { Role } from '@portal/contracts';
import { Session } from './session';

/**
 * A page for some roles only: a signed-out visitor is sent to sign in (and back here afterwards);
 * anyone else without one of the roles sees the "not allowed" page, the address they asked for kept.
 * What they may then read or do is the API's to decide; this only spares them a page of errors.
 */
export function rolesRequired(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const router = inject(Router);
    const user = await inject(Session).resolve();
    if (!user) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
    if (user.roles.some((role) => roles.includes(role))) return true;
    return new RedirectCommand(router.createUrlTree(['/office/not-allowed']), { skipLocationChange: true });
  };
}
