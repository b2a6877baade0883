import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { attachmentMessages, type AttachmentSummary } from '@portal/contracts';
import { firstValueFrom } from 'rxjs';
import { type ApiProblem, toApiProblem } from './api-problem';
import { Language } from './language';

/** A request the API refused or that did not arrive; `message` is ready to show, in the page's language. */
export class ApiRequestFailed extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
    this.name = 'ApiRequestFailed';
  }
}

/**
 * Uploaded papers (`/api/attachments`). Uploads go as multipart/form-data;
 * Angular adds the CSRF header from the XSRF-TOKEN cookie by itself. Fits
 * `AttachmentUploader` of `@portal/web/ui`, so `dvc-file-upload` can use it:
 * `{ provide: ATTACHMENT_UPLOADER, useExisting: AttachmentsApi }`.
 */
@Injectable({ providedIn: 'root' })
export class AttachmentsApi {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(Language);

  /** Uploads one file for a paper of the procedure; rejects with ApiRequestFailed. */
  async upload(paperCode: string, file: File): Promise<AttachmentSummary> {
    const body = new FormData();
    body.append('paperCode', paperCode);
    body.append('file', file, file.name);
    try {
      return await firstValueFrom(this.http.post<AttachmentSummary>('/api/attachments', body));
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Deletes an upload that is not part of a submitted application; one that is gone already counts as deleted. */
  async remove(id: string): Promise<void> {
    try {
      await firstValueFrom(this.http.delete<void>(this.viewUrl(id)));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 404) return;
      throw this.failure(error);
    }
  }

  /** Where the browser shows the file (to its owner only). */
  viewUrl(id: string): string {
    return `/api/attachments/${encodeURIComponent(id)}`;
  }

  private failure(error: unknown): ApiRequestFailed {
    const problem = toApiProblem(error, this.transloco.translate('form.networkError'));
    // A proxy in front of the API may refuse a large body before the API sees it, without its JSON.
    if (problem.status === 413 && problem.code === 'NETWORK') {
      return new ApiRequestFailed({
        ...problem,
        code: 'FILE_TOO_LARGE',
        message: attachmentMessages.tooLarge[this.language.current()],
      });
    }
    return new ApiRequestFailed(problem);
  }
}
