export * from './reports.module';
export * from './reports.service';
export * from './reports-check';
export { ReportOutOfScope, reportScope } from './report-scope';
export * from './segments';
export * from './figures';
export { ReportExportsProcessor, ReportsWorkerModule } from './exports/report-exports.worker';
export { DossierExportRunner } from './exports/dossier-export-runner';
export { dossierListSql } from './dossier-list';
