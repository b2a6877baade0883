import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { demoClerk, demoLeader, OfficeInboxPage, signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';
import { aLateRegistrationWithCopies, payByCard, SUCCESS_CARD } from './support/late-registration';
import { mailTo } from './support/mail';
import { randomUUID } from 'node:crypto';

/** The first page of a PDF as pixels (`pdftoppm`, binary PPM), and the QR code in it (`jsqr`). */
function qrCodeOf(pdfPath: string): string | undefined {
  const prefix = join(mkdtempSync(join(tmpdir(), 'portal-qr-')), 'page');
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // "P6\n<width> <height>\n255\n" then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) return undefined;
  const [all, width, height] = [header[0], Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(all.length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgb[i * 3];
    rgba[i * 4 + 1] = rgb[i * 3 + 1];
    rgba[i * 4 + 2] = rgb[i * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data;
}

test.describe('the signed electronic result', () => {
  test('paid, processed and signed: the citizen downloads the signed extract, its QR code proves it genuine', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const child = 'Hoàng Ngọc Ánh Dương';
    const email = `result.${randomUUID().slice(0, 8)}@example.vn`;
    const code = await aLateRegistrationWithCopies(page, child, email);
    await page.getByRole('button', { name: 'Thanh toán 49.000 ₫' }).click();
    await payByCard(page, SUCCESS_CARD);
    await expect(page.locator('#payment-result')).toContainText('Đã thanh toán 49.000 ₫');
    // The e-mail that says the fee is received carries the signed receipt.
    await expect
      .poll(
        async () =>
          (await mailTo(page, email))
            .filter((m) => m.subject === `Đã nhận lệ phí của hồ sơ ${code}`)
            .flatMap((m) => m.attachments.map((a) => `${a.contentType} ${a.fileName}`)),
        { timeout: 30_000 },
      )
      .toEqual([expect.stringMatching(/^application\/pdf BL-\d{4}-\d{6}\.pdf$/)]);

    // The ward works it and the leader signs.
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    const inbox = new OfficeInboxPage(clerk);
    await inbox.open();
    await inbox.search(code);
    const dossier = await inbox.openDossier(code);
    await dossier.act('Tiếp nhận hồ sơ', 'Đã tiếp nhận hồ sơ.');
    await dossier.act('Nhận xử lý hồ sơ', 'Bạn đã nhận xử lý hồ sơ.');
    await dossier.act('Đề xuất phê duyệt', 'Đã gửi đề xuất phê duyệt tới lãnh đạo.');
    const leader = await signedInPage(browser, baseURL, demoLeader);
    const leaderInbox = new OfficeInboxPage(leader);
    await leaderInbox.open();
    await leaderInbox.tab('Chờ ký duyệt').click();
    await leaderInbox.search(code);
    const toSign = await leaderInbox.openDossier(code);
    await toSign.act('Ký duyệt', 'Đã ký duyệt hồ sơ.');

    // The worker issues the extract; the citizen's page offers it.
    await expect(async () => {
      await page.goto(`/dossiers/${code}`);
      await expect(page.locator('#result')).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 60_000 });
    await expectNoAccessibilityViolations(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải kết quả (PDF có chữ ký số)' }).click();
    const download = await downloading;
    const dir = mkdtempSync(join(tmpdir(), 'portal-result-'));
    const file = join(dir, 'trich-luc.pdf');
    await download.saveAs(file);

    // Checked by tools that owe nothing to the portal: the text, the signature, the QR code.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(child);
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    const personalId = /\b(001[0-9]{9})\b/.exec(text)?.[1];
    expect(personalId).toMatch(/^0013\d{8}$/);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid');
    const target = qrCodeOf(file);
    expect(target).toMatch(/\/verify\/[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Downloaded: returned. The citizen rates the service; the ward's leader reads it.
    await page.reload();
    await expect(page.locator('.summary-list').getByText('Đã trả kết quả')).toBeVisible();
    await page.getByLabel('Rất hài lòng (5)').check();
    await page.getByLabel('Góp ý của bạn').fill('Nhận kết quả ngay trên mạng, không phải đi lại.');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect(page.locator('#rating-saved')).toContainText('Cảm ơn bạn đã đánh giá: 5/5.');
    await expectNoAccessibilityViolations(page);
    await leader.goto('/office/ratings');
    await expect(leader.locator('tbody tr', { hasText: code })).toContainText('Nhận kết quả ngay trên mạng');

    // The two copies are on the ward's print list: printed, then posted to the address given.
    await clerk.goto('/office');
    await clerk.getByRole('link', { name: 'Danh sách in bản giấy' }).click();
    const toPrint = clerk.locator('#print-list tbody tr', { hasText: code });
    await expect(toPrint.locator('.print-copies')).toHaveText('2');
    await expect(toPrint).toContainText('Số 8 phố Kim Mã');
    await expectNoAccessibilityViolations(clerk);
    await toPrint.getByRole('button', { name: 'Đánh dấu đã in' }).click();
    await expect(clerk.locator('.notice--success')).toContainText(`Đã đánh dấu in xong bản giấy của hồ sơ ${code}.`);
    await clerk.getByRole('link', { name: /^Đã in, chờ trao hoặc gửi/ }).click();
    const printed = clerk.locator('#print-list tbody tr', { hasText: code });
    await printed.getByLabel('Số hiệu bưu gửi (nếu có)').fill('EB123456789VN');
    await printed.getByRole('button', { name: 'Đã gửi bưu chính' }).click();
    await expect(clerk.locator('.notice--success')).toContainText(
      `Đã ghi nhận gửi bưu chính bản giấy của hồ sơ ${code}.`,
    );
    await clerk.getByRole('link', { name: /^Đã trao hoặc đã gửi/ }).click();
    await expect(clerk.locator('#print-list tbody tr', { hasText: code })).toContainText('EB123456789VN');

    // The QR code's page, signed out: genuine, by whom; the file checks out, one changed byte does not.
    const visitor = await browser.newPage();
    await visitor.goto(new URL(new URL(target ?? '').pathname, baseURL).toString());
    await expect(visitor.locator('#verify-genuine')).toContainText('Ủy ban nhân dân Phường Ba Đình');
    await expect(visitor.getByText(child)).toBeVisible();
    await expectNoAccessibilityViolations(visitor);
    await visitor.locator('#verify-file').setInputFiles(file);
    await visitor.locator('#verify-check').click();
    await expect(visitor.locator('#verify-file-result')).toContainText('đúng là văn bản đã cấp');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const changed = join(dir, 'trich-luc-sua.pdf');
    writeFileSync(changed, bytes);
    expect(execFileSync('sh', ['-c', `pdfsig "${changed}" || true`], { encoding: 'utf8' })).not.toContain(
      'Signature is Valid',
    );
    await visitor.locator('#verify-file').setInputFiles(changed);
    await visitor.locator('#verify-check').click();
    await expect(visitor.locator('#verify-file-result')).toContainText('không phải là văn bản đã cấp');
    await visitor.close();
    await clerk.context().close();
    await leader.context().close();
  });
});
