import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';

const FIGURES = [
  'receivedTotal',
  'receivedOnline',
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

/** Last month in Viet Nam, `YYYY-MM`: a whole month of the demonstration dossiers. */
function lastMonth(): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

async function figuresOf(line: Locator): Promise<Record<(typeof FIGURES)[number], number>> {
  const entries = await Promise.all(
    FIGURES.map(async (column) => [column, Number(await line.locator(`[data-column="${column}"]`).innerText())]),
  );
  return Object.fromEntries(entries);
}

async function showReport(page: Page, month: string, place: string) {
  await page.locator('#period-month').check();
  await page.locator('#report-month').fill(month);
  await page.locator('#report-place').selectOption(place);
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
}

test.describe('the auditors’ reports', () => {
  test('the auditor opens a month’s form 06, narrows it to a ward, opens the overdue figure’s dossiers and exports it', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const auditor = await signedInPage(browser, baseURL, 'auditor@demo.dichvucong.vn');
    await auditor.goto('/office');
    await auditor.getByRole('link', { name: 'Báo cáo giải quyết hồ sơ' }).click();
    await expect(auditor.getByRole('heading', { level: 1 })).toHaveText(
      'Báo cáo tình hình giải quyết thủ tục hành chính',
    );

    // A month of every ward: a line per ward and procedure under the totals.
    const month = lastMonth();
    await showReport(auditor, month, '');
    await expect(auditor.locator('#report-period')).toContainText(`/${month.slice(5, 7)}/${month.slice(0, 4)}`);
    const lines = auditor.locator('#form06 tbody tr');
    await expect(lines.first()).toHaveAttribute('data-line', 'total');
    // The last twelve months, and the wards compared: each a chart with its figures in a table beside it.
    await expect(auditor.locator('#report-trend tbody tr')).toHaveCount(12);
    await expect(auditor.locator('#wards-compared tbody tr')).not.toHaveCount(0);
    await expect(auditor.locator('dvc-report-chart svg')).toHaveCount(2);
    await expect(auditor.locator('dvc-report-chart svg').first()).toBeVisible();
    await expectNoAccessibilityViolations(auditor);
    // The ward with the most overdue dossiers that month (resolved late, or still open past the due date).
    let best = { unit: '', column: 'resolvedOverdue' as (typeof FIGURES)[number], count: 0 };
    for (const line of await lines.all()) {
      const key = (await line.getAttribute('data-line')) ?? '';
      if (key === 'total') continue;
      const figures = await figuresOf(line);
      for (const column of ['resolvedOverdue', 'inProgressOverdue'] as const)
        if (figures[column] > best.count) best = { unit: key.split(':')[0], column, count: figures[column] };
    }
    expect(best.count).toBeGreaterThan(0);

    // Narrowed to that ward; the figure opens the dossiers behind it, as many as it says.
    await showReport(auditor, month, `unit:${best.unit}`);
    await expect(auditor).toHaveURL(new RegExp(`unitCode=${best.unit}`));
    const total = auditor.locator('#form06 tr[data-line="total"]');
    const figures = await figuresOf(total);
    expect(figures.receivedTotal).toBe(
      figures.receivedOnline + figures.receivedCounter + figures.receivedPost + figures.carriedOver,
    );
    expect(figures.resolvedTotal).toBe(figures.resolvedEarly + figures.resolvedOnTime + figures.resolvedOverdue);
    const overdue = figures[best.column];
    expect(overdue).toBeGreaterThan(0);
    await total.locator(`[data-column="${best.column}"] a`).click();
    await expect(auditor.locator('#report-dossiers-total')).toContainText(`${overdue} hồ sơ`);
    await expect(auditor.locator('#report-dossiers tbody tr')).toHaveCount(Math.min(overdue, 50));
    await expectNoAccessibilityViolations(auditor);
    await auditor.goBack();

    // The XLSX holds the figures on screen (read back with exceljs).
    const downloading = auditor.waitForEvent('download');
    await auditor.locator('#export-xlsx').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^bao-cao-06_${month}-01_${month}-\\d\\d\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    // Row values are 1-based, as the columns: the index found is the column's number.
    const header = Array.from(sheet.getRow(4).values as unknown[], (h) => String(h ?? ''));
    const cell = (number: string) =>
      Number(sheet.getRow(5).getCell(header.findIndex((h) => h.startsWith(`(${number})`))).value);
    expect(cell('3')).toBe(figures.receivedTotal);
    expect(cell('5a')).toBe(figures.receivedCounter);
    expect(cell('10')).toBe(figures.resolvedOverdue);
    expect(cell('13')).toBe(figures.inProgressOverdue);

    // The print view is laid out as the form.
    await auditor.getByRole('link', { name: 'Bản in theo mẫu 06' }).click();
    await expect(auditor.getByText('Biểu số 06/VPCP/KSTT')).toBeVisible();
    await expect(auditor.locator('#form06-print thead .number-row th')).toHaveCount(13);
    await auditor.context().close();
  });

  test('the auditor exports a year of the country’s dossiers in the background: a progress bar, then the file', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const auditor = await signedInPage(browser, baseURL, 'auditor@demo.dichvucong.vn');
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    await auditor.goto(`/reports/dossiers?year=${year}&column=receivedTotal`);
    const totalText = await auditor.locator('#report-dossiers-total').innerText();
    const count = Number(/^([\d.,]+) hồ sơ/.exec(totalText)?.[1].replace(/[.,]/g, ''));
    expect(count).toBeGreaterThan(50);

    await auditor.locator('#export-list-xlsx').click();
    const progress = auditor.locator('dvc-export-progress');
    await expect(progress.locator('progress')).toBeVisible();
    await expect(progress.getByRole('status')).toBeVisible();
    const link = progress.locator('a.export-download');
    await expect(link).toBeVisible({ timeout: 60_000 });
    await expect(progress.locator('progress')).toHaveAttribute('value', String(count));
    await expect(progress).toContainText(`${count.toLocaleString('vi')} trên ${count.toLocaleString('vi')} hồ sơ`);
    await expectNoAccessibilityViolations(auditor);
    const downloading = auditor.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`ho-so_receivedTotal_${year}-01-01_${year}-12-31.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('DANH SÁCH HỒ SƠ: TỔNG SỐ HỒ SƠ TIẾP NHẬN (KỂ CẢ KỲ TRƯỚC CHUYỂN QUA)');
    // The heading's four lines, then a line per dossier: as many as the figure, the first the list's first.
    expect(sheet.actualRowCount - 4).toBe(count);
    const firstCode = await auditor.locator('#report-dossiers tbody tr').first().locator('td').first().innerText();
    expect(sheet.getRow(5).getCell(2).value).toBe(firstCode);

    // Kept under "your exports", with its link, for the days it is kept.
    await auditor.getByRole('link', { name: 'Các tệp đã xuất' }).click();
    await expect(auditor.getByRole('heading', { level: 1 })).toHaveText('Các tệp đã xuất');
    await expect(auditor.locator('#exports li').first().locator('a.export-download')).toBeVisible();
    await expectNoAccessibilityViolations(auditor);
    await auditor.context().close();
  });
});
