import { httpResource, HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type {
  AuditPage,
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

  private get<T>(url: string, params: () => ReportParams | undefined): HttpResourceRef<T | undefined> {
    return httpResource<T>(() => {
      const value = params();
      return value ? { url, params: value } : undefined;
    });
  }
}
