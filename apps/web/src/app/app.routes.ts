import type { Routes } from '@angular/router';
import { citizenRoutes } from '@portal/web/citizen';

export const appRoutes: Routes = [
  { path: 'office', loadChildren: () => import('@portal/web/office').then((m) => m.officeRoutes) },
  { path: 'reports', loadChildren: () => import('@portal/web/reports').then((m) => m.reportsRoutes) },
  { path: 'admin', loadChildren: () => import('@portal/web/office').then((m) => m.adminRoutes) },
  // The citizen-service index in public, no sign-in (lazy: not in the landing page's download).
  {
    path: 'chi-so-phuc-vu',
    loadComponent: () => import('@portal/web/reports').then((m) => m.PublicServiceIndexPage),
  },
  // The citizen's routes are in the first download (the landing page among them; its other pages are lazy).
  { path: '', children: citizenRoutes },
];
