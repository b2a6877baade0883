import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from '@portal/web/data-access';

/** Sends a signed-out visitor to the sign-in page, and back here afterwards. */
export const signInRequired: CanActivateFn = async (_route, state) => {
  // Everything injected before the first await: after it, there is no injection context.
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.resolve();
  return user ? true : router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};
