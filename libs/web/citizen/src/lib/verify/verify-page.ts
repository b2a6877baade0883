import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { pageTitle, ResultsApi, toApiProblem, type FileCheckResult } from '@portal/web/data-access';
import { SummaryList, SummaryRow, VnDatePipe } from '@portal/web/ui';

/**
 * The public check of a signed document, the QR code's target: whether a
 * document with this code was issued, by whom and when, and the minimum it
 * certifies; and a box to check a PDF file's bytes against it (one changed byte
 * and it is not genuine). No sign-in.
 */
@Component({
  selector: 'dvc-verify-page',
  imports: [TranslocoPipe, VnDatePipe, SummaryList, SummaryRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="caption">{{ 'verify.caption' | transloco }}</span>
    @if (verification.error(); as error) {
      <h1>{{ 'verify.notFoundTitle' | transloco }}</h1>
      <div class="notice notice--error" role="alert">{{ problem(error) }}</div>
    } @else if (verification.hasValue()) {
      @let v = verification.value();
      <h1>{{ 'verify.genuineTitle' | transloco }}</h1>
      <div class="notice" role="status" id="verify-genuine">
        <strong>{{ 'verify.genuine' | transloco: { title: v.title, issuer: v.issuer } }}</strong>
      </div>
      <dvc-summary-list>
        <dvc-summary-row [label]="'verify.document' | transloco"
          >{{ v.title }} – {{ 'verify.number' | transloco }} {{ v.documentNumber }}</dvc-summary-row
        >
        <dvc-summary-row [label]="'verify.issuer' | transloco">{{ v.issuer }}, {{ v.province }}</dvc-summary-row>
        <dvc-summary-row [label]="'verify.signedBy' | transloco"
          >{{ v.signerTitle }} {{ v.signerName }}, {{ v.signedAt | vnDate: true }}</dvc-summary-row
        >
        @for (fact of v.certifies; track fact.label) {
          <dvc-summary-row [label]="fact.label">{{ fact.value }}</dvc-summary-row>
        }
      </dvc-summary-list>

      <h2>{{ 'verify.fileTitle' | transloco }}</h2>
      <p>{{ 'verify.fileIntro' | transloco }}</p>
      <div class="form-group">
        <label class="label" for="verify-file">{{ 'verify.fileLabel' | transloco }}</label>
        <div class="hint" id="verify-file-hint">{{ 'verify.fileHint' | transloco }}</div>
        <input
          id="verify-file"
          type="file"
          class="input"
          accept="application/pdf,.pdf"
          aria-describedby="verify-file-hint"
          (change)="chosen($event)"
        />
      </div>
      <button
        type="button"
        class="button"
        id="verify-check"
        [disabled]="busy() || !file()"
        (click)="check(v.verificationCode)"
      >
        {{ 'verify.check' | transloco }}
      </button>
      @if (checked(); as c) {
        <div class="notice" [class.notice--error]="!c.genuine" role="status" id="verify-file-result">
          <strong>{{ (c.genuine ? 'verify.fileGenuine' : 'verify.fileNotGenuine') | transloco }}</strong>
        </div>
      }
      @if (failure(); as f) {
        <div class="notice notice--error" role="alert">{{ f }}</div>
      }
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class VerifyPage {
  readonly code = input.required<string>();
  private readonly api = inject(ResultsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly verification = this.api.verification(() => this.code());
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly checked = signal<FileCheckResult | null>(null);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    pageTitle((t) => t('verify.caption'));
  }

  protected problem(error: unknown): string {
    return toApiProblem(error, this.transloco.translate('form.networkError')).message;
  }

  protected chosen(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.checked.set(null);
  }

  protected async check(code: string): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      this.checked.set(await this.api.checkFile(code, file));
    } catch (error) {
      this.failure.set(this.problem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
