import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { pageTitle } from '@portal/web/data-access';

/** What a signed-in person who is not a ward's clerk or leader sees in the back office. */
@Component({
  selector: 'dvc-office-not-allowed-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'office.notAllowed.title' | transloco }}</h1>
    <p>{{ 'office.notAllowed.text' | transloco }}</p>
    <p>
      <a routerLink="/">{{ 'procedure.backToCatalogue' | transloco }}</a>
    </p>
  `,
})
export class NotAllowedPage {
  constructor() {
    pageTitle((t) => t('office.notAllowed.title'));
  }
}
