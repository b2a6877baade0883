import { ChangeDetectionStrategy, Component, effect, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { statusLookupRequestSchema, type StatusLookupResult } from '@portal/contracts';
import { ApplicationsApi, Language, toApiProblem } from '@portal/web/data-access';
import { LocalizedPipe, SummaryList, SummaryRow, TextField, VnDatePipe, type FieldError } from '@portal/web/ui';
import { displayedProblems, FormProblem, problemsFromApi, validate } from '@portal/web/forms';

/**
 * The status lookup's form and its answer. Loaded after the page's heading is shown (status-lookup-page.ts):
 * it brings the forms library and the zod schemas. Its problems go up to the page's error summary.
 */
@Component({
  selector: 'dvc-status-lookup-form',
  imports: [ReactiveFormsModule, TranslocoPipe, TextField, SummaryList, SummaryRow, LocalizedPipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <dvc-text-field
        inputId="code"
        [label]="'dossier.code' | transloco"
        [hint]="'lookup.codeHint' | transloco"
        [control]="form.controls.code"
        [error]="problems.byField()['code']"
        [spellcheck]="false"
      />
      <dvc-text-field
        inputId="phone"
        type="tel"
        [label]="'lookup.phone' | transloco"
        [hint]="'lookup.phoneHint' | transloco"
        [control]="form.controls.phone"
        [error]="problems.byField()['phone']"
        inputmode="tel"
      />
      <button type="submit" class="button" [disabled]="busy()">{{ 'lookup.submit' | transloco }}</button>
    </form>
    @if (result(); as r) {
      <section aria-live="polite">
        <h2>{{ 'lookup.result' | transloco }}</h2>
        <dvc-summary-list>
          <dvc-summary-row [label]="'dossier.code' | transloco">{{ r.code }}</dvc-summary-row>
          <dvc-summary-row [label]="'dossier.procedure' | transloco">{{
            r.procedureName | localized: lang()
          }}</dvc-summary-row>
          <dvc-summary-row [label]="'dossier.status' | transloco"
            ><strong class="tag">{{ 'status.' + r.status | transloco }}</strong></dvc-summary-row
          >
          <dvc-summary-row [label]="'dossier.unit' | transloco">{{ r.unitName }}</dvc-summary-row>
          <dvc-summary-row [label]="'dossier.submittedAt' | transloco">{{ r.submittedAt | vnDate }}</dvc-summary-row>
          <dvc-summary-row [label]="'dossier.dueAt' | transloco">{{ r.dueAt | vnDate }}</dvc-summary-row>
        </dvc-summary-list>
      </section>
    }
  `,
})
export class StatusLookupForm {
  private readonly api = inject(ApplicationsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly busy = signal(false);
  protected readonly result = signal<StatusLookupResult | undefined>(undefined);
  private readonly problemList = signal<FormProblem[]>([]);
  protected readonly problems = displayedProblems(this.problemList, this.lang);
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true }),
    phone: new FormControl('', { nonNullable: true }),
  });
  /** The problems to list in the page's error summary, in the page's language. */
  readonly problemsChange = output<FieldError[]>();

  constructor() {
    effect(() => this.problemsChange.emit(this.problems.list()));
  }

  protected async submit(): Promise<void> {
    this.result.set(undefined);
    const problems = validate(statusLookupRequestSchema, this.form.getRawValue(), this.lang());
    this.problemList.set(problems);
    if (problems.length) return;
    this.busy.set(true);
    try {
      const { code, phone } = this.form.getRawValue();
      this.result.set(await this.api.lookup(code, phone));
    } catch (error) {
      this.problemList.set(problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), 'code'));
    } finally {
      this.busy.set(false);
    }
  }
}
