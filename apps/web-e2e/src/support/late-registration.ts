import { expect, type Page } from '@playwright/test';
import { vietnamDaysAgo } from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { AccountPages } from '../pages/account.pages';
import { ApplicationPages } from '../pages/application.pages';
import { expectNoAccessibilityViolations } from './axe';

const mother = {
  fullName: 'Đỗ Thị Hạnh',
  dateOfBirth: '1994-02-20',
  personalId: '001194033333',
  residence: 'Số 8 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
};
export const SUCCESS_CARD = '9704198526191432198';
export const NO_FUNDS_CARD = '9704195798459170488';

/** A late birth registration (born 90 days ago) with two extra copies posted, up to its receipt. */
export async function aLateRegistrationWithCopies(
  page: Page,
  childName: string,
  email = `pay.${randomUUID().slice(0, 8)}@example.vn`,
): Promise<string> {
  const account = new AccountPages(page);
  await account.register({
    fullName: mother.fullName,
    email,
    password: 'matkhau123',
  });
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/procedures/1.001193');
  await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
  const form = new ApplicationPages(page);
  await form.child(childName, 'female', vietnamDaysAgo(90));
  await form.birthPlace('Bệnh viện Phụ sản Hà Nội', 'Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội');
  await form.origin();
  await form.parent('mother', mother);
  await form.parent('father', 'absent');
  await form.informant('mother', mother.personalId, '0912 345 678');
  await form.ward('Phường Ba Đình – Thành phố Hà Nội');
  await expect(form.heading).toHaveText('Nhận kết quả');
  await expectNoAccessibilityViolations(page);
  await form.delivery({ copies: 2, postTo: 'Số 8 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội' });
  await form.upload('medical_birth_certificate', 'giay-chung-sinh.pdf');
  await form.continue();

  // Check your answers: priced item by item, from the catalogue's fees.
  await expect(form.heading).toHaveText('Kiểm tra thông tin trước khi nộp');
  const fees = page.locator('#fee-table');
  await expect(fees.locator('tbody tr')).toHaveCount(3);
  await expect(fees.locator('tbody tr').nth(0)).toContainText('quá hạn');
  await expect(fees.locator('tbody tr').nth(0)).toContainText('8.000 ₫');
  await expect(fees.locator('tbody tr').nth(1)).toContainText('Bản sao trích lục cấp thêm');
  await expect(fees.locator('tbody tr').nth(1)).toContainText('16.000 ₫');
  await expect(fees.locator('tbody tr').nth(2)).toContainText('bưu điện');
  await expect(fees.locator('tbody tr').nth(2)).toContainText('25.000 ₫');
  await expect(fees.locator('tfoot')).toContainText('49.000 ₫');
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' })).toBeVisible();
  const code = (await page.locator('.panel__code').textContent())?.trim() ?? '';
  await expect(page.locator('.summary-list').getByText('Chờ nộp lệ phí')).toBeVisible();
  return code;
}

/** On the gateway's checkout: a card, then its OTP. */
export async function payByCard(page: Page, number: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.locator('#card-number').fill(number);
  await page.locator('#card-holder').fill('NGUYEN VAN A');
  await page.locator('#card-issue').fill('07/15');
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
  await page.locator('#otp').fill('123456');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
}
