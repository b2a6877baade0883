import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { MAX_TIME_LIMIT, procedureUpdateSchemaFor, type ProcedureAdminView } from '@portal/contracts';
import { Language, pageTitle, ProcedureAdminApi, toApiProblem } from '@portal/web/data-access';
import { displayedProblems, FormProblem, problemsFromApi, validate } from '@portal/web/forms';
import { ErrorSummary, LocalizedPipe, TextField } from '@portal/web/ui';
import { AdminNav } from './admin-nav';

type EditForm = FormGroup<{
  active: FormControl<'yes' | 'no'>;
  timeLimitAmount: FormControl<string>;
  fees: FormArray<FormControl<string>>;
  papers: FormArray<FormGroup<{ vi: FormControl<string>; en: FormControl<string> }>>;
}>;

/** "8000" → 8000; anything that is not a plain number goes to the schema as typed, to be refused there. */
const numberOrText = (value: string): number | string => (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value);

/**
 * One procedure as an administrator changes it: whether it takes new
 * applications, its time limit, the amount of each fee case and the names of
 * its papers. Saved changes apply to dossiers submitted afterwards; the page
 * says so, and shows how many dossiers are open and stay as they are.
 */
@Component({
  selector: 'dvc-admin-procedure-edit-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, LocalizedPipe, TextField, AdminNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .papers-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0 1.5rem;
    }
    fieldset.section {
      border: 0;
      border-top: 1px solid var(--colour-border, #b1b4b6);
      margin: 0 0 1.5rem;
      padding: 1rem 0 0;
    }
    fieldset.section > legend {
      font-size: 1.25rem;
      font-weight: 700;
      padding: 0;
    }
  `,
  template: `
    <span class="caption">{{ 'admin.caption' | transloco }}</span>
    @if (procedure.error()) {
      <h1>{{ 'admin.procedures.title' | transloco }}</h1>
      <div class="notice notice--error" role="alert">{{ 'admin.procedures.loadError' | transloco }}</div>
      <p>
        <a routerLink="/admin/procedures">{{ 'admin.procedures.back' | transloco }}</a>
      </p>
    } @else if (loaded(); as p) {
      <h1>{{ p.name | localized: lang() }}</h1>
      <dvc-admin-nav />
      <p>
        {{ 'admin.procedures.editIntro' | transloco: { code: p.code } }}
        <strong>{{ 'admin.procedures.openNote' | transloco: { count: p.openDossiers } }}</strong>
      </p>
      @if (notice(); as notice) {
        <div class="notice notice--success" role="status">{{ notice }}</div>
      }
      @if (failure(); as failure) {
        <div class="notice notice--error" role="alert">
          {{ failure }}
          <button type="button" class="link-button" (click)="reload()">
            {{ 'admin.procedures.reload' | transloco }}
          </button>
        </div>
      }
      <dvc-error-summary [errors]="problems.list()" [title]="'form.errorSummaryTitle' | transloco" />
      @if (form(); as f) {
        <form [formGroup]="f" (ngSubmit)="save(p)" novalidate>
          <fieldset class="form-group" [class.form-group--error]="!!problems.byField()['active']">
            <legend class="label">{{ 'admin.procedures.taking' | transloco }}</legend>
            <div class="hint" id="active-hint">{{ 'admin.procedures.takingHint' | transloco }}</div>
            <div class="radios__item">
              <input
                class="radios__input"
                type="radio"
                id="active"
                value="yes"
                formControlName="active"
                aria-describedby="active-hint"
              />
              <label class="radios__label" for="active">{{ 'admin.procedures.takingYes' | transloco }}</label>
            </div>
            <div class="radios__item">
              <input
                class="radios__input"
                type="radio"
                id="active-no"
                value="no"
                formControlName="active"
                aria-describedby="active-hint"
              />
              <label class="radios__label" for="active-no">{{ 'admin.procedures.takingNo' | transloco }}</label>
            </div>
          </fieldset>

          <dvc-text-field
            inputId="timeLimitAmount"
            inputmode="numeric"
            [label]="'admin.procedures.timeLimitLabel.' + p.timeLimit.unit | transloco"
            [hint]="
              'admin.procedures.timeLimitHint.' + p.timeLimit.unit | transloco: { max: maxTimeLimit[p.timeLimit.unit] }
            "
            [control]="f.controls.timeLimitAmount"
            [error]="problems.byField()['timeLimitAmount']"
          />

          <fieldset class="section">
            <legend>{{ 'admin.procedures.fees' | transloco }}</legend>
            <p class="hint">{{ 'admin.procedures.feesHint' | transloco }}</p>
            @for (fee of p.fees; track fee.case; let i = $index) {
              <dvc-text-field
                [inputId]="'fees.' + i + '.amount'"
                inputmode="numeric"
                [label]="(fee.label | localized: lang()) + ' (₫)'"
                [control]="f.controls.fees.at(i)"
                [error]="problems.byField()['fees.' + i + '.amount']"
              />
            }
          </fieldset>

          <fieldset class="section">
            <legend>{{ 'admin.procedures.papers' | transloco }}</legend>
            @for (paper of p.requiredPapers; track paper.code; let i = $index) {
              <div class="papers-grid">
                <dvc-text-field
                  [inputId]="'papers.' + i + '.name.vi'"
                  [label]="'admin.procedures.paperVi' | transloco: { n: i + 1 }"
                  [control]="f.controls.papers.at(i).controls.vi"
                  [error]="problems.byField()['papers.' + i + '.name.vi']"
                />
                <dvc-text-field
                  [inputId]="'papers.' + i + '.name.en'"
                  [label]="'admin.procedures.paperEn' | transloco: { n: i + 1 }"
                  [control]="f.controls.papers.at(i).controls.en"
                  [error]="problems.byField()['papers.' + i + '.name.en']"
                />
              </div>
            }
          </fieldset>

          <button type="submit" class="button" [disabled]="busy()">{{ 'admin.procedures.save' | transloco }}</button>
          <p>
            <a routerLink="/admin/procedures">{{ 'admin.procedures.back' | transloco }}</a>
          </p>
        </form>
      }
    } @else {
      <h1>{{ 'admin.procedures.title' | transloco }}</h1>
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class ProcedureEditPage {
  /** `:code`, bound by the router. */
  readonly code = input.required<string>();
  private readonly api = inject(ProcedureAdminApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly maxTimeLimit = MAX_TIME_LIMIT;
  protected readonly procedure = this.api.one(() => this.code());
  /** The procedure as last read or saved: what the form edits and the version it names. */
  protected readonly loaded = signal<ProcedureAdminView | undefined>(undefined);
  protected readonly form = signal<EditForm | undefined>(undefined);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  private readonly problemList = signal<FormProblem[]>([]);
  protected readonly problems = displayedProblems(this.problemList, this.lang);

  constructor() {
    pageTitle((t) => {
      const p = this.loaded();
      return p ? `${p.name[this.lang()]} – ${t('admin.procedures.title')}` : t('admin.procedures.title');
    });
    effect(() => {
      const p = this.procedure.hasValue() ? this.procedure.value() : undefined;
      if (p) untracked(() => this.show(p));
    });
  }

  protected reload(): void {
    this.failure.set(null);
    this.procedure.reload();
  }

  private show(p: ProcedureAdminView): void {
    this.loaded.set(p);
    this.form.set(
      new FormGroup({
        active: new FormControl<'yes' | 'no'>(p.active ? 'yes' : 'no', { nonNullable: true }),
        timeLimitAmount: new FormControl(String(p.timeLimit.amount), { nonNullable: true }),
        fees: new FormArray(p.fees.map((fee) => new FormControl(String(fee.amount), { nonNullable: true }))),
        papers: new FormArray(
          p.requiredPapers.map(
            (paper) =>
              new FormGroup({
                vi: new FormControl(paper.name.vi, { nonNullable: true }),
                en: new FormControl(paper.name.en, { nonNullable: true }),
              }),
          ),
        ),
      }),
    );
  }

  protected async save(p: ProcedureAdminView): Promise<void> {
    const form = this.form();
    if (!form) return;
    const value = form.getRawValue();
    const update = {
      version: p.version,
      active: value.active === 'yes',
      timeLimitAmount: numberOrText(value.timeLimitAmount),
      fees: p.fees.map((fee, i) => ({ case: fee.case, amount: numberOrText(value.fees[i]) })),
      papers: p.requiredPapers.map((paper, i) => ({ code: paper.code, name: value.papers[i] })),
    };
    const problems = validate(procedureUpdateSchemaFor(p), update, this.lang());
    this.problemList.set(problems);
    this.notice.set(null);
    this.failure.set(null);
    if (problems.length) return;
    this.busy.set(true);
    try {
      const saved = await this.api.update(p.code, update as Parameters<ProcedureAdminApi['update']>[1]);
      this.show(saved);
      this.notice.set(
        this.transloco.translate(saved.version === p.version ? 'admin.procedures.unchanged' : 'admin.procedures.saved'),
      );
    } catch (error) {
      const problem = toApiProblem(error, this.transloco.translate('form.networkError'));
      if (problem.fields.length) this.problemList.set(problemsFromApi(problem, 'timeLimitAmount'));
      else this.failure.set(problem.message);
    } finally {
      this.busy.set(false);
    }
  }
}
