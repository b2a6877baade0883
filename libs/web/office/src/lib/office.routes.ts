import type { Routes } from '@angular/router';
import { OfficeDossierPage } from './dossier/office-dossier-page';
import { CounterIntakePage } from './counter/counter-intake-page';
import { InboxPage } from './inbox/inbox-page';
import { NotAllowedPage } from './not-allowed/not-allowed-page';
import { clerkRequired, wardStaffRequired } from './office-staff.guard';

/** The back office of a ward, under `/office`; any other path falls through to the portal's "not found". */
export const officeRoutes: Routes = [
  { path: 'not-allowed', component: NotAllowedPage },
  {
    path: '',
    canActivate: [wardStaffRequired],
    children: [
      { path: '', pathMatch: 'full', component: InboxPage },
      { path: 'counter', canActivate: [clerkRequired], component: CounterIntakePage },
      { path: 'dossiers/:code', component: OfficeDossierPage },
    ],
  },
];
