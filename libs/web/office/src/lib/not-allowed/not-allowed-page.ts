import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language } from '@portal/web/data-access';

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
    const title = inject(Title);
    const transloco = inject(TranslocoService);
    const lang = inject(Language).current;
    effect(() => {
      lang();
      title.setTitle(`${transloco.translate('office.notAllowed.title')} – ${transloco.translate('shell.portalName')}`);
    });
  }
}
