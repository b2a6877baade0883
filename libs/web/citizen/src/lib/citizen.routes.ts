import type { Routes } from '@angular/router';
import { AccountPage } from './account/account-page';
import { CataloguePage } from './catalogue/catalogue-page';
import { NotFoundPage } from './not-found/not-found-page';
import { ProcedureDetailPage } from './procedure-detail/procedure-detail-page';
import { RegisterPage } from './register/register-page';
import { SignInPage } from './sign-in/sign-in-page';
import { signInRequired } from './sign-in-required.guard';

export const citizenRoutes: Routes = [
  { path: '', pathMatch: 'full', component: CataloguePage },
  { path: 'procedures/:code', component: ProcedureDetailPage },
  { path: 'sign-in', component: SignInPage },
  { path: 'register', component: RegisterPage },
  { path: 'account', component: AccountPage, canActivate: [signInRequired] },
  { path: '**', component: NotFoundPage },
];
