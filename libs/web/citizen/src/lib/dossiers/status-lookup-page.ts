import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { pageTitle } from '@portal/web/data-access';
import { ErrorSummary, type FieldError } from '@portal/web/ui';
import { StatusLookupForm } from './status-lookup-form';

/**
 * Public status lookup: dossier code + the applicant's phone number. The heading and the explanation come
 * with the first download; the form, which needs the forms library and the shared zod schemas, follows at
 * once in its own chunk, in room kept for it.
 */
@Component({
  selector: 'dvc-status-lookup-page',
  imports: [TranslocoPipe, ErrorSummary, StatusLookupForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <dvc-error-summary [errors]="problems()" [title]="'form.errorSummaryTitle' | transloco" />
      <h1>{{ 'lookup.title' | transloco }}</h1>
      <p>{{ 'lookup.lead' | transloco }}</p>
      @defer (on immediate) {
        <dvc-status-lookup-form (problemsChange)="problems.set($event)" />
      } @placeholder {
        <div class="status-lookup__placeholder"></div>
      } @error {
        <div class="notice notice--error" role="alert">{{ 'form.networkError' | transloco }}</div>
      }
    </div>
  `,
})
export class StatusLookupPage {
  protected readonly problems = signal<FieldError[]>([]);

  constructor() {
    pageTitle((t) => t('lookup.title'));
  }
}
