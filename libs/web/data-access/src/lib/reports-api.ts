import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { ProcessingReport, ReportDossierPage, ReportTrend } from '@portal/contracts';

/** The query of a report as the address carries it: only the parameters that are set. */
export type ReportParams = Record<string, string>;

/** The auditors' reports (`/api/reports/...`). Call from an injection context. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  processing(params: () => ReportParams | undefined): HttpResourceRef<ProcessingReport | undefined> {
    return httpResource<ProcessingReport>(() => {
      const value = params();
      return value ? { url: '/api/reports/processing', params: value } : undefined;
    });
  }

  trend(params: () => ReportParams | undefined): HttpResourceRef<ReportTrend | undefined> {
    return httpResource<ReportTrend>(() => {
      const value = params();
      return value ? { url: '/api/reports/processing/trend', params: value } : undefined;
    });
  }

  dossiers(params: () => ReportParams | undefined): HttpResourceRef<ReportDossierPage | undefined> {
    return httpResource<ReportDossierPage>(() => {
      const value = params();
      return value ? { url: '/api/reports/processing/dossiers', params: value } : undefined;
    });
  }
}
