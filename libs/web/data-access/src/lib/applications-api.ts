import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DossierDetail,
  DossierSummary,
  DraftView,
  StatusLookupResult,
  SubmittedDossier,
  UnitView,
} from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/** Drafts, submission, my dossiers and the status lookup. */
@Injectable({ providedIn: 'root' })
export class ApplicationsApi {
  private readonly http = inject(HttpClient);

  start(procedureCode: string): Promise<DraftView> {
    return firstValueFrom(this.http.post<DraftView>('/api/drafts', { procedureCode }));
  }

  draft(id: string): Promise<DraftView> {
    return firstValueFrom(this.http.get<DraftView>(`/api/drafts/${encodeURIComponent(id)}`));
  }

  drafts(): HttpResourceRef<DraftView[] | undefined> {
    return httpResource<DraftView[]>(() => '/api/drafts');
  }

  saveStep(id: string, step: string, values: unknown): Promise<DraftView> {
    return firstValueFrom(
      this.http.put<DraftView>(`/api/drafts/${encodeURIComponent(id)}/steps/${encodeURIComponent(step)}`, values),
    );
  }

  discard(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/drafts/${encodeURIComponent(id)}`));
  }

  submit(id: string): Promise<SubmittedDossier> {
    return firstValueFrom(this.http.post<SubmittedDossier>(`/api/drafts/${encodeURIComponent(id)}/submit`, {}));
  }

  myDossiers(): HttpResourceRef<DossierSummary[] | undefined> {
    return httpResource<DossierSummary[]>(() => '/api/dossiers');
  }

  dossier(code: () => string | undefined): HttpResourceRef<DossierDetail | undefined> {
    return httpResource<DossierDetail>(() => {
      const value = code();
      return value ? `/api/dossiers/${encodeURIComponent(value)}` : undefined;
    });
  }

  /** Sends the papers the ward asked for; the dossier goes back to processing. */
  resubmit(code: string, version: number, attachmentIds: string[]): Promise<DossierDetail> {
    return firstValueFrom(
      this.http.post<DossierDetail>(`/api/dossiers/${encodeURIComponent(code)}/actions/resubmit`, {
        version,
        attachmentIds,
      }),
    );
  }

  /** Withdraws my dossier (the reason is optional); the ward stops working on it. */
  withdraw(code: string, version: number, reason?: string): Promise<DossierDetail> {
    return firstValueFrom(
      this.http.post<DossierDetail>(`/api/dossiers/${encodeURIComponent(code)}/actions/withdraw`, { version, reason }),
    );
  }

  lookup(code: string, phone: string): Promise<StatusLookupResult> {
    return firstValueFrom(this.http.post<StatusLookupResult>('/api/dossiers/lookup', { code, phone }));
  }

  units(): HttpResourceRef<UnitView[] | undefined> {
    return httpResource<UnitView[]>(() => '/api/units');
  }
}
