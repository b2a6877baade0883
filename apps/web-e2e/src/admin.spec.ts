import { expect, test } from '@playwright/test';
import { demoClerk, signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';

test.describe('the administrators’ procedures', () => {
  test('an administrator changes a fee and stops a procedure; citizens see it at once; then it is put back', async ({
    browser,
    baseURL,
    page,
  }) => {
    const admin = await signedInPage(browser, baseURL, 'admin@demo.dichvucong.vn');
    await admin.goto('/admin/procedures');
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Thủ tục hành chính');
    const row = admin.locator('tbody tr', { hasText: 'Đăng ký khai tử' });
    await expect(row).toContainText('Đang tiếp nhận');
    await expect(row).toContainText('5.000 ₫');
    await expectNoAccessibilityViolations(admin);

    await row.getByRole('link', { name: /Đăng ký khai tử/ }).click();
    await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai tử');
    const lateFee = admin.getByLabel(/quá hạn/);
    await lateFee.fill('-5');
    await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const summary = admin.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Lệ phí là số đồng nguyên');
    await expect(lateFee).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(admin);

    await lateFee.fill('8000');
    await admin.getByLabel('Tạm ngừng tiếp nhận').check();
    await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(admin.getByRole('status')).toHaveText('Đã lưu. Thay đổi áp dụng cho hồ sơ nộp từ bây giờ.');

    // A citizen no longer finds it in the catalogue; its page says it is stopped and offers no start button.
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Đăng ký khai tử' })).toHaveCount(0);
    await page.goto('/procedures/1.000656');
    await expect(page.getByRole('status')).toContainText('tạm ngừng nhận hồ sơ mới');
    await expect(page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' })).toHaveCount(0);
    await expect(page.locator('li', { hasText: 'quá hạn' })).toContainText('8.000 ₫');

    // Put back as it was, for the other tests.
    await admin.reload();
    await admin.getByLabel(/quá hạn/).fill('5000');
    await admin.getByLabel('Đang tiếp nhận').check();
    await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await expect(admin.getByRole('status')).toHaveText('Đã lưu. Thay đổi áp dụng cho hồ sơ nộp từ bây giờ.');
    await admin.getByRole('link', { name: 'Quay lại danh sách thủ tục' }).click();
    await expect(admin.locator('tbody tr', { hasText: 'Đăng ký khai tử' })).toContainText('Đang tiếp nhận');
    await admin.context().close();
  });
});

test.describe('the administrators’ holiday calendar', () => {
  test('an administrator reads a year, adds a day off with the form, and removes it again', async ({
    browser,
    baseURL,
  }) => {
    const admin = await signedInPage(browser, baseURL, 'admin@demo.dichvucong.vn');
    await admin.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: 'Quản trị' }).click();
    await expect(admin).toHaveURL(/\/admin\/procedures$/);
    await admin
      .getByRole('navigation', { name: 'Các trang quản trị' })
      .getByRole('link', { name: 'Lịch nghỉ lễ, Tết' })
      .click();
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
