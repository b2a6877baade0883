import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, pageTitle, Session } from '@portal/web/data-access';
import { SummaryList, SummaryRow } from '@portal/web/ui';
import { formatCalendarDate, maskPersonalId } from './identity-format';

/** The signed-in person's account. */
@Component({
  selector: 'dvc-account-page',
  imports: [RouterLink, TranslocoPipe, SummaryList, SummaryRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user(); as user) {
      <h1>{{ 'account.title' | transloco }}</h1>
      <p class="lead">{{ 'account.welcome' | transloco: { name: user.fullName } }}</p>
      <dvc-summary-list>
        <dvc-summary-row [label]="'account.fullName' | transloco">{{ user.fullName }}</dvc-summary-row>
        <dvc-summary-row [label]="'account.email' | transloco">{{
          user.email ?? ('account.none' | transloco)
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'account.phone' | transloco">{{
          user.phone ?? ('account.none' | transloco)
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'account.roles' | transloco">
          @for (role of user.roles; track role; let last = $last) {
            {{ 'role.' + role | transloco }}{{ last ? '' : ', ' }}
          }
        </dvc-summary-row>
      </dvc-summary-list>
      @if (user.identity; as identity) {
        <h2>{{ 'account.identityHeading' | transloco }}</h2>
        <p>
          <strong class="tag tag--green">{{ 'account.identityVerified' | transloco }}</strong>
          {{ 'account.identityVerifiedBy' | transloco }}
        </p>
        <dvc-summary-list>
          <dvc-summary-row [label]="'account.personalId' | transloco">
            <span aria-hidden="true">{{ mask(identity.personalId) }}</span>
            <span class="visually-hidden">{{
              'account.personalIdEnding' | transloco: { digits: identity.personalId.slice(-4) }
            }}</span>
          </dvc-summary-row>
          <dvc-summary-row [label]="'account.dateOfBirth' | transloco">{{
            date(identity.dateOfBirth, lang())
          }}</dvc-summary-row>
          <dvc-summary-row [label]="'account.sex' | transloco">{{
            'account.sexValue.' + identity.sex | transloco
          }}</dvc-summary-row>
          <dvc-summary-row [label]="'account.permanentAddress' | transloco">{{
            identity.permanentAddress
          }}</dvc-summary-row>
        </dvc-summary-list>
      }
      <p>
        <a routerLink="/">{{ 'account.findProcedure' | transloco }}</a>
      </p>
    }
  `,
})
export class AccountPage {
  protected readonly session = inject(Session);
  protected readonly lang = inject(Language).current;
  protected readonly mask = maskPersonalId;
  protected readonly date = formatCalendarDate;

  constructor() {
    pageTitle((t) => t('account.title'));
  }
}
