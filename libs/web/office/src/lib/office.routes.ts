import type { Routes } from '@angular/router';
import { OfficeDossierPage } from './dossier/office-dossier-page';
import { CounterIntakePage } from './counter/counter-intake-page';
import { InboxPage } from './inbox/inbox-page';
import { PrintListPage } from './print-list/print-list-page';
import { RatingsPage } from './ratings/ratings-page';
import { NotAllowedPage } from './not-allowed/not-allowed-page';
import { HolidaysPage } from './admin/holidays-page';
import { ProcedureEditPage } from './admin/procedure-edit-page';
import { ProceduresPage } from './admin/procedures-page';
import { adminRequired, clerkRequired, wardStaffRequired } from './office-staff.guard';

/** The back office of a ward, under `/office`; any other path falls through to the portal's "not found". */
export const officeRoutes: Routes = [
  { path: 'not-allowed', component: NotAllowedPage },
  {
    path: '',
    canActivate: [wardStaffRequired],
    children: [
      { path: '', pathMatch: 'full', component: InboxPage },
      { path: 'counter', canActivate: [clerkRequired], component: CounterIntakePage },
      { path: 'ratings', component: RatingsPage },
      { path: 'print-list', component: PrintListPage },
      { path: 'dossiers/:code', component: OfficeDossierPage },
    ],
  },
];

/** The administrators' pages, under `/admin` (the queue dashboard at /admin/queues is the API's own). */
export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'procedures' },
  { path: 'procedures', canActivate: [adminRequired], component: ProceduresPage },
  { path: 'procedures/:code', canActivate: [adminRequired], component: ProcedureEditPage },
  { path: 'holidays', canActivate: [adminRequired], component: HolidaysPage },
];
