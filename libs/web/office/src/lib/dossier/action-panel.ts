import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  actionRequestSchema,
  fieldProblems,
  validationMessages,
  workflowActions,
  type ActionRequest,
  type OfficeDossier,
  type ValidationMessageKey,
  type WorkflowAction,
} from '@portal/contracts';
import { type ApiProblem, Language, OfficeApi, PaperNamePipe, toApiProblem } from '@portal/web/data-access';
import { formPagesOf } from '@portal/web/forms';
import { ErrorSummary, type FieldError } from '@portal/web/ui';

/** The actions a ward's staff take here (the citizen's own, resubmit and withdraw, are not shown). */
const staffActions: readonly WorkflowAction[] = workflowActions.filter((a) => a !== 'resubmit' && a !== 'withdraw');
/** These need a reason, so they open a small form first. */
const reasonActions: readonly WorkflowAction[] = ['refuse', 'request_supplement', 'propose_refusal', 'send_back'];
/** Refusing and sending back look different from going ahead. */
const holdingActions: readonly WorkflowAction[] = ['refuse', 'propose_refusal', 'send_back'];

/** A problem with the action form: a shared validation message, a text of ours, or the API's words. */
interface ActionProblem {
  field: 'reason' | 'papers' | 'action-submit';
  code?: ValidationMessageKey;
  key?: string;
  message?: string;
}

/** An action was taken; the dossier as it is now. */
export interface ActionDone {
  action: WorkflowAction;
  dossier: OfficeDossier;
}

/**
 * The buttons for what the viewer may do now (the API's `allowedActions`), and for
 * refusals, supplement requests and sending back, a form asking why (and which papers).
 */
@Component({
  selector: 'dvc-office-action-panel',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, PaperNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .actions__buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .button--warning {
      background: #b00020;
      box-shadow: 0 2px 0 #5c0011;
    }
    .button--warning:hover {
      background: #8c001a;
    }
    .button--secondary {
      background: var(--colour-light);
      color: var(--colour-text);
      box-shadow: 0 2px 0 #858686;
    }
    .button--secondary:hover {
      background: #dbdad9;
    }
    .actions__form {
      max-width: 36rem;
    }
  `,
  template: `
    @if (actions().length === 0) {
      <p>{{ 'office.actions.none' | transloco }}</p>
    } @else if (open(); as action) {
      <form
        class="actions__form"
        aria-labelledby="action-form-title"
        [formGroup]="form"
        (ngSubmit)="submit(action)"
        novalidate
      >
        <dvc-error-summary [errors]="summary()" [title]="'form.errorSummaryTitle' | transloco" />
        <h3 id="action-form-title" tabindex="-1" #formTitle>{{ 'office.action.' + action + '.title' | transloco }}</h3>
        @if (action === 'request_supplement') {
          @let papersError = shownProblems()['papers'];
          <fieldset
            class="form-group"
            [class.form-group--error]="!!papersError"
            [attr.aria-describedby]="papersError ? 'action-papers-hint action-papers-error' : 'action-papers-hint'"
          >
            <legend class="label">{{ 'office.actions.papersLegend' | transloco }}</legend>
            <div class="hint" id="action-papers-hint">{{ 'office.actions.papersHint' | transloco }}</div>
            @if (papersError) {
              <p class="error-message" id="action-papers-error">
                <span class="visually-hidden">{{ 'form.errorPrefix' | transloco }}</span> {{ papersError }}
              </p>
            }
            @for (paper of papers(); track paper; let first = $first) {
              @let id = first ? 'action-papers' : 'action-papers-' + paper;
              <div class="checkbox">
                <input
                  type="checkbox"
                  class="checkbox__input"
                  [id]="id"
                  [value]="paper"
                  [checked]="chosenPapers().includes(paper)"
                  (change)="togglePaper(paper, $any($event.target).checked)"
                />
                <label class="checkbox__label" [attr.for]="id">{{ paper | paperName: dossier().procedureCode }}</label>
              </div>
            }
          </fieldset>
        }
        @let reasonError = shownProblems()['reason'];
        <div class="form-group" [class.form-group--error]="!!reasonError">
          <label class="label" for="action-reason">{{ 'office.action.' + action + '.reason' | transloco }}</label>
          <div class="hint" id="action-reason-hint">{{ 'office.action.' + action + '.hint' | transloco }}</div>
          @if (reasonError) {
            <p class="error-message" id="action-reason-error">
              <span class="visually-hidden">{{ 'form.errorPrefix' | transloco }}</span> {{ reasonError }}
            </p>
          }
          <textarea
            class="input textarea"
            id="action-reason"
            rows="4"
            formControlName="reason"
            [attr.aria-describedby]="reasonError ? 'action-reason-hint action-reason-error' : 'action-reason-hint'"
            [attr.aria-invalid]="reasonError ? 'true' : null"
          ></textarea>
        </div>
        <div class="actions__buttons">
          <button
            type="submit"
            id="action-submit"
            class="button"
            [class.button--warning]="holding(action)"
            [disabled]="busy()"
          >
            {{ 'office.action.' + action + '.confirm' | transloco }}
          </button>
          <button type="button" class="button button--secondary" [disabled]="busy()" (click)="cancel(action)">
            {{ 'office.actions.cancel' | transloco }}
          </button>
        </div>
      </form>
    } @else {
      <div class="actions__buttons">
        @for (action of actions(); track action) {
          <button
            type="button"
            class="button"
            [id]="'action-' + action"
            [class.button--warning]="holding(action)"
            [disabled]="busy()"
            (click)="choose(action)"
          >
            {{ 'office.action.' + action + '.button' | transloco }}
          </button>
        }
      </div>
    }
  `,
})
export class ActionPanel {
  readonly dossier = input.required<OfficeDossier>();
  /** The action went through. */
  readonly done = output<ActionDone>();
  /** The action could not be taken for a reason that is not about the form: the page says why. */
  readonly failed = output<ApiProblem>();

  private readonly api = inject(OfficeApi);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly lang = inject(Language).current;
  private readonly formTitle = viewChild<ElementRef<HTMLElement>>('formTitle');

  /** The papers a clerk can ask the citizen for: the procedure's to say. */
  protected readonly papers = computed(() => formPagesOf(this.dossier().procedureCode)?.supplementPapers ?? []);
  protected readonly actions = computed(() => staffActions.filter((a) => this.dossier().allowedActions.includes(a)));
  /** The action whose form is open; closed whenever the dossier changes. */
  protected readonly open = linkedSignal<string, WorkflowAction | null>({
    source: () => `${this.dossier().code}@${this.dossier().version}`,
    computation: () => null,
  });
  protected readonly busy = signal(false);
  protected readonly form = new FormGroup({ reason: new FormControl('', { nonNullable: true }) });
  protected readonly chosenPapers = signal<string[]>([]);
  private readonly problems = signal<ActionProblem[]>([]);

  /** The problems in the page's current language. */
  private readonly messages = computed<FieldError[]>(() => {
    const language = this.lang();
    return this.problems().map((p) => ({
      field: p.field,
      message: p.code
        ? validationMessages[p.code][language]
        : p.key
          ? this.transloco.translate(p.key)
          : (p.message ?? ''),
    }));
  });
  protected readonly shownProblems = computed(
    () => Object.fromEntries(this.messages().map((m) => [m.field, m.message])) as Record<string, string | undefined>,
  );
  protected readonly summary = computed<FieldError[]>(() =>
    this.messages().map((m) => ({
      field: m.field === 'action-submit' ? m.field : `action-${m.field}`,
      message: m.message,
    })),
  );

  protected holding(action: WorkflowAction): boolean {
    return holdingActions.includes(action);
  }

  protected choose(action: WorkflowAction): void {
    if (!reasonActions.includes(action)) {
      void this.take(action, { version: this.dossier().version });
      return;
    }
    this.form.reset();
    this.chosenPapers.set([]);
    this.problems.set([]);
    this.open.set(action);
    afterNextRender(() => this.formTitle()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(action: WorkflowAction): void {
    this.open.set(null);
    this.problems.set([]);
    afterNextRender(() => document.getElementById(`action-${action}`)?.focus(), { injector: this.injector });
  }

  protected togglePaper(paper: string, checked: boolean): void {
    this.chosenPapers.update((chosen) => (checked ? [...chosen, paper] : chosen.filter((p) => p !== paper)));
  }

  protected async submit(action: WorkflowAction): Promise<void> {
    const request: ActionRequest = { version: this.dossier().version, reason: this.form.controls.reason.value };
    if (action === 'request_supplement') request.papers = this.papers().filter((p) => this.chosenPapers().includes(p));
    const problems: ActionProblem[] = [];
    if (action === 'request_supplement' && !request.papers?.length) {
      problems.push({ field: 'papers', key: 'office.actions.papersRequired' });
    }
    const checked = actionRequestSchema.safeParse(request, { reportInput: true });
    const schemaProblems = checked.success ? [] : fieldProblems(checked.error, this.lang());
    const reasonProblem = schemaProblems.find((p) => p.field === 'reason');
    if (reasonProblem) problems.push({ field: 'reason', code: reasonProblem.code });
    else if (!this.form.controls.reason.value.trim()) problems.push({ field: 'reason', code: 'reasonRequired' });
    this.problems.set(problems);
    if (problems.length) return;
    await this.take(action, request);
  }

  private async take(action: WorkflowAction, request: ActionRequest): Promise<void> {
    this.busy.set(true);
    this.problems.set([]);
    try {
      const dossier = await this.api.act(this.dossier().code, action, request);
      this.done.emit({ action, dossier });
    } catch (error) {
      const problem = toApiProblem(error, this.transloco.translate('form.networkError'));
      const formProblems = this.open() ? this.formProblems(problem) : [];
      if (formProblems.length) this.problems.set(formProblems);
      else this.failed.emit(problem);
    } finally {
      this.busy.set(false);
    }
  }

  /** The API's complaints about the reason or the papers, for the form; anything else is the page's to tell. */
  private formProblems(problem: ApiProblem): ActionProblem[] {
    if (problem.status !== 400) return [];
    const problems: ActionProblem[] = problem.fields.map((f) => {
      const field = f.field === 'reason' ? 'reason' : f.field.startsWith('papers') ? 'papers' : 'action-submit';
      return f.code && f.code in validationMessages ? { field, code: f.code } : { field, message: f.message };
    });
    return problems.length ? problems : [{ field: 'action-submit', message: problem.message }];
  }
}
