import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  InjectionToken,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_SIZE_LABEL,
  attachmentMessages,
  type AttachmentSummary,
  checkChosenFile,
} from '@portal/contracts';

/**
 * What the upload field needs to keep and discard files. `AttachmentsApi` of
 * `@portal/web/data-access` is one; the UI library does no HTTP itself.
 */
export interface AttachmentUploader {
  /** Sends one file for a paper; rejects with an Error whose message is ready to show. */
  upload(paperCode: string, file: File): Promise<AttachmentSummary>;
  /** Deletes an upload that is no longer wanted; rejects with an Error whose message is ready to show. */
  remove(id: string): Promise<void>;
  /** Where the browser can open the file. */
  viewUrl(id: string): string;
}

/** Provides the uploader every `dvc-file-upload` below uses when it is given none: `useExisting: AttachmentsApi`. */
export const ATTACHMENT_UPLOADER = new InjectionToken<AttachmentUploader>('ATTACHMENT_UPLOADER');

/**
 * A field for one paper of an application (e.g. the medical birth certificate):
 * its label, a hint with the accepted types and the size limit, a native file
 * input, and once uploaded the file's name (a link that opens it), its size
 * and a Remove button. The browser checks the type and size first, with the
 * same limits and words as the API; otherwise the API's own message (already
 * in the page's language) is shown. Label, hint and error are linked to the
 * input as in `dvc-text-field`; progress is announced in a live region, and
 * focus moves to the uploaded file and back to the input after a removal.
 *
 * ```ts
 * // once, where the pages that upload are provided (a route, or the app config):
 * providers: [{ provide: ATTACHMENT_UPLOADER, useExisting: AttachmentsApi }]
 * ```
 * ```html
 * <dvc-file-upload
 *   inputId="papers-medical_birth_certificate"
 *   paperCode="medical_birth_certificate"
 *   [label]="'apply.papers.medical_birth_certificate' | transloco"
 *   [hint]="'apply.papers.medicalHint' | transloco"
 *   [error]="problems.byField()['medical_birth_certificate']"
 *   [value]="uploads()['medical_birth_certificate']"
 *   (uploaded)="form.controls.medical_birth_certificate.setValue($event.id)"
 *   (removed)="form.controls.medical_birth_certificate.setValue('')"
 * />
 * ```
 */
@Component({
  selector: 'dvc-file-upload',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'form-group file-upload', '[class.form-group--error]': '!!shownError()' },
  styles: `
    .file-upload__input {
      display: block;
      max-width: 100%;
      font: inherit;
      padding: 0.3rem 0;
    }
    .file-upload__file {
      max-width: 36rem;
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 1rem;
      padding: 0.6rem 0.75rem;
      border: 2px solid var(--colour-border, #b1b4b6);
      outline: none;
    }
    .file-upload__file:focus {
      outline: 3px solid var(--colour-focus, #ffdd00);
    }
    .file-upload__name {
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .file-upload__remove {
      font: inherit;
      margin-left: auto;
      padding: 0.3rem 0.75rem;
      border: 2px solid currentColor;
      background: #fff;
      color: var(--colour-text, #0b0c0c);
      cursor: pointer;
    }
    .file-upload__remove:focus-visible {
      outline: 3px solid var(--colour-focus, #ffdd00);
    }
    .file-upload__status {
      margin: 0.25rem 0 0;
    }
    .file-upload__remove[disabled],
    .file-upload__input[disabled] {
      cursor: wait;
      opacity: 0.6;
    }
  `,
  template: `
    @if (current()) {
      <span class="label" [id]="inputId() + '-label'">{{ label() }}</span>
    } @else {
      <label class="label" [attr.for]="inputId()">{{ label() }}</label>
    }
    <div class="hint" [id]="inputId() + '-hint'">
      @if (hint()) {
        {{ hint() }}
      }
      {{ 'upload.allowed' | transloco: { size: maxSize } }}
    </div>
    @if (shownError()) {
      <p class="error-message" [id]="inputId() + '-error'">
        <span class="visually-hidden">{{ 'form.errorPrefix' | transloco }}</span> {{ shownError() }}
      </p>
    }
    @if (current(); as file) {
      <!-- Takes the input's id while the input is away, so that links from the error summary still lead here. -->
      <div
        class="file-upload__file"
        #fileBox
        tabindex="-1"
        role="group"
        [id]="inputId()"
        [attr.aria-labelledby]="inputId() + '-label'"
        [attr.aria-describedby]="describedBy()"
      >
        <span class="visually-hidden">{{ 'upload.uploadedFile' | transloco }}:</span>
        @if (viewUrl(file); as url) {
          <a class="file-upload__name" [href]="url" target="_blank" rel="noopener"
            >{{ file.fileName }}<span class="visually-hidden"> {{ 'upload.newTab' | transloco }}</span></a
          >
        } @else {
          <span class="file-upload__name">{{ file.fileName }}</span>
        }
        <span class="hint">{{ formatSize(file.sizeBytes) }}</span>
        <button
          type="button"
          class="file-upload__remove"
          [disabled]="busy()"
          [attr.aria-label]="'upload.removeNamed' | transloco: { name: file.fileName }"
          (click)="remove(file)"
        >
          {{ 'upload.remove' | transloco }}
        </button>
      </div>
    } @else {
      <input
        #fileInput
        type="file"
        class="file-upload__input"
        [class.input--error]="!!shownError()"
        [id]="inputId()"
        [name]="inputId()"
        [accept]="accept"
        [disabled]="busy()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="shownError() ? 'true' : null"
        (change)="choose(fileInput)"
      />
    }
    <p class="hint file-upload__status" role="status" aria-live="polite">{{ status() }}</p>
  `,
})
export class FileUpload {
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  /** The code of the paper among the procedure's required papers, e.g. `marriage_certificate`. */
  readonly paperCode = input.required<string>();
  /** What the page wants to say about the paper; the accepted types and the size limit follow it. */
  readonly hint = input<string>();
  /** The page's own problem with the field (e.g. "Upload this paper."); the field's own problems come first. */
  readonly error = input<string>();
  /** The file already uploaded, e.g. when a saved draft is opened again. */
  readonly value = input<AttachmentSummary | null | undefined>();
  /** Used instead of the provided ATTACHMENT_UPLOADER. */
  readonly uploader = input<AttachmentUploader>();

  /** A file has been uploaded and checked by the API. */
  readonly uploaded = output<AttachmentSummary>();
  /** The uploaded file has been deleted. */
  readonly removed = output<AttachmentSummary>();

  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly maxSize = ATTACHMENT_MAX_SIZE_LABEL;
  private readonly provided = inject(ATTACHMENT_UPLOADER, { optional: true });
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly language = toSignal(this.transloco.langChanges$, { initialValue: this.transloco.getActiveLang() });
  private readonly fileBox = viewChild<ElementRef<HTMLElement>>('fileBox');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  private readonly activeUploader = computed(() => this.uploader() ?? this.provided ?? undefined);
  /** The file shown: the one given, until this field uploads or removes one. */
  protected readonly current = linkedSignal<AttachmentSummary | null>(() => this.value() ?? null);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  private readonly problem = signal<string | null>(null);
  protected readonly shownError = computed(() => this.problem() ?? this.error() ?? null);
  protected readonly describedBy = computed(() =>
    [`${this.inputId()}-hint`, this.shownError() ? `${this.inputId()}-error` : ''].filter(Boolean).join(' '),
  );

  protected async choose(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.problem.set(null);
    const refusal = checkChosenFile(file);
    if (refusal) {
      input.value = '';
      this.problem.set(attachmentMessages[refusal][this.language() === 'en' ? 'en' : 'vi']);
      return;
    }
    const uploader = this.requireUploader();
    this.busy.set(true);
    this.status.set(this.transloco.translate('upload.uploading', { name: file.name }));
    try {
      const attachment = await uploader.upload(this.paperCode(), file);
      this.current.set(attachment);
      this.status.set(this.transloco.translate('upload.uploaded', { name: attachment.fileName }));
      this.uploaded.emit(attachment);
      afterNextRender(() => this.fileBox()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      input.value = '';
      this.status.set('');
      this.problem.set(this.messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(file: AttachmentSummary): Promise<void> {
    const uploader = this.requireUploader();
    this.problem.set(null);
    this.busy.set(true);
    this.status.set(this.transloco.translate('upload.removing'));
    try {
      await uploader.remove(file.id);
      this.current.set(null);
      this.status.set(this.transloco.translate('upload.removed', { name: file.fileName }));
      this.removed.emit(file);
      afterNextRender(() => this.fileInput()?.nativeElement.focus(), { injector: this.injector });
    } catch (error) {
      this.status.set('');
      this.problem.set(this.messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected viewUrl(file: AttachmentSummary): string | null {
    return this.activeUploader()?.viewUrl(file.id) ?? null;
  }

  /** 350 KB, 2,4 MB: in the page's language. */
  protected formatSize(bytes: number): string {
    const format = new Intl.NumberFormat(this.language() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
    return bytes < 1024 * 1024
      ? `${format.format(Math.max(1, Math.round(bytes / 1024)))} KB`
      : `${format.format(bytes / (1024 * 1024))} MB`;
  }

  private requireUploader(): AttachmentUploader {
    const uploader = this.activeUploader();
    if (!uploader) {
      throw new Error(
        'dvc-file-upload has no uploader: provide ATTACHMENT_UPLOADER (useExisting: AttachmentsApi) or bind [uploader].',
      );
    }
    return uploader;
  }

  private messageOf(error: unknown): string {
    return error instanceof Error && error.message ? error.message : this.transloco.translate('upload.failed');
  }
}
