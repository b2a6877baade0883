import type { DossierExport, DossierExportFormat, Language, ReportColumn } from '@portal/contracts';
import { join } from 'node:path';
import type { DossierListQuery } from '../dossier-list';

/** The stored query of an export: the drill-down's, its place already within the requester's scope. */
export interface StoredExportQuery {
  column: ReportColumn;
  period: { from: string; to: string };
  unitCode: string | null;
  provinceCode: string | null;
  procedureCode: string | null;
  channel: string | null;
}

export interface DossierExportRow {
  id: string;
  requested_by: string;
  format: DossierExportFormat;
  language: Language;
  query: StoredExportQuery;
  status: DossierExport['status'];
  total_rows: number | null;
  written_rows: number;
  file_name: string;
  size_bytes: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date | null;
}

export const EXPORT_COLUMNS = `id, requested_by, format, language, query, status, total_rows, written_rows, file_name,
  size_bytes, error, created_at, finished_at, expires_at`;

export function listQueryOf(query: StoredExportQuery): DossierListQuery {
  return {
    column: query.column,
    period: query.period,
    place: { unitCode: query.unitCode, provinceCode: query.provinceCode },
    procedureCode: query.procedureCode,
    channel: query.channel,
  };
}

export function dossierExportView(row: DossierExportRow): DossierExport {
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    language: row.language,
    column: row.query.column,
    period: row.query.period,
    filters: {
      unitCode: row.query.unitCode,
      provinceCode: row.query.provinceCode,
      procedureCode: row.query.procedureCode,
      channel: row.query.channel,
    },
    total: row.total_rows,
    written: row.written_rows,
    fileName: row.file_name,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}

/** Finished exports wait here for download, named by their id (UPLOAD_DIR, shared by the API and the worker). */
export const exportFolder = (uploadDir: string) => join(uploadDir, 'exports');
export const exportPath = (uploadDir: string, row: Pick<DossierExportRow, 'id' | 'format'>) =>
  join(exportFolder(uploadDir), `${row.id}.${row.format}`);
