import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Language, ProcessingReport, ReportColumn, ReportFigures, ReportRates } from '@portal/contracts';
import type { Writable } from 'node:stream';

/** The formats a report is exported in. */
export const reportExportFormats = ['xlsx', 'csv'] as const;
export type ReportExportFormat = (typeof reportExportFormats)[number];

/** The media types of the exported files. */
export const EXPORT_CONTENT_TYPES: Record<ReportExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Form 06's figure columns as a spreadsheet has them: the form's number, then its heading in both languages. */
const COLUMNS: Array<{ column: ReportColumn; number: string; vi: string; en: string }> = [
  { column: 'receivedTotal', number: '3', vi: 'Tiếp nhận: tổng số', en: 'Received: total' },
  { column: 'receivedOnline', number: '4', vi: 'Trực tuyến', en: 'Online' },
  { column: 'receivedInPerson', number: '5', vi: 'Trực tiếp, dịch vụ bưu chính', en: 'In person or by post' },
  { column: 'receivedCounter', number: '5a', vi: 'Trong đó: trực tiếp', en: 'Of which at the counter' },
  { column: 'receivedPost', number: '5b', vi: 'Trong đó: bưu chính', en: 'Of which by post' },
  { column: 'carriedOver', number: '6', vi: 'Từ kỳ trước chuyển qua', en: 'Carried over' },
  { column: 'resolvedTotal', number: '7', vi: 'Đã giải quyết: tổng số', en: 'Resolved: total' },
  { column: 'resolvedEarly', number: '8', vi: 'Trước hạn', en: 'Early' },
  { column: 'resolvedOnTime', number: '9', vi: 'Đúng hạn', en: 'On time' },
  { column: 'resolvedOverdue', number: '10', vi: 'Quá hạn', en: 'Overdue' },
  { column: 'inProgressTotal', number: '11', vi: 'Đang giải quyết: tổng số', en: 'In progress: total' },
  { column: 'inProgressWithinTime', number: '12', vi: 'Trong hạn', en: 'Within time' },
  { column: 'inProgressOverdue', number: '13', vi: 'Quá hạn', en: 'Overdue' },
];

const RATES: Array<{ rate: keyof ReportRates; vi: string; en: string; days?: boolean }> = [
  { rate: 'onTimeRate', vi: 'Tỷ lệ giải quyết trước hạn, đúng hạn', en: 'Early or on-time rate' },
  {
    rate: 'averageProcessingDays',
    vi: 'Thời gian giải quyết trung bình (ngày làm việc)',
    en: 'Average processing time (working days)',
    days: true,
  },
  { rate: 'onlineRate', vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online rate' },
  { rate: 'onlinePaymentRate', vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment rate' },
  { rate: 'electronicResultRate', vi: 'Tỷ lệ trả kết quả điện tử', en: 'Electronic result rate' },
  { rate: 'supplementRate', vi: 'Tỷ lệ phải bổ sung giấy tờ', en: 'Supplement rate' },
  { rate: 'refusalRate', vi: 'Tỷ lệ từ chối', en: 'Refusal rate' },
];

const TEXT = {
  vi: {
    title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Biểu số 06/VPCP/KSTT)',
    period: (from: string, to: string) => `Kỳ báo cáo: từ ngày ${from} đến ngày ${to}`,
    unit: 'Đơn vị tính: số hồ sơ',
    no: 'STT',
    place: 'Đơn vị',
    procedure: 'Thủ tục',
    total: 'Tổng cộng',
    form: 'Mẫu 06',
    rates: 'Tỷ lệ',
    rate: 'Chỉ tiêu',
    value: 'Giá trị',
  },
  en: {
    title: 'PROCESSING OF ADMINISTRATIVE PROCEDURES AND ITS RESULTS (form 06/VPCP/KSTT)',
    period: (from: string, to: string) => `Period: ${from} to ${to}`,
    unit: 'Unit: number of dossiers',
    no: 'No.',
    place: 'Unit',
    procedure: 'Procedure',
    total: 'Total',
    form: 'Form 06',
    rates: 'Rates',
    rate: 'Indicator',
    value: 'Value',
  },
};

const shownDay = (day: string) => day.split('-').reverse().join('/');

/** The lines of the form as a spreadsheet holds them: the totals first, then a line per row. */
export function reportLines(
  report: ProcessingReport,
  language: Language,
): Array<{ no: string; place: string; procedure: string; figures: ReportFigures }> {
  return [
    { no: '', place: TEXT[language].total, procedure: '', figures: report.totals.figures },
    ...report.rows.map((row, i) => ({
      no: String(i + 1),
      place: row.unitName[language],
      procedure: row.procedureName[language],
      figures: row.figures,
    })),
  ];
}

/** The file's name: `bao-cao-06_2026-11-01_2026-11-30.xlsx`. */
export function reportFileName(report: ProcessingReport, format: ReportExportFormat): string {
  return `bao-cao-06_${report.period.from}_${report.period.to}.${format}`;
}

/**
 * Writes the report as an XLSX workbook (exceljs' streaming writer: rows go out as they are
 * committed) — the form with its numbered columns, then the rates — or as CSV in UTF-8 with a
 * byte-order mark, so that spreadsheet programs read the Vietnamese right.
 */
export async function writeReport(
  report: ProcessingReport,
  format: ReportExportFormat,
  language: Language,
  out: Writable,
): Promise<void> {
  const t = TEXT[language];
  const header = [t.no, t.place, t.procedure, ...COLUMNS.map((c) => `(${c.number}) ${c[language]}`)];
  const lines = reportLines(report, language).map((line) => [
    line.no,
    line.place,
    line.procedure,
    ...COLUMNS.map((c) => line.figures[c.column]),
  ]);
  if (format === 'csv') {
    const csv = stringify({ bom: true });
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      csv.on('error', reject);
    });
    csv.pipe(out);
    csv.write([t.title]);
    csv.write([t.period(shownDay(report.period.from), shownDay(report.period.to))]);
    csv.write(header);
    for (const line of lines) csv.write(line);
    csv.write([]);
    csv.write([t.rate, t.value]);
    for (const r of RATES) csv.write([r[language], report.totals.rates[r.rate] ?? '']);
    csv.end();
    return done;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Cổng Dịch vụ công';
  const sheet = workbook.addWorksheet(t.form, { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = [{ width: 6 }, { width: 28 }, { width: 30 }, ...COLUMNS.map(() => ({ width: 14 }))];
  sheet.addRow([t.title]).font = { bold: true };
  sheet.addRow([t.period(shownDay(report.period.from), shownDay(report.period.to))]);
  sheet.addRow([t.unit]);
  const heading = sheet.addRow(header);
  heading.font = { bold: true };
  heading.alignment = { wrapText: true, vertical: 'top' };
  for (const [i, line] of lines.entries()) {
    const row = sheet.addRow(line);
    if (i === 0) row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
  const rates = workbook.addWorksheet(t.rates);
  rates.columns = [{ width: 48 }, { width: 14 }];
  rates.addRow([t.rate, t.value]).font = { bold: true };
  for (const r of RATES) {
    const value = report.totals.rates[r.rate];
    const row = rates.addRow([r[language], value]);
    if (value !== null && !r.days) row.getCell(2).numFmt = '0.0%';
    row.commit();
  }
  rates.commit();
  await workbook.commit();
}
