import 'reflect-metadata';
import type { ProcessingReport } from '@portal/contracts';
import { aSignedInAccount, type BrowserClient } from '@portal/testing';
import ExcelJS from 'exceljs';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/**
 * Form 06 as a spreadsheet: the XLSX (read back with exceljs) and the CSV (UTF-8 with a BOM) hold
 * the very figures the report answers as JSON for the same query, Vietnamese intact; exporting is
 * audited, and a leader exports their own ward only.
 */
describe('report exports', () => {
  let api: ApiUnderTest;
  let auditor: BrowserClient;
  let leader: BrowserClient;
  const query = 'month=2024-02';

  beforeAll(async () => {
    api = await startApi();
    auditor = await aSignedInAccount(api.base, 'auditor@demo.dichvucong.vn');
    leader = await aSignedInAccount(api.base, 'leader.badinh@demo.dichvucong.vn');
    // Dossiers of February 2024: one resolved on time at Ba Đình, one still open at Ngọc Hà.
    for (const [n, unit, finished] of [
      [1, '00004', true],
      [2, '00004', false],
      [3, '00008', false],
    ] as const) {
      await api.dataSource.query(
        `INSERT INTO dossier (code, procedure_code, unit_code, channel, status, data, contact_phone, fee_amount,
                              late_registration, submitted_at, received_at, due_at, finished_at, subject_name)
         VALUES ($1, '1.001193', $2, 'online', $3, '{}', '0912345678', 0, false, '2024-02-05T02:00:00Z',
                 '2024-02-05T02:00:00Z', '2024-02-05T10:00:00Z', $4, 'Lê Thị Ánh')`,
        [
          `HS-01-240205-9900${n}`,
          unit,
          finished ? 'processed' : 'processing',
          finished ? '2024-02-05T08:00:00Z' : null,
        ],
      );
    }
  });

  afterAll(async () => {
    // The specs share a database: the open ones are closed where they began, carrying over into no later period.
    await api?.dataSource.query(
      `UPDATE dossier SET status = 'withdrawn', finished_at = received_at
        WHERE code LIKE 'HS-01-240205-9900%' AND finished_at IS NULL`,
    );
    await api?.stop();
  });

  const json = async (who: BrowserClient, q = query) =>
    (await (await who.get(`/reports/processing?${q}`)).json()) as ProcessingReport;

  it('writes the XLSX with the figures of the report, line by line, and the rates', async () => {
    const report = await json(auditor);
    const response = await auditor.get(`/reports/processing/export/xlsx?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="bao-cao-06_2024-02-01_2024-02-29.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Mẫu 06');
    expect(sheet?.getCell('A1').value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu số 06/VPCP/KSTT)');
    expect(sheet?.getCell('A2').value).toBe('Kỳ báo cáo: từ ngày 01/02/2024 đến ngày 29/02/2024');
    const header = (sheet?.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['STT', 'Đơn vị', 'Thủ tục', '(3) Tiếp nhận: tổng số']);
    const figuresAt = (rowNumber: number) => (sheet?.getRow(rowNumber).values as unknown[]).slice(4);
    const order = [
      'receivedTotal',
      'receivedOnline',
      'receivedInPerson',
      'receivedCounter',
      'receivedPost',
      'carriedOver',
      'resolvedTotal',
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedOverdue',
      'inProgressTotal',
      'inProgressWithinTime',
      'inProgressOverdue',
    ] as const;
    expect(sheet?.getCell('B5').value).toBe('Tổng cộng');
    expect(figuresAt(5)).toEqual(order.map((c) => report.totals.figures[c]));
    for (const [i, row] of report.rows.entries()) {
      expect(sheet?.getCell(`B${6 + i}`).value).toBe(row.unitName.vi);
      expect(figuresAt(6 + i)).toEqual(order.map((c) => row.figures[c]));
    }
    expect(report.totals.figures.receivedTotal).toBeGreaterThanOrEqual(3);
    const rates = workbook.getWorksheet('Tỷ lệ');
    expect(rates?.getCell('A2').value).toBe('Tỷ lệ giải quyết trước hạn, đúng hạn');
    expect(rates?.getCell('B2').value).toBe(report.totals.rates.onTimeRate);
  });

  it('writes the CSV in UTF-8 with a byte-order mark, in the language asked', async () => {
    const response = await auditor.get(`/reports/processing/export/csv?${query}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('Tổng cộng');
    expect(text).toContain('Phường Ba Đình');
    const english = await auditor.request('GET', `/reports/processing/export/csv?${query}`, undefined, {
      'Accept-Language': 'en',
    });
    expect(Buffer.from(await english.arrayBuffer()).toString('utf8')).toContain('Received: total');
    // A download link carries the page's language, whatever the browser's.
    const asked = await auditor.request('GET', `/reports/processing/export/csv?${query}&lang=vi`, undefined, {
      'Accept-Language': 'en',
    });
    expect(Buffer.from(await asked.arrayBuffer()).toString('utf8')).toContain('Tiếp nhận: tổng số');
  });

  it("gives a leader their own ward's, records the export, and refuses an unknown format", async () => {
    const mine = await leader.get(`/reports/processing/export/csv?${query}`);
    expect(mine.status).toBe(200);
    const text = Buffer.from(await mine.arrayBuffer()).toString('utf8');
    expect(text).toContain('Phường Ba Đình');
    expect(text).not.toContain('Phường Ngọc Hà');
    expect((await leader.get(`/reports/processing/export/csv?${query}&unitCode=00008`)).status).toBe(403);
    const unknown = await auditor.get(`/reports/processing/export/pdf?${query}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('EXPORT_FORMAT_NOT_FOUND');
    const [exported] = await api.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'report.exported' ORDER BY id DESC LIMIT 1`,
    );
    expect(exported.details).toMatchObject({ format: 'csv', period: { from: '2024-02-01', to: '2024-02-29' } });
  });
});
