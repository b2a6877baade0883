import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';

const INDICATORS = ['2.1', '2.2', '3.3', '3.6', '4.1', '4.2', '4.5', '5.4'];

/** Last month in Viet Nam, `YYYY-MM`: a whole month of the demonstration dossiers. */
function lastMonth(): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

test.describe('the citizen-service index', () => {
  test('the auditor opens the index from the report and sees each indicator with its formula', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const auditor = await signedInPage(browser, baseURL, 'auditor@demo.dichvucong.vn');
    const month = lastMonth();
    await auditor.goto(`/reports?month=${month}`);
    await auditor.locator('#service-index-link').click();
    await expect(auditor).toHaveURL(/\/reports\/index/);
    await expect(auditor.getByRole('heading', { level: 1 })).toHaveText('Chỉ số phục vụ người dân, doanh nghiệp');

    await auditor.locator('#index-month').fill(month);
    await auditor.locator('#index-province').selectOption('01');
    await auditor.getByRole('button', { name: 'Xem chỉ số' }).click();
    await expect(auditor).toHaveURL(new RegExp(`month=${month}.*provinceCode=01|provinceCode=01.*month=${month}`));

    // Every indicator, with its formula and a score out of its maximum.
    for (const code of INDICATORS) {
      const line = auditor.locator(`#index-indicators tr[data-indicator="${code}"]`);
      await expect(line.locator('th')).toHaveText(code);
      await expect(line.locator('.index-formula')).not.toBeEmpty();
    }
    await expect(auditor.locator('#index-indicators tr[data-indicator="3.3"] .index-formula')).toContainText(
      'hồ sơ tiếp nhận trực tuyến / tổng hồ sơ tiếp nhận trong kỳ',
    );
    await expect(auditor.locator('#index-cards li')).toHaveCount(6);
    // The demonstration dossiers span every ward: each ranked, the best first.
    const ranks = auditor.locator('#index-ranking tbody tr');
    await expect(ranks).toHaveCount(5);
    await expect(ranks.first().locator('td').first()).toHaveText('1');
    await expectNoAccessibilityViolations(auditor);
    await auditor.context().close();
  });

  test('a signed-out visitor opens the public index and downloads its open data', async ({ page }) => {
    test.setTimeout(60_000);
    const month = lastMonth();
    await page.goto(`/chi-so-phuc-vu?month=${month}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Chỉ số phục vụ người dân, doanh nghiệp theo từng phường, xã',
    );
    await expect(page.locator('#index-ranking tbody tr')).toHaveCount(5);
    await expect(page.locator('#index-indicators tr[data-indicator="5.4"] .index-formula')).toContainText('100 %');
    await expectNoAccessibilityViolations(page);

    const downloading = page.waitForEvent('download');
    await page.locator('#open-data-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^chi-so-phuc-vu_${month}-01_${month}-\\d\\d\\.csv$`));
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toContain('2.1 tử số');
    // A line per ward shown, the same ward first.
    expect(lines).toHaveLength(6);
    const first = await page.locator('#index-ranking tbody tr').first().locator('th').innerText();
    expect(lines[1]).toContain(first);
  });
});
