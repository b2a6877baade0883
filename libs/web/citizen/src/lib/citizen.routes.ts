import type { Routes } from '@angular/router';
import { AttachmentsApi } from '@portal/web/data-access';
import { ATTACHMENT_UPLOADER } from '@portal/web/ui';
import { AccountPage } from './account/account-page';
import { ApplyPage } from './application/apply-page';
import { CheckAnswersPage } from './application/check-answers-page';
import { FormStepPage } from './application/form-step-page';
import { CataloguePage } from './catalogue/catalogue-page';
import { DossierPage } from './dossiers/dossier-page';
import { MyDossiersPage } from './dossiers/my-dossiers-page';
import { StatusLookupPage } from './dossiers/status-lookup-page';
import { NotFoundPage } from './not-found/not-found-page';
import { ProcedureDetailPage } from './procedure-detail/procedure-detail-page';
import { RegisterPage } from './register/register-page';
import { SignInPage } from './sign-in/sign-in-page';
import { signInRequired } from './sign-in-required.guard';

const pages: Routes = [
  { path: '', pathMatch: 'full', component: CataloguePage },
  { path: 'procedures/:code', component: ProcedureDetailPage },
  { path: 'sign-in', component: SignInPage },
  { path: 'register', component: RegisterPage },
  { path: 'account', component: AccountPage, canActivate: [signInRequired] },
  { path: 'apply/:procedureCode', component: ApplyPage, canActivate: [signInRequired] },
  { path: 'applications/:draftId/check', component: CheckAnswersPage, canActivate: [signInRequired] },
  { path: 'applications/:draftId/:step', component: FormStepPage, canActivate: [signInRequired] },
  { path: 'dossiers', component: MyDossiersPage, canActivate: [signInRequired] },
  { path: 'dossiers/:code', component: DossierPage, canActivate: [signInRequired] },
  { path: 'status', component: StatusLookupPage },
  { path: '**', component: NotFoundPage },
];

export const citizenRoutes: Routes = [
  { path: '', providers: [{ provide: ATTACHMENT_UPLOADER, useExisting: AttachmentsApi }], children: pages },
];
