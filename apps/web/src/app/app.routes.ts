import type { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: '', loadChildren: () => import('@portal/web/citizen').then((m) => m.citizenRoutes) },
];
