import 'reflect-metadata';
import type { DossierExport, DossierExportList, ProcessingReport, ReportDossierPage } from '@portal/contracts';
import { loadVolume } from '@portal/server/demo-data';
import { DossierExportRunner, rebuildReportAggregates, ReportExportsProcessor } from '@portal/server/reports';
import {
  aSignedInAccount,
  deleteRedisKeys,
  dropDatabase,
  eventually,
  newRunId,
  type BrowserClient,
} from '@portal/testing';
import ExcelJS from 'exceljs';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startApi, type ApiUnderTest } from './testing/api-under-test';
import { migratedDatabase } from './testing/volume';

/**
 * The whole list of dossiers behind a figure, exported in the background: asked for through the API, made
 * by the worker's processor (the outbox relay and BullMQ, for real) through a cursor, a batch at a time,
 * its progress followed to the end; the file holds exactly the dossiers of the drill-down, as many as the
 * figure, Vietnamese intact, over several sheets when the list is longer than one. Only the requester
 * sees it; every step is audited; an expired file is deleted.
 */
describe('background exports of a list of dossiers', () => {
  const runId = newRunId();
  const database = `portal_exports_test_${runId}`;
  let api: ApiUnderTest;
  let runner: DossierExportRunner;
  let auditor: BrowserClient;
  let leader: BrowserClient;
  const progress: number[] = [];
  // A year of two years of dossiers: more than one fetch, and more than one XLSX sheet.
  const year = new Date().getUTCFullYear() - 1;
  const figure = { year: String(year), column: 'receivedTotal' };

  beforeAll(async () => {
    const url = await migratedDatabase(database);
    api = await startApi({
      config: { DATABASE_URL: url, QUEUE_PREFIX: `exports-${runId}` },
      processor: {
        queue: 'report-exports',
        build: (dataSource, config) => {
          runner = new DossierExportRunner(dataSource, config);
          runner.limits.batch = 400;
          runner.limits.rowsPerSheet = 1_000;
          const processor = new ReportExportsProcessor(runner, dataSource);
          return {
            process: async (job) => {
              const outcome = await processor.process(job);
              progress.push(Number(job.progress));
              return outcome;
            },
          };
        },
      },
    });
    await loadVolume(api.dataSource, { dossiers: 3_000, wards: 12, provinces: 2, months: 24 });
    await rebuildReportAggregates(api.dataSource);
    auditor = await aSignedInAccount(api.base, 'auditor@demo.dichvucong.vn');
    leader = await aSignedInAccount(api.base, 'leader.badinh@demo.dichvucong.vn');
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await dropDatabase(database);
    await deleteRedisKeys(`exports-${runId}`);
  });

  const finished = async (who: BrowserClient, id: string) =>
    eventually(
      async () => {
        const e = (await (await who.get(`/reports/exports/${id}`)).json()) as DossierExport;
        expect(e.status).toBe('done');
        return e;
      },
      60_000,
      `export ${id} done`,
    );
  const drillDown = async (query: Record<string, string>) => {
    const codes: string[] = [];
    let total = 0;
    for (let page = 1; ; page += 1) {
      const p = (await (
        await auditor.get(`/reports/processing/dossiers?${new URLSearchParams({ ...query, page: String(page) })}`)
      ).json()) as ReportDossierPage;
      total = p.total;
      codes.push(...p.rows.map((r) => r.code));
      if (codes.length >= p.total || p.rows.length === 0) break;
    }
    return { total, codes };
  };

  it('makes the XLSX of a year of dossiers in the background, as many as the figure, the drill-down’s very dossiers', async () => {
    const report = (await (await auditor.get(`/reports/processing?year=${year}`)).json()) as ProcessingReport;
    const expected = await drillDown(figure);
    expect(expected.total).toBe(report.totals.figures.receivedTotal);
    expect(expected.total).toBeGreaterThan(1_000);

    const asked = await auditor.post('/reports/exports', { ...figure, year, format: 'xlsx', lang: 'vi' });
    expect(asked.status).toBe(202);
    const queued = (await asked.json()) as DossierExport;
    expect(queued).toMatchObject({ status: 'queued', format: 'xlsx', column: 'receivedTotal', written: 0 });
    expect(queued.fileName).toBe(`ho-so_receivedTotal_${year}-01-01_${year}-12-31.xlsx`);
    // Not ready yet: the file is refused with a reason, not half-sent.
    const early = await auditor.get(`/reports/exports/${queued.id}/file`);
    if (early.status !== 200) expect(((await early.json()) as { code: string }).code).toBe('EXPORT_NOT_READY');

    const done = await finished(auditor, queued.id);
    expect(done).toMatchObject({ total: expected.total, written: expected.total });
    expect(done.sizeBytes).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(100);
    const listed = (await (await auditor.get('/reports/exports')).json()) as DossierExportList;
    expect(listed.exports.map((e) => e.id)).toContain(queued.id);

    const file = await auditor.get(`/reports/exports/${queued.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${done.fileName}"`);
    expect(file.headers.get('cache-control')).toContain('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheets = workbook.worksheets;
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    expect(sheets.map((s) => s.name)).toEqual(
      Array.from({ length: Math.ceil(expected.total / 1_000) }, (_, i) => (i === 0 ? 'Hồ sơ' : `Hồ sơ (${i + 1})`)),
    );
    const first = sheets[0];
    expect(first.getCell('A1').value).toBe('DANH SÁCH HỒ SƠ: TỔNG SỐ HỒ SƠ TIẾP NHẬN (KỂ CẢ KỲ TRƯỚC CHUYỂN QUA)');
    expect(first.getCell('A2').value).toBe(`Kỳ báo cáo: từ ngày 01/01/${year} đến ngày 31/12/${year}`);
    expect((first.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Mã hồ sơ',
      'Thủ tục',
      'Đơn vị',
      'Kênh nộp',
      'Trạng thái',
      'Tiếp nhận',
      'Hạn trả',
      'Hoàn thành',
    ]);
    const codes: string[] = [];
    const numbers: number[] = [];
    for (const sheet of sheets) {
      sheet.eachRow((row, n) => {
        if (n <= 4) return;
        numbers.push(Number(row.getCell(1).value));
        codes.push(String(row.getCell(2).value));
      });
    }
    expect(codes).toEqual(expected.codes);
    expect(numbers).toEqual(codes.map((_, i) => i + 1));
    const sample = first.getRow(5);
    expect(String(sample.getCell(3).value)).toMatch(/^(Đăng ký khai sinh|Đăng ký khai tử|Liên thông)/);
    expect(sample.getCell(7).value).toBeInstanceOf(Date);

    const trail = await api.dataSource.query(
      `SELECT action, actor_id IS NULL AS system FROM audit_event WHERE target_id = $1 ORDER BY id`,
      [queued.id],
    );
    expect(trail).toEqual([
      { action: 'report.export-requested', system: false },
      { action: 'report.export-finished', system: true },
      { action: 'report.export-downloaded', system: false },
    ]);
  });

  it('makes the CSV in UTF-8 with a byte-order mark, a leader’s within their ward only', async () => {
    const mine = { month: `${year}-06`, column: 'resolvedTotal' };
    const outside = await leader.post('/reports/exports', { ...mine, unitCode: '00008', format: 'csv' });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { code: string }).code).toBe('REPORT_OUT_OF_SCOPE');

    const asked = await leader.post('/reports/exports', { ...mine, format: 'csv', lang: 'en' });
    expect(asked.status).toBe(202);
    const queued = (await asked.json()) as DossierExport;
    expect(queued.filters.unitCode).toBe('00004');
    const done = await finished(leader, queued.id);
    const bytes = Buffer.from(await (await leader.get(`/reports/exports/${queued.id}/file`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe('DOSSIERS: RESOLVED');
    expect(lines[3]).toBe('No.,Code,Procedure,Unit,Channel,Status,Received,Due,Finished');
    const expected = await drillDown({ ...mine, unitCode: '00004' });
    expect(done.total).toBe(expected.total);
    expect(expected.total).toBeGreaterThan(0);
    expect(lines.slice(4).map((line) => line.split(',')[1])).toEqual(expected.codes);
    expect(lines[4]).toContain('Ba Dinh');

    // Nobody else sees it, not even an auditor; a malformed id names no export.
    expect((await auditor.get(`/reports/exports/${queued.id}`)).status).toBe(404);
    expect((await auditor.get(`/reports/exports/${queued.id}/file`)).status).toBe(404);
    expect((await leader.get(`/reports/exports/not-an-id`)).status).toBe(404);
  });

  it('refuses what it cannot export with a reason in the requester’s language, and writes nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM dossier_export`);
    const wrong = await auditor.request(
      'POST',
      '/reports/exports',
      { ...figure, format: 'pdf' },
      { 'Accept-Language': 'vi' },
    );
    expect(wrong.status).toBe(400);
    const problem = (await wrong.json()) as { code: string; message: string; requestId: string };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.requestId).toBeTruthy();
    expect(
      (await auditor.post('/reports/exports', { column: 'receivedTotal', format: 'csv', month: '2026-13' })).status,
    ).toBe(400);
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM dossier_export`)).toEqual(before);
  });

  it('lets one person have three exports in progress at a time', async () => {
    // Three waiting for a worker (rows without a job, so none of them ever finishes)…
    const [{ id: auditorId }] = await api.dataSource.query(
      `SELECT id FROM app_user WHERE email = 'auditor@demo.dichvucong.vn'`,
    );
    const waiting = (await api.dataSource.query(
      `INSERT INTO dossier_export (requested_by, format, language, query, file_name)
       SELECT $1, 'csv', 'vi', '{}', 'waiting.csv' FROM generate_series(1, 3) RETURNING id`,
      [auditorId],
    )) as Array<{ id: string }>;
    try {
      const ask = () => auditor.post('/reports/exports', { month: `${year}-01`, column: 'refused', format: 'csv' });
      const answers = await Promise.all([ask(), ask()]);
      expect(answers.map((a) => a.status)).toEqual([429, 429]);
      const problem = (await answers[0].json()) as { code: string; message: string };
      expect(problem.code).toBe('EXPORTS_IN_PROGRESS');
      expect(problem.message).toContain('3');
    } finally {
      await api.dataSource.query(`UPDATE dossier_export SET status = 'failed' WHERE id = ANY ($1)`, [
        waiting.map((w) => w.id),
      ]);
    }
    // …and with those out of the way, the next one is taken.
    expect(
      (await auditor.post('/reports/exports', { month: `${year}-01`, column: 'refused', format: 'csv' })).status,
    ).toBe(202);
  });

  it('deletes a file kept past its time, and then answers that it expired', async () => {
    const asked = (await (
      await auditor.post('/reports/exports', { month: `${year}-02`, column: 'resolvedOverdue', format: 'csv' })
    ).json()) as DossierExport;
    await finished(auditor, asked.id);
    const path = join(api.config.UPLOAD_DIR, 'exports', `${asked.id}.csv`);
    expect(existsSync(path)).toBe(true);
    // A file removed from the folder behind the portal's back: expired, not a broken download.
    const other = (await (
      await auditor.post('/reports/exports', { month: `${year}-03`, column: 'resolvedOverdue', format: 'csv' })
    ).json()) as DossierExport;
    await finished(auditor, other.id);
    rmSync(join(api.config.UPLOAD_DIR, 'exports', `${other.id}.csv`));
    const lost = await auditor.get(`/reports/exports/${other.id}/file`);
    expect({ status: lost.status, code: ((await lost.json()) as { code: string }).code }).toEqual({
      status: 410,
      code: 'EXPORT_EXPIRED',
    });
    expect(await runner.expire(new Date(Date.now() + 8 * 24 * 3600 * 1000))).toBeGreaterThanOrEqual(1);
    expect(existsSync(path)).toBe(false);
    const gone = await auditor.get(`/reports/exports/${asked.id}/file`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { code: string }).code).toBe('EXPORT_EXPIRED');
  });
});
