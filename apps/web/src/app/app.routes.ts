import type { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: 'office', loadChildren: () => import('@portal/web/office').then((m) => m.officeRoutes) },
  { path: 'admin', loadChildren: () => import('@portal/web/office').then((m) => m.adminRoutes) },
  { path: '', loadChildren: () => import('@portal/web/citizen').then((m) => m.citizenRoutes) },
];
