import type { Routes } from '@angular/router';
import { CataloguePage } from './catalogue/catalogue-page';
import { NotFoundPage } from './not-found/not-found-page';
import { ProcedureDetailPage } from './procedure-detail/procedure-detail-page';

export const citizenRoutes: Routes = [
  { path: '', pathMatch: 'full', component: CataloguePage },
  { path: 'procedures/:code', component: ProcedureDetailPage },
  { path: '**', component: NotFoundPage },
];
