import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ProcedureAdminView, ProcedureUpdate } from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/** Procedures as administrators keep them (`/api/admin/procedures`). */
@Injectable({ providedIn: 'root' })
export class ProcedureAdminApi {
  private readonly http = inject(HttpClient);

  /** Every procedure, taking applications or not. Call from an injection context. */
  list(): HttpResourceRef<ProcedureAdminView[] | undefined> {
    return httpResource<ProcedureAdminView[]>(() => '/api/admin/procedures');
  }

  /** The procedure the signal names. Call from an injection context. */
  one(code: () => string | undefined): HttpResourceRef<ProcedureAdminView | undefined> {
    return httpResource<ProcedureAdminView>(() => {
      const value = code();
      return value ? `/api/admin/procedures/${encodeURIComponent(value)}` : undefined;
    });
  }

  update(code: string, update: ProcedureUpdate): Promise<ProcedureAdminView> {
    return firstValueFrom(
      this.http.put<ProcedureAdminView>(`/api/admin/procedures/${encodeURIComponent(code)}`, update),
    );
  }
}
