import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActionRequest,
  CounterIntake,
  InboxPage,
  InboxTab,
  OfficeDossier,
  WorkflowAction,
} from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/** What the inbox shows: one tab, an optional search (code or name), one page of rows. */
export interface InboxParams {
  tab: InboxTab;
  q?: string;
  procedureCode?: string;
  page: number;
}

/**
 * The back office of a ward (`/api/office`): the inbox, one dossier as its
 * clerks and leaders see it, the workflow actions and the papers' files.
 * Everything is limited by the API to the signed-in person's own ward.
 */
@Injectable({ providedIn: 'root' })
export class OfficeApi {
  private readonly http = inject(HttpClient);

  /** The inbox page the signals ask for; it loads again whenever they change. Call from an injection context. */
  inbox(params: () => InboxParams | undefined): HttpResourceRef<InboxPage | undefined> {
    return httpResource<InboxPage>(() => {
      const value = params();
      if (!value) return undefined;
      const query: Record<string, string> = { tab: value.tab, page: String(value.page) };
      if (value.q) query['q'] = value.q;
      if (value.procedureCode) query['procedureCode'] = value.procedureCode;
      return { url: '/api/office/dossiers', params: query };
    });
  }

  dossier(code: () => string | undefined): HttpResourceRef<OfficeDossier | undefined> {
    return httpResource<OfficeDossier>(() => {
      const value = code();
      return value ? this.dossierUrl(value) : undefined;
    });
  }

  /** Takes a workflow action on the version of the dossier the person saw; answers with the dossier after it. */
  act(code: string, action: WorkflowAction, request: ActionRequest): Promise<OfficeDossier> {
    return firstValueFrom(
      this.http.post<OfficeDossier>(`${this.dossierUrl(code)}/actions/${encodeURIComponent(action)}`, request),
    );
  }

  /** Records a walk-in citizen's paper application; answers with the new dossier, already received. */
  recordCounterIntake(intake: CounterIntake): Promise<OfficeDossier> {
    return firstValueFrom(this.http.post<OfficeDossier>('/api/office/dossiers/counter', intake));
  }

  /** Where the browser shows one of the dossier's papers (PDF, JPEG or PNG), inline. */
  paperUrl(code: string, attachmentId: string): string {
    return `${this.dossierUrl(code)}/papers/${encodeURIComponent(attachmentId)}`;
  }

  private dossierUrl(code: string): string {
    return `/api/office/dossiers/${encodeURIComponent(code)}`;
  }
}
