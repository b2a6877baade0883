import { expect, test } from '@playwright/test';
import { demoClerk, signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';

test.describe('the administrators’ holiday calendar', () => {
  test('an administrator reads a year, adds a day off with the form, and removes it again', async ({
    browser,
    baseURL,
  }) => {
    const admin = await signedInPage(browser, baseURL, 'admin@demo.dichvucong.vn');
    await admin.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: 'Quản trị' }).click();
    await expect(admin).toHaveURL(/\/admin\/holidays$/);
    await admin.getByRole('link', { name: '2027 ›' }).click();
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Lịch nghỉ lễ, Tết năm 2027');
    const table = admin.locator('table.table');
    await expect(table.locator('tbody tr')).toHaveCount(11);
    await expect(table).toContainText('Tết Nguyên đán Đinh Mùi');
    await expectNoAccessibilityViolations(admin);

    const add = admin.getByRole('button', { name: 'Thêm vào lịch nghỉ' });
    await add.click();
    const summary = admin.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Vui lòng nhập thông tin này.');
    await expect(admin.locator('#day')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(admin);

    await admin.locator('#day').fill('2027-12-31');
    await admin.locator('#name').fill('Ngày nghỉ thử nghiệm');
    await admin.locator('#nameEn').fill('Trial day off');
    await add.click();
    await expect(admin.getByRole('status')).toHaveText('Đã thêm ngày 31/12/2027 vào lịch nghỉ.');
    await expect(table.locator('tbody tr')).toHaveCount(12);
    const row = table.locator('tbody tr', { hasText: '31/12/2027' });
    await expect(row).toContainText('Ngày nghỉ thử nghiệm');

    // The same day again: the API's answer is shown against the field.
    await admin.locator('#day').fill('2027-12-31');
    await admin.locator('#name').fill('Lần nữa');
    await admin.locator('#nameEn').fill('Again');
    await add.click();
    await expect(summary).toContainText('Ngày này đã có trong lịch nghỉ.');

    await row.getByRole('button', { name: 'Xóa 31/12/2027' }).click();
    await expect(admin.getByRole('status')).toHaveText('Đã xóa ngày 31/12/2027 khỏi lịch nghỉ.');
    await expect(table.locator('tbody tr')).toHaveCount(11);
    await admin.context().close();
  });

  test('is for administrators only', async ({ browser, baseURL, page }) => {
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    await expect(clerk.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
    await clerk.goto('/admin/holidays');
    await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Bạn không có quyền truy cập trang này');
    await clerk.context().close();

    await page.goto('/admin/holidays?year=2026');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fadmin%2Fholidays%3Fyear%3D2026$/);
  });
});
