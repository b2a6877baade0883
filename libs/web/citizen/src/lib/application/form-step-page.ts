import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { stepsOf, type AttachmentSummary, type DraftView } from '@portal/contracts';
import {
  ApplicationsApi,
  AttachmentsApi,
  Language,
  pageTitle,
  PaperNames,
  Session,
  toApiProblem,
} from '@portal/web/data-access';
import { ATTACHMENT_UPLOADER, ErrorSummary } from '@portal/web/ui';
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

/**
 * One page of an application form, drawn from its definition: the fields, a
 * progress line, a Back link; the page is checked with the shared schema, then
 * saved to the draft on the server before the next page opens.
 */
@Component({
  selector: 'dvc-form-step-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FormFields],
  // The papers page's upload fields send through the citizen's attachments API.
  providers: [{ provide: ATTACHMENT_UPLOADER, useExisting: AttachmentsApi }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (page(); as page) {
      <a class="back-link" [routerLink]="backLink()">{{ 'common.back' | transloco }}</a>
      <div class="narrow">
        <dvc-error-summary [errors]="summary()" [title]="'form.errorSummaryTitle' | transloco" />
        <span class="caption" id="progress">{{
          'apply.progress' | transloco: { step: index() + 1, total: pages().length }
        }}</span>
        <h1>{{ page.title | transloco }}</h1>
        @if (page.intro) {
          <p>{{ page.intro | transloco }}</p>
        }
        <form [formGroup]="form()" (ngSubmit)="submit()" novalidate>
          <dvc-form-fields
            [page]="page"
            [form]="form()"
            [values]="values()"
            [errors]="problems.byField()"
            [units]="units.value() ?? []"
            [uploads]="uploads()"
            [paperLabels]="paperLabels()"
            [lang]="lang()"
            (uploaded)="uploaded($event.name, $event.attachment)"
            (removed)="removed($event)"
          />
          <button type="submit" class="button" [disabled]="busy()">{{ 'apply.continue' | transloco }}</button>
        </form>
        <p class="hint">{{ 'apply.savedAsYouGo' | transloco }}</p>
      </div>
    } @else if (loadProblem()) {
      <h1>{{ 'apply.draftNotFound' | transloco }}</h1>
      <p>{{ loadProblem() }}</p>
      <p>
        <a routerLink="/dossiers">{{ 'myDossiers.title' | transloco }}</a>
      </p>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class FormStepPage {
  readonly draftId = input.required<string>();
  readonly step = input.required<string>();
  private readonly api = inject(ApplicationsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly units = this.api.units();
  protected readonly draft = signal<DraftView | undefined>(undefined);
  protected readonly loadProblem = signal<string | undefined>(undefined);
  protected readonly busy = signal(false);
  private readonly problemList = signal<FormProblem[]>([]);
  protected readonly problems = displayedProblems(this.problemList, this.lang);
  /** Summary links point at the inputs, whose ids carry the page id. */
  protected readonly summary = computed(() =>
    this.problems.list().map((problem) => ({ ...problem, field: `${this.step()}-${problem.field}` })),
  );
  protected readonly pages = computed(() => pagesOf(this.draft()?.procedureCode ?? ''));
  protected readonly index = computed(() => this.pages().findIndex((p) => p.id === this.step()));
  protected readonly page = computed<PageDefinition | undefined>(() => this.pages()[this.index()]);
  protected readonly form = signal(new FormGroup<Record<string, FormControl>>({}));
  private readonly paperNames = inject(PaperNames);
  /** The upload fields' names, from the catalogue. */
  protected readonly paperLabels = computed(() =>
    Object.fromEntries(
      (this.page()?.fields ?? [])
        .filter((field) => field.kind === 'file')
        .map((field) => [field.name, this.paperNames.name(this.draft()?.procedureCode, field.name)]),
    ),
  );
  protected readonly values = signal<Record<string, unknown>>({});
  protected readonly uploads = signal<Record<string, AttachmentSummary | undefined>>({});
  protected readonly visibleFields = computed(() =>
    (this.page()?.fields ?? []).filter((field) => !field.showIf || field.showIf(this.values())),
  );
  protected readonly backLink = computed(() => {
    const previous = this.pages()[this.index() - 1];
    return previous
      ? ['/applications', this.draftId(), previous.id]
      : ['/procedures', this.draft()?.procedureCode ?? ''];
  });

  constructor() {
    effect(() => {
      const id = this.draftId();
      this.api.draft(id).then(
        (draft) => this.draft.set(draft),
        (error: unknown) =>
          this.loadProblem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message),
      );
    });
    effect(() => {
      const page = this.page();
      const draft = this.draft();
      if (!page || !draft) return;
      const saved = (draft.data[page.id] as Record<string, unknown> | undefined) ?? this.prefill(page);
      const group = new FormGroup<Record<string, FormControl>>({});
      for (const field of page.fields) {
        const initial = saved[field.name] ?? (field.kind === 'checkbox' ? false : '');
        group.addControl(field.name, new FormControl(initial));
      }
      // Papers uploaded earlier are shown again, not an empty upload field.
      const named = (draft.data['papers'] ?? {}) as Record<string, string | undefined>;
      this.uploads.set(
        Object.fromEntries(Object.entries(named).map(([field, id]) => [field, draft.papers?.find((p) => p.id === id)])),
      );
      this.values.set(group.getRawValue());
      group.valueChanges.subscribe(() => this.values.set(group.getRawValue()));
      this.form.set(group);
      this.problemList.set([]);
    });
    pageTitle((t) => {
      const page = this.page();
      return page ? t(page.title) : undefined;
    });
  }

  protected uploaded(name: string, attachment: AttachmentSummary): void {
    this.uploads.update((all) => ({ ...all, [name]: attachment }));
    this.form().controls[name]?.setValue(attachment.id);
  }

  protected removed(name: string): void {
    this.uploads.update((all) => ({ ...all, [name]: undefined }));
    this.form().controls[name]?.setValue('');
  }

  protected async submit(): Promise<void> {
    const page = this.page();
    const draft = this.draft();
    if (!page || !draft) return;
    const values = valuesToSend(page, this.form().getRawValue());
    const schema = stepsOf(draft.procedureCode)?.find((s) => s.id === page.id)?.schema;
    const problems = schema ? validate(schema, values, this.lang()) : [];
    this.problemList.set(problems);
    if (problems.length) return;
    this.busy.set(true);
    try {
      const saved = await this.api.saveStep(draft.id, page.id, values);
      this.draft.set(saved);
      const next = this.pages()[this.index() + 1];
      await this.router.navigate(['/applications', draft.id, next ? next.id : 'check']);
    } catch (error) {
      const firstField = this.visibleFields()[0]?.name ?? '';
      this.problemList.set(
        problemsFromApi(toApiProblem(error, this.transloco.translate('form.networkError')), firstField),
      );
    } finally {
      this.busy.set(false);
    }
  }

  /** Pages start from what the portal already knows, as the procedure's page says (everything can be changed). */
  private prefill(page: PageDefinition): Record<string, unknown> {
    const user = this.session.user();
    return { ...page.defaults, ...(user && page.prefill ? page.prefill(user) : {}) };
  }
}
