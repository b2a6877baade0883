import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { ProcedureDetail, ProcedureSummary } from '@portal/contracts';

/** The public catalogue, as signals. Call from an injection context (a component field). */
@Injectable({ providedIn: 'root' })
export class ProceduresApi {
  list(): HttpResourceRef<ProcedureSummary[] | undefined> {
    return httpResource<ProcedureSummary[]>(() => '/api/procedures');
  }

  detail(code: () => string | undefined): HttpResourceRef<ProcedureDetail | undefined> {
    return httpResource<ProcedureDetail>(() => {
      const value = code();
      return value ? `/api/procedures/${encodeURIComponent(value)}` : undefined;
    });
  }
}
