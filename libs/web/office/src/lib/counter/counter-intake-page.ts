import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ONLINE_FORM_PROCEDURES, stepsOf } from '@portal/contracts';
import { Language, OfficeApi, pageTitle, ProceduresApi, toApiProblem } from '@portal/web/data-access';
import {
  displayedProblems,
  FormFields,
  FormProblem,
  pagesOf,
  problemsFromApi,
  validate,
  valuesToSend,
  type PageDefinition,
} from '@portal/web/forms';
import { ErrorSummary, LocalizedPipe } from '@portal/web/ui';

/** The pages a clerk types in at the counter: no uploads (the originals are in hand), and the ward is the clerk's own. */
const counterPages = (procedureCode: string): PageDefinition[] =>
  pagesOf(procedureCode).filter((page) => page.id !== 'papers' && page.id !== 'ward');

interface PageForm {
  page: PageDefinition;
  form: FormGroup<Record<string, FormControl>>;
  values: ReturnType<typeof signal<Record<string, unknown>>>;
}

/**
 * Counter intake: a clerk records a walk-in citizen's paper application on one
 * page, section by section, checked with the same rules as the online form.
 * The dossier is received on the spot (channel "counter"), in the clerk's ward.
 */
@Component({
  selector: 'dvc-office-counter-intake-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FormFields, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .counter-section {
      border-top: 1px solid var(--colour-border);
      padding-top: 0.5rem;
      margin-top: 1.5rem;
    }
  `,
  template: `
    <a class="back-link" routerLink="/office">{{ 'office.inbox.title' | transloco }}</a>
    <div class="narrow">
      <dvc-error-summary [errors]="summary()" [title]="'form.errorSummaryTitle' | transloco" />
      <span class="caption">{{ 'office.counter.caption' | transloco }}</span>
      <h1>{{ 'office.counter.title' | transloco }}</h1>
      <p>{{ 'office.counter.intro' | transloco }}</p>

      <fieldset class="form-group">
        <legend class="label">{{ 'office.counter.procedure' | transloco }}</legend>
        <div class="radios">
          @for (procedure of procedures(); track procedure.code; let first = $first) {
            <div class="radios__item">
              <input
                type="radio"
                class="radios__input"
                name="counter-procedure"
                [id]="first ? 'counter-procedure' : 'counter-procedure-' + procedure.code"
                [value]="procedure.code"
                [checked]="procedure.code === procedureCode()"
                (change)="choose(procedure.code)"
              />
              <label
                class="radios__label"
                [attr.for]="first ? 'counter-procedure' : 'counter-procedure-' + procedure.code"
                >{{ procedure.name | localized: lang() }}</label
              >
            </div>
          }
        </div>
      </fieldset>

      <form [formGroup]="whole()" (ngSubmit)="submit()" novalidate>
        @for (section of sections(); track section.page.id) {
          <section class="counter-section" [attr.aria-labelledby]="'counter-' + section.page.id + '-title'">
            <h2 [id]="'counter-' + section.page.id + '-title'">{{ section.page.title | transloco }}</h2>
            <dvc-form-fields
              [page]="section.page"
              [form]="section.form"
              [values]="section.values()"
              [errors]="errorsOf(section.page.id)"
              [lang]="lang()"
            />
          </section>
        }
        <div class="notice">{{ 'office.counter.papersNote' | transloco }}</div>
        <button type="submit" class="button" [disabled]="busy()">{{ 'office.counter.submit' | transloco }}</button>
      </form>
    </div>
  `,
})
export class CounterIntakePage {
  private readonly office = inject(OfficeApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  private readonly catalogue = inject(ProceduresApi).list();
  /** The procedures that have a form. */
  protected readonly procedures = computed(() =>
    (this.catalogue.value() ?? []).filter((procedure) => counterPages(procedure.code).length > 0),
  );
  protected readonly procedureCode = signal(ONLINE_FORM_PROCEDURES[0]);
  protected readonly busy = signal(false);

  protected readonly sections = computed<PageForm[]>(() =>
    counterPages(this.procedureCode()).map((page) => {
      const form = new FormGroup<Record<string, FormControl>>({});
      for (const field of page.fields)
        form.addControl(
          field.name,
          new FormControl(page.defaults?.[field.name] ?? (field.kind === 'checkbox' ? false : '')),
        );
      const values = signal<Record<string, unknown>>(form.getRawValue());
      form.valueChanges.subscribe(() => values.set(form.getRawValue()));
      return { page, form, values };
    }),
  );

  /** All sections in one form, for the submit button. */
  protected readonly whole = computed(
    () => new FormGroup(Object.fromEntries(this.sections().map((s) => [s.page.id, s.form]))),
  );

  private readonly problemList = signal<FormProblem[]>([]);
  private readonly problems = displayedProblems(this.problemList, this.lang);
  /** Problems are keyed `page.field`; the inputs' ids are `page-field`. */
  protected readonly summary = computed(() =>
    this.problems.list().map((problem) => ({ ...problem, field: problem.field.replace('.', '-') })),
  );

  constructor() {
    pageTitle((t) => t('office.counter.title'));
  }

  protected choose(code: string): void {
    // The sections common to both forms keep what was typed.
    const typed = Object.fromEntries(this.sections().map((s) => [s.page.id, s.form.getRawValue()]));
    this.procedureCode.set(code);
    for (const section of this.sections()) {
      if (typed[section.page.id]) section.form.setValue(typed[section.page.id]);
    }
    this.problemList.set([]);
  }

  protected errorsOf(pageId: string): Record<string, string> {
    const prefix = `${pageId}.`;
    return Object.fromEntries(
      Object.entries(this.problems.byField())
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, message]) => [field.slice(prefix.length).split('.')[0], message]),
    );
  }

  protected async submit(): Promise<void> {
    const procedureCode = this.procedureCode();
    const steps = stepsOf(procedureCode) ?? [];
    const data: Record<string, unknown> = {};
    const problems: FormProblem[] = [];
    for (const { page, form } of this.sections()) {
      const values = valuesToSend(page, form.getRawValue());
      data[page.id] = values;
      const schema = steps.find((step) => step.id === page.id)?.schema;
      if (!schema) continue;
      for (const problem of validate(schema, values, this.lang())) {
        problems.push({ ...problem, field: `${page.id}.${problem.field}` });
      }
    }
    this.problemList.set(problems);
    if (problems.length) return; // the error summary takes the focus
    this.busy.set(true);
    try {
      const dossier = await this.office.recordCounterIntake({ procedureCode, data });
      await this.router.navigate(['/office/dossiers', dossier.code], { state: { recorded: true } });
    } catch (error) {
      const firstField = `${this.sections()[0]?.page.id}.${this.sections()[0]?.page.fields[0]?.name}`;
      this.problemList.set(
        problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), firstField),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
