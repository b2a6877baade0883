import { inject } from '@angular/core';
import { CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { SessionUser } from '@portal/contracts';
import { Session } from '@portal/web/data-access';

/** The back office is for a ward's clerks and leaders, and for auditors, who read every ward's dossiers. */
export function isOfficeReader(user: SessionUser | null | undefined): boolean {
  return !!user && user.roles.some((role) => role === 'clerk' || role === 'leader' || role === 'auditor');
}

/**
 * Sends a signed-out visitor to the sign-in page (and back here afterwards); shows anyone
 * else who is not a clerk, leader or auditor the "not allowed" page, keeping the address they asked for.
 */
export const wardStaffRequired: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.resolve();
  if (!user) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  if (isOfficeReader(user)) return true;
  return new RedirectCommand(router.createUrlTree(['/office/not-allowed']), { skipLocationChange: true });
};

/** Counter intake is a clerk's work: a leader (already past wardStaffRequired) sees the "not allowed" page. */
export const clerkRequired: CanActivateFn = () => {
  const router = inject(Router);
  if (inject(Session).user()?.roles.includes('clerk')) return true;
  return new RedirectCommand(router.createUrlTree(['/office/not-allowed']), { skipLocationChange: true });
};

/** The administration pages: administrators only; a visitor signs in first. */
export const adminRequired: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.resolve();
  if (!user) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  if (user.roles.includes('admin')) return true;
  return new RedirectCommand(router.createUrlTree(['/office/not-allowed']), { skipLocationChange: true });
};
