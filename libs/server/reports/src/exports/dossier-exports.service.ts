import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dossierExportIdSchema,
  reportPeriod,
  todayInVietnam,
  type DossierExport,
  type DossierExportRequest,
  type Language,
  type SessionUser,
} from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { APP_CONFIG, QueueNames, writeToOutbox, type AppConfig } from '@portal/server/platform';
import { stat } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { dossierExportFileName } from '../dossier-export-file';
import { provinceOf, reportScope } from '../report-scope';
import {
  DossierExportExpired,
  DossierExportFailed,
  DossierExportNotFound,
  DossierExportNotReady,
  TooManyDossierExports,
} from './dossier-export.errors';
import {
  dossierExportView,
  EXPORT_COLUMNS,
  exportPath,
  type DossierExportRow,
  type StoredExportQuery,
} from './dossier-export-row';

/** How many exports one person may have queued or running at once. */
export const EXPORTS_IN_PROGRESS_LIMIT = 3;
/** How many of their exports a person sees listed. */
const LISTED = 20;

/** The job the worker's `report-exports` queue runs for an export. */
export const EXPORT_JOB = 'export-dossiers';

/**
 * Exports of a list of dossiers, asked for here and made by the worker (DossierExportRunner): the request
 * is checked against the requester's scope and queued through the outbox in one transaction; only the
 * requester sees an export and downloads its file. Requests and downloads are audited.
 */
@Injectable()
export class DossierExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'UPLOAD_DIR'>,
  ) {}

  async request(
    user: SessionUser,
    body: DossierExportRequest,
    language: Language,
    requestId?: string,
  ): Promise<DossierExport> {
    const place = await reportScope(user, body, (unit) => provinceOf(this.dataSource, unit));
    const period = reportPeriod(body, todayInVietnam());
    const query: StoredExportQuery = {
      column: body.column,
      period,
      unitCode: place.unitCode,
      provinceCode: place.provinceCode,
      procedureCode: body.procedureCode ?? null,
      channel: body.channel ?? null,
    };
    return this.dataSource.transaction(async (manager) => {
      // One request at a time per person, so that the limit holds against a burst of requests.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dossier_export'), hashtext($1))`, [user.id]);
      const [{ running }] = (await manager.query(
        `SELECT count(*)::int AS running FROM dossier_export
          WHERE requested_by = $1 AND status IN ('queued', 'running')`,
        [user.id],
      )) as { running: number }[];
      if (running >= EXPORTS_IN_PROGRESS_LIMIT) throw new TooManyDossierExports(EXPORTS_IN_PROGRESS_LIMIT);
      const [row] = (await manager.query(
        `INSERT INTO dossier_export (requested_by, format, language, query, file_name)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${EXPORT_COLUMNS}`,
        [
          user.id,
          body.format,
          language,
          JSON.stringify(query),
          dossierExportFileName(query.column, period, body.format),
        ],
      )) as DossierExportRow[];
      await writeToOutbox(manager, [
        { queue: QueueNames.reportExports, name: EXPORT_JOB, payload: { exportId: row.id } },
      ]);
      await audit(manager, {
        actorId: user.id,
        action: 'report.export-requested',
        targetType: 'dossier_export',
        targetId: row.id,
        details: { format: body.format, language, ...query },
        requestId,
      });
      return dossierExportView(row);
    });
  }

  /** The requester's latest exports, newest first. */
  async list(user: SessionUser): Promise<DossierExport[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS} FROM dossier_export WHERE requested_by = $1 ORDER BY created_at DESC LIMIT ${LISTED}`,
      [user.id],
    )) as DossierExportRow[];
    return rows.map(dossierExportView);
  }

  /** One of the requester's exports; anyone else's is not found. */
  async get(user: SessionUser, id: string): Promise<DossierExport> {
    return dossierExportView(await this.row(user, id));
  }

  /** Where a finished export's file is, for its requester; the download is audited. */
  async file(
    user: SessionUser,
    id: string,
    requestId?: string,
  ): Promise<{ path: string; fileName: string; format: DossierExport['format']; sizeBytes: number }> {
    const row = await this.row(user, id);
    if (row.status === 'expired') throw new DossierExportExpired();
    if (row.status === 'failed') throw new DossierExportFailed();
    if (row.status !== 'done') throw new DossierExportNotReady();
    const path = exportPath(this.config.UPLOAD_DIR, row);
    // A file gone from the folder (removed by hand, a volume lost) is answered as expired, not as a broken download.
    const size = await stat(path).then(
      (file) => file.size,
      () => null,
    );
    if (size === null) throw new DossierExportExpired();
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.export-downloaded',
      targetType: 'dossier_export',
      targetId: row.id,
      details: { format: row.format, rows: row.total_rows, sizeBytes: Number(row.size_bytes) },
      requestId,
    });
    return { path, fileName: row.file_name, format: row.format, sizeBytes: size };
  }

  private async row(user: SessionUser, id: string): Promise<DossierExportRow> {
    // A malformed id names no export.
    if (!dossierExportIdSchema.safeParse({ id }).success) throw new DossierExportNotFound();
    const [row] = (await this.dataSource.query(
      `SELECT ${EXPORT_COLUMNS} FROM dossier_export WHERE id = $1 AND requested_by = $2`,
      [id, user.id],
    )) as DossierExportRow[];
    if (!row) throw new DossierExportNotFound();
    return row;
  }
}
