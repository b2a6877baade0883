import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DOSSIER_EXPORT_KEEP_DAYS } from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { APP_CONFIG, type AppConfig } from '@portal/server/platform';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { DossierFileWriter, ROWS_PER_SHEET } from '../dossier-export-file';
import { dossierCountSql, dossierListRow, dossierListSql } from '../dossier-list';
import { EXPORT_COLUMNS, exportFolder, exportPath, listQueryOf, type DossierExportRow } from './dossier-export-row';

/** Rows fetched from the cursor at a time: what the worker holds in memory, whatever the list's length. */
export const EXPORT_BATCH = 2_000;

export interface ExportProgress {
  written: number;
  total: number;
}

const ignoreMissing = (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
};

/**
 * Makes an export's file in the worker, in flat memory: the list is counted and then read through a
 * cursor, in one read-only snapshot (the file lists exactly the dossiers it says it counts), a batch at a
 * time into the file writer; the progress is written to the export's row after every batch. The file is
 * written under a temporary name and renamed when complete. Run again after a crash, it starts afresh;
 * an export already done (or given up) is left alone.
 */
@Injectable()
export class DossierExportRunner {
  private readonly logger = new Logger(DossierExportRunner.name);
  /** Rows per fetch and per XLSX sheet (smaller in tests, to see the batches and the sheets). */
  readonly limits = { batch: EXPORT_BATCH, rowsPerSheet: ROWS_PER_SHEET };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'UPLOAD_DIR'>,
  ) {}

  async run(
    exportId: string,
    onProgress: (progress: ExportProgress) => unknown = () => undefined,
  ): Promise<{ rows: number; sizeBytes: number } | null> {
    const [updated] = (await this.dataSource.query(
      `UPDATE dossier_export SET status = 'running', started_at = now(), written_rows = 0, total_rows = NULL
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${EXPORT_COLUMNS}`,
      [exportId],
    )) as [DossierExportRow[], number];
    const current = updated[0];
    if (!current) return null;
    const list = listQueryOf(current.query);
    const finalPath = exportPath(this.config.UPLOAD_DIR, current);
    const tempPath = join(exportFolder(this.config.UPLOAD_DIR), `${current.id}.${process.pid}.${Date.now()}.part`);
    await mkdir(dirname(finalPath), { recursive: true, mode: 0o700 });
    const reader = this.dataSource.createQueryRunner();
    await reader.connect();
    let written = 0;
    try {
      await reader.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      const count = dossierCountSql(list);
      const [{ total }] = (await reader.query(count.sql, count.params)) as { total: number }[];
      await this.dataSource.query(`UPDATE dossier_export SET total_rows = $2 WHERE id = $1`, [current.id, total]);
      await onProgress({ written: 0, total });
      const out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600 });
      const writer = new DossierFileWriter(
        out,
        current.format,
        current.language,
        {
          column: current.query.column,
          period: current.query.period,
          total,
        },
        this.limits.rowsPerSheet,
      );
      try {
        const select = dossierListSql(list);
        await reader.query(`DECLARE dossier_export_rows NO SCROLL CURSOR FOR ${select.sql}`, select.params);
        for (;;) {
          const rows = (await reader.query(`FETCH ${this.limits.batch} FROM dossier_export_rows`)) as Record<
            string,
            unknown
          >[];
          if (rows.length === 0) break;
          await writer.write(rows.map(dossierListRow));
          written += rows.length;
          await this.dataSource.query(`UPDATE dossier_export SET written_rows = $2 WHERE id = $1`, [
            current.id,
            written,
          ]);
          await onProgress({ written, total });
        }
        await writer.finish();
      } catch (error) {
        out.destroy();
        throw error;
      }
      await reader.query(`COMMIT`);
      const file = await open(tempPath, 'r+');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tempPath, finalPath);
      const { size } = await stat(finalPath);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `UPDATE dossier_export
              SET status = 'done', written_rows = $2, size_bytes = $3, finished_at = now(),
                  expires_at = now() + make_interval(days => $4)
            WHERE id = $1`,
          [current.id, written, size, DOSSIER_EXPORT_KEEP_DAYS],
        );
        await audit(manager, {
          actorId: null,
          action: 'report.export-finished',
          targetType: 'dossier_export',
          targetId: current.id,
          details: { rows: written, sizeBytes: size, format: current.format },
        });
      });
      return { rows: written, sizeBytes: size };
    } catch (error) {
      await reader.query(`ROLLBACK`).catch(() => undefined);
      await unlink(tempPath).catch(ignoreMissing);
      throw error;
    } finally {
      await reader.release();
    }
  }

  /** Gives an export up after its last attempt: its requester sees it failed and may ask again. */
  async giveUp(exportId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE dossier_export SET status = 'failed', error = $2, finished_at = now()
          WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
        [exportId, reason.slice(0, 500)],
      )) as [Array<{ id: string }>, number];
      if (!rows.length) return;
      await audit(manager, {
        actorId: null,
        action: 'report.export-failed',
        targetType: 'dossier_export',
        targetId: exportId,
        details: { reason: reason.slice(0, 500) },
      });
    });
    this.logger.warn({ exportId }, 'An export was given up after its last attempt');
  }

  /** Deletes the files of exports kept past their time; their rows stay, marked expired. */
  async expire(now = new Date()): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id, format FROM dossier_export WHERE status = 'done' AND expires_at <= $1`,
      [now],
    )) as Array<Pick<DossierExportRow, 'id' | 'format'>>;
    for (const row of rows) {
      await unlink(exportPath(this.config.UPLOAD_DIR, row)).catch(ignoreMissing);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE dossier_export SET status = 'expired' WHERE id = $1 AND status = 'done'`, [row.id]);
        await audit(manager, {
          actorId: null,
          action: 'report.export-expired',
          targetType: 'dossier_export',
          targetId: row.id,
        });
      });
    }
    return rows.length;
  }
}
