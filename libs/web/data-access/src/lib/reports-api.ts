import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  AuditPage,
  DossierExport,
  DossierExportFormat,
  DossierExportList,
  ProcessingReport,
  ReportDossierPage,
  ReportTrend,
  ServiceIndexReport,
} from '@portal/contracts';

/** The query of a report as the address carries it: only the parameters that are set. */
export type ReportParams = Record<string, string>;

/**
 * The auditors' reports (`/api/reports/...`), the audit trail and the public index. Each takes its
 * query as a signal (undefined: nothing to load yet). Call from an injection context.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  processing(params: () => ReportParams | undefined): HttpResourceRef<ProcessingReport | undefined> {
    return this.get('/api/reports/processing', params);
  }

  trend(params: () => ReportParams | undefined): HttpResourceRef<ReportTrend | undefined> {
    return this.get('/api/reports/processing/trend', params);
  }

  dossiers(params: () => ReportParams | undefined): HttpResourceRef<ReportDossierPage | undefined> {
    return this.get('/api/reports/processing/dossiers', params);
  }

  /** The citizen-service index for staff. */
  serviceIndex(params: () => ReportParams | undefined): HttpResourceRef<ServiceIndexReport | undefined> {
    return this.get('/api/reports/service-index', params);
  }

  /** The same in public: the open data. */
  publicServiceIndex(params: () => ReportParams | undefined): HttpResourceRef<ServiceIndexReport | undefined> {
    return this.get('/api/public/service-index', params);
  }

  /** The auditors' audit trail. */
  auditTrail(params: () => ReportParams | undefined): HttpResourceRef<AuditPage | undefined> {
    return this.get('/api/audit', params);
  }

  /** Asks for the whole list behind a figure (the drill-down's query) as a file made in the background. */
  requestExport(params: ReportParams, format: DossierExportFormat, lang: 'vi' | 'en'): Promise<DossierExport> {
    // The whole list, not a page of it; the API reads the period's fields as the address carries them.
    const { page: _page, ...query } = params;
    return firstValueFrom(this.http.post<DossierExport>('/api/reports/exports', { ...query, format, lang }));
  }

  /** One's own exports, newest first; reloaded to follow their progress. */
  exports(): HttpResourceRef<DossierExportList | undefined> {
    return httpResource<DossierExportList>(() => '/api/reports/exports');
  }

  /** Where a finished export's file is downloaded. */
  exportFileUrl(id: string): string {
    return `/api/reports/exports/${encodeURIComponent(id)}/file`;
  }

  private get<T>(url: string, params: () => ReportParams | undefined): HttpResourceRef<T | undefined> {
    return httpResource<T>(() => {
      const value = params();
      return value ? { url, params: value } : undefined;
    });
  }
}
