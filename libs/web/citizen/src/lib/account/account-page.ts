import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language, Session } from '@portal/web/data-access';
import { SummaryList, SummaryRow } from '@portal/web/ui';

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
      <p>
        <a routerLink="/">{{ 'account.findProcedure' | transloco }}</a>
      </p>
    }
  `,
})
export class AccountPage {
  protected readonly session = inject(Session);

  constructor() {
    const title = inject(Title);
    const transloco = inject(TranslocoService);
    const lang = inject(Language).current;
    effect(() => {
      lang();
      title.setTitle(`${transloco.translate('account.title')} – ${transloco.translate('shell.portalName')}`);
    });
  }
}
