import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** What `/api/verify/:code` says of a document. */
export interface DocumentVerification {
  verificationCode: string;
  genuine: true;
  title: string;
  documentNumber: string;
  issuer: string;
  province: string;
  signerName: string;
  signerTitle: string;
  signedAt: string;
  certifies: Array<{ label: string; value: string }>;
}

export interface FileCheckResult {
  verificationCode: string;
  genuine: boolean;
  reason?: string;
}

/** The public verification of signed documents (`/api/verify/:code`). */
@Injectable({ providedIn: 'root' })
export class ResultsApi {
  private readonly http = inject(HttpClient);

  /** Call from an injection context. */
  verification(code: () => string | undefined): HttpResourceRef<DocumentVerification | undefined> {
    return httpResource<DocumentVerification>(() => {
      const value = code();
      return value ? `/api/verify/${encodeURIComponent(value)}` : undefined;
    });
  }

  checkFile(code: string, file: File): Promise<FileCheckResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<FileCheckResult>(`/api/verify/${encodeURIComponent(code)}/file`, form));
  }
}
