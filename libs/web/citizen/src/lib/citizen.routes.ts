import type { Routes } from '@angular/router';
import { CataloguePage } from './catalogue/catalogue-page';
import { StatusLookupPage } from './dossiers/status-lookup-page';
import { ProcedureDetailPage } from './procedure-detail/procedure-detail-page';
import { signInRequired } from './sign-in-required.guard';

/**
 * The citizen's pages. The public ones where people arrive — the landing page (the catalogue), the
 * procedure pages and the status lookup's heading — are part of the first download; every other page is
 * fetched when first opened, so those wait for no forms, zod schemas or uploads.
 */
export const citizenRoutes: Routes = [
  { path: '', pathMatch: 'full', component: CataloguePage },
  { path: 'procedures/:code', component: ProcedureDetailPage },
  { path: 'sign-in', loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage) },
  { path: 'register', loadComponent: () => import('./register/register-page').then((m) => m.RegisterPage) },
  {
    path: 'account',
    canActivate: [signInRequired],
    loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
  },
  {
    path: 'apply/:procedureCode',
    canActivate: [signInRequired],
    loadComponent: () => import('./application/apply-page').then((m) => m.ApplyPage),
  },
  {
    path: 'applications/:draftId/check',
    canActivate: [signInRequired],
    loadComponent: () => import('./application/check-answers-page').then((m) => m.CheckAnswersPage),
  },
  {
    path: 'applications/:draftId/:step',
    canActivate: [signInRequired],
    loadComponent: () => import('./application/form-step-page').then((m) => m.FormStepPage),
  },
  {
    path: 'dossiers',
    canActivate: [signInRequired],
    loadComponent: () => import('./dossiers/my-dossiers-page').then((m) => m.MyDossiersPage),
  },
  {
    path: 'dossiers/:code',
    canActivate: [signInRequired],
    loadComponent: () => import('./dossiers/dossier-page').then((m) => m.DossierPage),
  },
  { path: 'status', component: StatusLookupPage },
  { path: 'verify/:code', loadComponent: () => import('./verify/verify-page').then((m) => m.VerifyPage) },
  { path: '**', loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage) },
];
