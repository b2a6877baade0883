import { inject } from '@angular/core';
import { RedirectCommand, Router, type CanActivateFn, type Routes } from '@angular/router';
import { Session } from '@portal/web/data-access';
import { AuditTrailPage } from './audit-trail-page';
import { ProcessingReportPage } from './processing-report-page';
import { ReportDossiersPage } from './report-dossiers-page';
import { ReportPrintPage } from './report-print-page';
import { ServiceIndexPage } from './service-index-page';

/** Reports are for auditors (every ward) and a ward's leader (their own); a visitor signs in first. */
export const reportReaderRequired: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.resolve();
  if (!user) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  if (user.roles.some((role) => role === 'leader' || role === 'auditor')) return true;
  return new RedirectCommand(router.createUrlTree(['/office/not-allowed']), { skipLocationChange: true });
};

/** The audit trail is the auditors' alone. */
export const auditorRequired: CanActivateFn = () => {
  const router = inject(Router);
  if (inject(Session).user()?.roles.includes('auditor')) return true;
  return new RedirectCommand(router.createUrlTree(['/office/not-allowed']), { skipLocationChange: true });
};

/** Under `/reports`. */
export const reportsRoutes: Routes = [
  {
    path: '',
    canActivate: [reportReaderRequired],
    children: [
      { path: '', pathMatch: 'full', component: ProcessingReportPage },
      { path: 'dossiers', component: ReportDossiersPage },
      { path: 'print', component: ReportPrintPage },
      { path: 'index', component: ServiceIndexPage },
      { path: 'audit', canActivate: [auditorRequired], component: AuditTrailPage },
    ],
  },
];
