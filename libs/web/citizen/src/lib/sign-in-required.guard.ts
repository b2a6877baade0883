import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from '@portal/web/data-access';

/** Sends a signed-out visitor to the sign-in page, and back here afterwards. */
export const signInRequired: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const user = session.user() === undefined ? await session.load() : session.user();
  return user ? true : inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};
