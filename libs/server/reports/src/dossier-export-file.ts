import { stringify, type Stringifier } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { DossierExportFormat, Language, ReportColumn, ReportDossierRow } from '@portal/contracts';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** An XLSX sheet holds at most 1,048,576 rows: a longer list goes on to the next sheet. */
export const ROWS_PER_SHEET = 1_000_000;

/** Which dossiers a file lists, in words, for its heading. */
const FIGURES: Record<ReportColumn, { vi: string; en: string }> = {
  receivedTotal: {
    vi: 'Tổng số hồ sơ tiếp nhận (kể cả kỳ trước chuyển qua)',
    en: 'Received in all (with those carried over)',
  },
  receivedOnline: { vi: 'Hồ sơ tiếp nhận trực tuyến', en: 'Received online' },
  receivedInPerson: { vi: 'Hồ sơ tiếp nhận trực tiếp, qua bưu chính', en: 'Received in person or by post' },
  receivedCounter: { vi: 'Hồ sơ tiếp nhận trực tiếp', en: 'Received at the counter' },
  receivedPost: { vi: 'Hồ sơ tiếp nhận qua bưu chính', en: 'Received by post' },
  carriedOver: { vi: 'Hồ sơ kỳ trước chuyển qua', en: 'Carried over from before the period' },
  resolvedTotal: { vi: 'Hồ sơ đã giải quyết', en: 'Resolved' },
  resolvedEarly: { vi: 'Hồ sơ giải quyết trước hạn', en: 'Resolved early' },
  resolvedOnTime: { vi: 'Hồ sơ giải quyết đúng hạn', en: 'Resolved on time' },
  resolvedOverdue: { vi: 'Hồ sơ giải quyết quá hạn', en: 'Resolved overdue' },
  inProgressTotal: { vi: 'Hồ sơ đang giải quyết', en: 'In progress' },
  inProgressWithinTime: { vi: 'Hồ sơ đang giải quyết trong hạn', en: 'In progress, within time' },
  inProgressOverdue: { vi: 'Hồ sơ đang giải quyết quá hạn', en: 'In progress, overdue' },
  feeBearing: { vi: 'Hồ sơ có phí, lệ phí', en: 'With a fee' },
  paidOnline: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Paid online' },
  approved: { vi: 'Hồ sơ có kết quả', en: 'With a result' },
  electronicResult: { vi: 'Hồ sơ có kết quả điện tử', en: 'With an electronic result' },
  supplementRequested: { vi: 'Hồ sơ phải bổ sung giấy tờ', en: 'Asked for more papers' },
  refused: { vi: 'Hồ sơ bị từ chối', en: 'Refused' },
};

const CHANNELS: Record<string, { vi: string; en: string }> = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  counter: { vi: 'Trực tiếp', en: 'At the counter' },
  post: { vi: 'Bưu chính', en: 'By post' },
};

const STATUSES: Record<string, { vi: string; en: string }> = {
  new: { vi: 'Mới nộp, chờ tiếp nhận', en: 'Submitted, waiting to be received' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  refused: { vi: 'Không tiếp nhận', en: 'Not received' },
  processing: { vi: 'Đang xử lý', en: 'Being processed' },
  supplement_requested: { vi: 'Cần bổ sung giấy tờ', en: 'More papers needed' },
  awaiting_payment: { vi: 'Chờ nộp lệ phí', en: 'Waiting for the fee' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  stopped: { vi: 'Dừng xử lý', en: 'Stopped' },
  processed: { vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result delivered' },
};

const TEXT = {
  vi: {
    title: (figure: string) => `DANH SÁCH HỒ SƠ: ${figure.toUpperCase()}`,
    period: (from: string, to: string) => `Kỳ báo cáo: từ ngày ${from} đến ngày ${to}`,
    count: (n: number) => `Số hồ sơ: ${n.toLocaleString('vi-VN')}`,
    sheet: (n: number) => (n === 1 ? 'Hồ sơ' : `Hồ sơ (${n})`),
    header: ['STT', 'Mã hồ sơ', 'Thủ tục', 'Đơn vị', 'Kênh nộp', 'Trạng thái', 'Tiếp nhận', 'Hạn trả', 'Hoàn thành'],
  },
  en: {
    title: (figure: string) => `DOSSIERS: ${figure.toUpperCase()}`,
    period: (from: string, to: string) => `Period: ${from} to ${to}`,
    count: (n: number) => `Dossiers: ${n.toLocaleString('en-GB')}`,
    sheet: (n: number) => (n === 1 ? 'Dossiers' : `Dossiers (${n})`),
    header: ['No.', 'Code', 'Procedure', 'Unit', 'Channel', 'Status', 'Received', 'Due', 'Finished'],
  },
};

const shownDay = (day: string) => day.split('-').reverse().join('/');
const VIET_NAM_OFFSET_MS = 7 * 3600 * 1000;

/** A moment as Viet Nam's clock shows it, `2026-11-30 14:05`, for a CSV a spreadsheet reads as a date. */
function vietnamTime(iso: string | null): string {
  return iso ? new Date(Date.parse(iso) + VIET_NAM_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '';
}

/** A moment as an XLSX date cell showing Viet Nam's time (a sheet's dates carry no time zone). */
function vietnamDate(iso: string | null): Date | null {
  return iso ? new Date(Date.parse(iso) + VIET_NAM_OFFSET_MS) : null;
}

export function dossierExportFileName(
  column: ReportColumn,
  period: { from: string; to: string },
  format: DossierExportFormat,
): string {
  return `ho-so_${column}_${period.from}_${period.to}.${format}`;
}

export interface DossierFileHeading {
  column: ReportColumn;
  period: { from: string; to: string };
  total: number;
}

/**
 * Writes a list of dossiers to `out` a batch at a time, in flat memory: CSV (UTF-8 with a byte-order mark)
 * through csv-stringify, waiting for the file to drain; XLSX through exceljs' streaming writer, every row
 * committed as it is added, a new sheet every `rowsPerSheet` rows. The heading says which figure, which
 * period and how many; the columns are the drill-down's.
 */
export class DossierFileWriter {
  private csv?: Stringifier;
  private workbook?: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet?: ExcelJS.Worksheet;
  private sheets = 0;
  private inSheet = 0;
  private written = 0;
  private readonly finished: Promise<void>;

  constructor(
    private readonly out: Writable,
    private readonly format: DossierExportFormat,
    private readonly language: Language,
    private readonly heading: DossierFileHeading,
    private readonly rowsPerSheet = ROWS_PER_SHEET,
  ) {
    this.finished = new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
    });
    // Whatever fails later is reported by finish(); an early error is not left unhandled meanwhile.
    this.finished.catch(() => undefined);
    if (format === 'csv') {
      this.csv = stringify({ bom: true });
      this.csv.once('error', (error) => out.destroy(error));
      this.csv.pipe(out);
      for (const line of this.headingLines()) this.csv.write(line);
      this.csv.write(TEXT[language].header);
    } else {
      this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
      this.workbook.creator = 'Cổng Dịch vụ công';
    }
  }

  /** Adds a batch; resolves when the file can take more. */
  async write(rows: readonly ReportDossierRow[]): Promise<void> {
    const l = this.language;
    for (const row of rows) {
      this.written += 1;
      const cells = [
        this.written,
        row.code,
        row.procedureName[l],
        row.unitName[l],
        CHANNELS[row.channel]?.[l] ?? row.channel,
        STATUSES[row.status]?.[l] ?? row.status,
      ];
      if (this.csv) {
        const more = this.csv.write([
          ...cells,
          vietnamTime(row.receivedAt),
          vietnamTime(row.dueAt),
          vietnamTime(row.finishedAt),
        ]);
        if (!more) await once(this.csv, 'drain');
        continue;
      }
      const sheet = !this.sheet || this.inSheet >= this.rowsPerSheet ? this.newSheet() : this.sheet;
      const sheetRow = sheet.addRow([
        ...cells,
        vietnamDate(row.receivedAt),
        vietnamDate(row.dueAt),
        vietnamDate(row.finishedAt),
      ]);
      sheetRow.commit();
      this.inSheet += 1;
    }
    // exceljs writes into its zip stream without asking; wait here for the file to catch up.
    if (this.workbook && this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Ends the file; resolves when every byte is written. */
  async finish(): Promise<void> {
    if (this.csv) this.csv.end();
    if (this.workbook) {
      (this.sheet ?? this.newSheet()).commit();
      await this.workbook.commit();
    }
    await this.finished;
  }

  private headingLines(): string[][] {
    const t = TEXT[this.language];
    const { column, period, total } = this.heading;
    return [
      [t.title(FIGURES[column][this.language])],
      [t.period(shownDay(period.from), shownDay(period.to))],
      [t.count(total)],
    ];
  }

  private newSheet(): ExcelJS.Worksheet {
    if (!this.workbook) throw new Error('DossierFileWriter: a CSV has no sheets');
    this.sheet?.commit();
    this.sheets += 1;
    this.inSheet = 0;
    const t = TEXT[this.language];
    const sheet = this.workbook.addWorksheet(t.sheet(this.sheets), { views: [{ state: 'frozen', ySplit: 4 }] });
    sheet.columns = [
      { width: 8 },
      { width: 22 },
      { width: 36 },
      { width: 28 },
      { width: 14 },
      { width: 26 },
      ...[0, 1, 2].map(() => ({ width: 17, style: { numFmt: 'dd/mm/yyyy hh:mm' } })),
    ];
    const [title, ...rest] = this.headingLines();
    sheet.addRow(title).font = { bold: true };
    for (const line of rest) sheet.addRow(line);
    const header = sheet.addRow(t.header);
    header.font = { bold: true };
    this.sheet = sheet;
    return sheet;
  }
}
