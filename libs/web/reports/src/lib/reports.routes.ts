import type { Routes } from '@angular/router';
import { rolesRequired } from '@portal/web/data-access';
import { AuditTrailPage } from './audit-trail-page';
import { ExportsPage } from './exports-page';
import { ProcessingReportPage } from './processing-report-page';
import { ReportDossiersPage } from './report-dossiers-page';
import { ReportPrintPage } from './report-print-page';
import { ServiceIndexPage } from './service-index-page';

/** Reports are for auditors (every ward) and a ward's leader (their own). */
export const reportReaderRequired = rolesRequired('leader', 'auditor');

/** The audit trail is the auditors' alone. */
export const auditorRequired = rolesRequired('auditor');

/** Under `/reports`. */
export const reportsRoutes: Routes = [
  {
    path: '',
    canActivate: [reportReaderRequired],
    children: [
      { path: '', pathMatch: 'full', component: ProcessingReportPage },
      { path: 'dossiers', component: ReportDossiersPage },
      { path: 'print', component: ReportPrintPage },
      { path: 'exports', component: ExportsPage },
      { path: 'index', component: ServiceIndexPage },
      { path: 'audit', canActivate: [auditorRequired], component: AuditTrailPage },
    ],
  },
];
