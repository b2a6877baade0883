import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { feeCaseOf, quoteFees, type DraftView } from '@portal/contracts';
import {
  ApplicationsApi,
  Language,
  pageTitle,
  PaperNamePipe,
  ProceduresApi,
  toApiProblem,
} from '@portal/web/data-access';
import { ErrorSummary, FeeTable, SummaryList, SummaryRow } from '@portal/web/ui';
import {
  displayedProblems,
  type FieldDefinition,
  FormProblem,
  formPagesOf,
  pagesOf,
  problemsFromApi,
} from '@portal/web/forms';

/** Check your answers, then submit: every page's answers with a link to change them. */
@Component({
  selector: 'dvc-check-answers-page',
  imports: [RouterLink, TranslocoPipe, ErrorSummary, SummaryList, SummaryRow, PaperNamePipe, FeeTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (draft(); as draft) {
      <a class="back-link" [routerLink]="['/applications', draft.id, pages()[pages().length - 1].id]">{{
        'common.back' | transloco
      }}</a>
      <dvc-error-summary [errors]="summary()" [title]="'form.errorSummaryTitle' | transloco" />
      <h1>{{ 'apply.check.title' | transloco }}</h1>
      @for (page of pages(); track page.id) {
        <h2>{{ page.title | transloco }}</h2>
        @if (!draft.completedSteps.includes(page.id)) {
          <p class="notice notice--error">
            {{ 'apply.check.missing' | transloco }}
            <a [routerLink]="['/applications', draft.id, page.id]">{{ 'apply.check.fillIn' | transloco }}</a>
          </p>
        } @else {
          <dvc-summary-list>
            @for (field of answered(page.id, page.fields); track field.name) {
              <dvc-summary-row
                [label]="
                  field.kind === 'file' ? (field.name | paperName: draft.procedureCode) : (field.label | transloco)
                "
              >
                {{ display(page.id, field) }}
              </dvc-summary-row>
            }
          </dvc-summary-list>
          <p>
            <a [routerLink]="['/applications', draft.id, page.id]">
              {{ 'apply.check.change' | transloco }}<span class="visually-hidden"> – {{ page.title | transloco }}</span>
            </a>
          </p>
        }
      }
      <h2>{{ 'apply.check.feeTitle' | transloco }}</h2>
      <p>{{ (late() ? lateFeeText() : onTimeFeeText()) | transloco }}</p>
      @if (quote(); as q) {
        <dvc-fee-table
          [tableId]="'fee-table'"
          [lines]="q.lines"
          [lang]="lang()"
          [caption]="'apply.check.feeTitle' | transloco"
        />
        @if (q.total > 0) {
          <p>{{ 'apply.check.payAfter' | transloco }}</p>
        }
      }
      <h2>{{ 'apply.check.declarationTitle' | transloco }}</h2>
      <p>{{ 'apply.check.declaration' | transloco }}</p>
      <button type="button" id="submit-button" class="button" [disabled]="busy()" (click)="submit(draft)">
        {{ 'apply.check.submit' | transloco }}
      </button>
    } @else if (loadProblem()) {
      <h1>{{ 'apply.draftNotFound' | transloco }}</h1>
      <p>{{ loadProblem() }}</p>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class CheckAnswersPage {
  readonly draftId = input.required<string>();
  private readonly api = inject(ApplicationsApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  private readonly units = this.api.units();
  protected readonly draft = signal<DraftView | undefined>(undefined);
  protected readonly loadProblem = signal<string | undefined>(undefined);
  protected readonly busy = signal(false);
  private readonly problemList = signal<FormProblem[]>([]);
  private readonly problems = displayedProblems(this.problemList, this.lang);
  protected readonly summary = computed(() =>
    this.problems.list().map((p) => ({ ...p, field: 'submit-button', message: p.message })),
  );
  protected readonly pages = computed(() => pagesOf(this.draft()?.procedureCode ?? ''));
  private readonly procedure = inject(ProceduresApi).detail(() => this.draft()?.procedureCode);
  /** What the citizen will pay, line by line, with the catalogue's fees: the same sum the submission charges. */
  protected readonly quote = computed(() => {
    const draft = this.draft();
    const procedure = this.procedure.hasValue() ? this.procedure.value() : undefined;
    return draft && procedure ? quoteFees(draft.procedureCode, draft.data, procedure.fees) : undefined;
  });
  /** The procedure's plug-in decides the fee case, and says it in its own words. */
  protected readonly late = computed(() => {
    const draft = this.draft();
    return !!draft && feeCaseOf(draft.procedureCode, draft.data) === 'late';
  });
  protected readonly lateFeeText = computed(
    () => formPagesOf(this.draft()?.procedureCode ?? '')?.lateFeeText ?? 'apply.check.late',
  );
  protected readonly onTimeFeeText = computed(
    () => formPagesOf(this.draft()?.procedureCode ?? '')?.onTimeFeeText ?? 'apply.check.onTime',
  );

  constructor() {
    effect(() => {
      this.api.draft(this.draftId()).then(
        (draft) => this.draft.set(draft),
        (error: unknown) =>
          this.loadProblem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message),
      );
    });
    pageTitle((t) => t('apply.check.title'));
  }

  protected answered(pageId: string, fields: FieldDefinition[]): FieldDefinition[] {
    const values = (this.draft()?.data[pageId] ?? {}) as Record<string, unknown>;
    return fields.filter((field) =>
      field.kind === 'checkbox' ? values[field.name] === true : values[field.name] !== undefined,
    );
  }

  protected display(pageId: string, field: FieldDefinition): string {
    const value = ((this.draft()?.data[pageId] ?? {}) as Record<string, unknown>)[field.name];
    const language = this.lang();
    if (field.kind === 'checkbox') return this.transloco.translate('apply.yes');
    if (field.kind === 'file') return this.transloco.translate('apply.papers.attached');
    if (field.options) {
      const option = field.options.find((o) => o.value === value);
      return option ? this.transloco.translate(option.label) : String(value);
    }
    if (field.optionsFrom === 'units') {
      const unit = this.units.value()?.find((u) => u.code === value);
      return unit ? `${unit.name[language]} – ${unit.province[language]}` : String(value);
    }
    if (field.kind === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
    return String(value);
  }

  protected async submit(draft: DraftView): Promise<void> {
    this.busy.set(true);
    this.problemList.set([]);
    try {
      const dossier = await this.api.submit(draft.id);
      await this.router.navigate(['/dossiers', dossier.code], { queryParams: { submitted: 1 } });
    } catch (error) {
      this.problemList.set(
        problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), 'submit'),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
