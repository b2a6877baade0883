import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AttachmentSummary } from '@portal/contracts';
import {
  ApplicationsApi,
  AttachmentsApi,
  Language,
  pageTitle,
  PaperNamePipe,
  toApiProblem,
} from '@portal/web/data-access';
import {
  ATTACHMENT_UPLOADER,
  ErrorSummary,
  FieldError,
  FileUpload,
  LocalizedPipe,
  SummaryList,
  SummaryRow,
  VnDatePipe,
  VndPipe,
} from '@portal/web/ui';

import { PaymentPanel } from './payment-panel';
import { RatingPanel } from './rating-panel';

/** One of my dossiers: its facts and the timeline of every event. After submission, the receipt. */
@Component({
  selector: 'dvc-dossier-page',
  imports: [
    PaperNamePipe,
    RouterLink,
    TranslocoPipe,
    LocalizedPipe,
    SummaryList,
    SummaryRow,
    VndPipe,
    VnDatePipe,
    ErrorSummary,
    FileUpload,
    PaymentPanel,
    RatingPanel,
  ],
  // The supplement papers are uploaded through the citizen's attachments API.
  providers: [{ provide: ATTACHMENT_UPLOADER, useExisting: AttachmentsApi }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back-link" routerLink="/dossiers">{{ 'myDossiers.title' | transloco }}</a>
    @if (dossier.hasValue()) {
      @let d = dossier.value()!;
      @if (submitted()) {
        <div class="panel">
          <h1 class="panel__title">{{ 'receipt.title' | transloco }}</h1>
          <p class="panel__body">
            {{ 'receipt.code' | transloco }}<br /><strong class="panel__code">{{ d.code }}</strong>
          </p>
        </div>
        <p>{{ 'receipt.next' | transloco: { unit: d.unitName, date: (d.dueAt | vnDate) } }}</p>
        <p>{{ 'receipt.email' | transloco }}</p>
      } @else {
        <span class="caption">{{ d.procedureName | localized: lang() }}</span>
        <h1>{{ 'dossier.title' | transloco: { code: d.code } }}</h1>
      }
      @if (d.result; as result) {
        <section class="notice" aria-labelledby="result-title" id="result">
          <h2 id="result-title">{{ 'result.title' | transloco }}</h2>
          <p>{{ 'result.intro' | transloco: { number: result.documentNumber, date: (result.signedAt | vnDate) } }}</p>
          <p>
            <a class="button" [href]="'/api/dossiers/' + d.code + '/result'" download>{{
              'result.download' | transloco
            }}</a>
          </p>
          <p class="hint">
            {{ 'result.verifyHint' | transloco }}
            <a [routerLink]="['/verify', result.verificationCode]">{{ result.verificationCode }}</a>
          </p>
        </section>
        <dvc-rating-panel [code]="d.code" [rating]="d.rating" />
      }
      @if (d.feeAmount > 0) {
        <dvc-payment-panel [code]="d.code" [status]="d.status" [feeItems]="d.feeItems" [returnedFrom]="payment()" />
      }
      @if (d.allowedActions.includes('resubmit') && d.supplementRequest; as request) {
        <section class="notice" aria-labelledby="supplement-title">
          <h2 id="supplement-title">{{ 'supplement.title' | transloco }}</h2>
          @if (request.reason) {
            <p>
              {{ 'supplement.reason' | transloco }} <strong>{{ request.reason }}</strong>
            </p>
          }
          <dvc-error-summary [errors]="problems()" [title]="'form.errorSummaryTitle' | transloco" />
          @for (paper of request.papers; track paper) {
            <dvc-file-upload
              [inputId]="'supplement-' + paper"
              [paperCode]="paper"
              [label]="paper | paperName: d.procedureCode"
              [value]="uploads()[paper]"
              [error]="errorFor('supplement-' + paper)"
              (uploaded)="uploaded(paper, $event)"
              (removed)="removed(paper)"
            />
          }
          <button
            type="button"
            id="supplement-send"
            class="button"
            [disabled]="busy()"
            (click)="resubmit(d.code, d.version, request.papers)"
          >
            {{ 'supplement.send' | transloco }}
          </button>
        </section>
      }
      @if (resent()) {
        <div class="notice" role="status">{{ 'supplement.sent' | transloco }}</div>
      }
      @if (withdrawn()) {
        <div class="notice" role="status">{{ 'withdraw.done' | transloco }}</div>
      }
      <dvc-summary-list>
        <dvc-summary-row [label]="'dossier.code' | transloco">{{ d.code }}</dvc-summary-row>
        <dvc-summary-row [label]="'dossier.procedure' | transloco">{{
          d.procedureName | localized: lang()
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'dossier.status' | transloco"
          ><strong class="tag">{{ 'status.' + d.status | transloco }}</strong></dvc-summary-row
        >
        <dvc-summary-row [label]="'dossier.unit' | transloco">{{ d.unitName }}</dvc-summary-row>
        <dvc-summary-row [label]="'dossier.submittedAt' | transloco">{{
          d.submittedAt | vnDate: true
        }}</dvc-summary-row>
        <dvc-summary-row [label]="'dossier.dueAt' | transloco">{{ d.dueAt | vnDate }}</dvc-summary-row>
        <dvc-summary-row [label]="'dossier.fee' | transloco">
          {{ d.feeAmount === 0 ? ('procedure.free' | transloco) : (d.feeAmount | vnd) }}
          @if (d.lateRegistration) {
            <span class="hint block">{{ 'dossier.late' | transloco }}</span>
          }
        </dvc-summary-row>
        <dvc-summary-row [label]="'dossier.papers' | transloco">
          <ul class="plain-list">
            @for (paper of d.papers; track paper.id) {
              <li>{{ paper.paperCode | paperName: d.procedureCode }}: {{ paper.fileName }}</li>
            }
          </ul>
        </dvc-summary-row>
      </dvc-summary-list>
      <h2>{{ 'dossier.timeline' | transloco }}</h2>
      <ol class="timeline">
        @for (event of d.timeline; track $index) {
          <li class="timeline__item">
            <strong>{{ 'event.' + event.action | transloco }}</strong>
            <span class="hint block">{{ event.at | vnDate: true }}</span>
            @if (event.toStatus) {
              <span class="block"
                >{{ 'dossier.statusNow' | transloco }} {{ 'status.' + event.toStatus | transloco }}</span
              >
            }
            @if (event.reason) {
              <span class="block">{{ event.reason }}</span>
            }
          </li>
        }
      </ol>
      @if (d.allowedActions.includes('withdraw')) {
        <details class="withdraw">
          <summary>{{ 'withdraw.open' | transloco }}</summary>
          <p>{{ 'withdraw.warning' | transloco }}</p>
          <div class="form-group">
            <label class="label" for="withdraw-reason">{{ 'withdraw.reason' | transloco }}</label>
            <div class="hint" id="withdraw-reason-hint">{{ 'apply.optional' | transloco }}</div>
            <textarea
              id="withdraw-reason"
              class="input textarea"
              rows="2"
              maxlength="1000"
              aria-describedby="withdraw-reason-hint"
              #reason
            ></textarea>
          </div>
          @if (withdrawProblem(); as problem) {
            <div class="notice notice--error" role="alert">{{ problem }}</div>
          }
          <button
            type="button"
            class="button button--warning"
            [disabled]="busy()"
            (click)="withdraw(d.code, d.version, reason.value)"
          >
            {{ 'withdraw.confirm' | transloco }}
          </button>
        </details>
      }
    } @else if (dossier.error()) {
      <h1>{{ 'dossier.notFound' | transloco }}</h1>
      <p>
        <a routerLink="/dossiers">{{ 'myDossiers.title' | transloco }}</a>
      </p>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class DossierPage {
  readonly code = input.required<string>();
  readonly submitted = input<string>();
  /** `?payment=<reference>`: back from the payment gateway. */
  readonly payment = input<string>();
  private readonly api = inject(ApplicationsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly dossier = this.api.dossier(() => this.code());
  protected readonly lang = inject(Language).current;
  protected readonly uploads = signal<Record<string, AttachmentSummary | undefined>>({});
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly busy = signal(false);
  protected readonly resent = signal(false);
  protected readonly withdrawn = signal(false);
  protected readonly withdrawProblem = signal<string | null>(null);

  protected uploaded(paper: string, attachment: AttachmentSummary): void {
    this.uploads.update((all) => ({ ...all, [paper]: attachment }));
  }

  protected removed(paper: string): void {
    this.uploads.update((all) => ({ ...all, [paper]: undefined }));
  }

  protected errorFor(field: string): string | undefined {
    return this.problems().find((problem) => problem.field === field)?.message;
  }

  /** Withdraws the dossier after the citizen confirmed it, with their reason if they gave one. */
  protected async withdraw(code: string, version: number, reason: string): Promise<void> {
    this.busy.set(true);
    this.withdrawProblem.set(null);
    try {
      await this.api.withdraw(code, version, reason.trim() || undefined);
      this.withdrawn.set(true);
      this.dossier.reload();
    } catch (error) {
      this.withdrawProblem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message);
    } finally {
      this.busy.set(false);
    }
  }

  /** Sends the papers the ward asked for; every one of them must be uploaded first. */
  protected async resubmit(code: string, version: number, papers: string[]): Promise<void> {
    const missing = papers.filter((paper) => !this.uploads()[paper]);
    if (missing.length) {
      this.problems.set(
        missing.map((paper) => ({
          field: `supplement-${paper}`,
          message: this.transloco.translate('supplement.missing'),
        })),
      );
      return;
    }
    this.problems.set([]);
    this.busy.set(true);
    try {
      const ids = papers.map((paper) => this.uploads()[paper]?.id).filter((id): id is string => !!id);
      await this.api.resubmit(code, version, ids);
      this.resent.set(true);
      this.uploads.set({});
      this.dossier.reload();
    } catch (error) {
      const problem = toApiProblem(error, this.transloco.translate('form.networkError'));
      this.problems.set([{ field: 'supplement-send', message: problem.message }]);
    } finally {
      this.busy.set(false);
    }
  }

  constructor() {
    pageTitle((t) => [this.code(), t(this.submitted() ? 'receipt.title' : 'myDossiers.title')]);
  }
}
