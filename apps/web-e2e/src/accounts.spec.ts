import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { AccountPages } from './pages/account.pages';
import { CataloguePage } from './pages/catalogue.page';
import { expectNoAccessibilityViolations } from './support/axe';

const password = 'matkhau123';
const email = () => `e2e.${randomUUID().slice(0, 8)}@example.vn`;

test.describe('a citizen account', () => {
  test('a new citizen registers, lands on their account, signs out and signs in again', async ({ page }) => {
    const account = new AccountPages(page);
    const address = email();
    await account.register({ fullName: 'Trần Thị Mai', email: address, password });
    await expect(page).toHaveURL(/\/account$/);
    await expect(account.heading).toHaveText('Tài khoản của bạn');
    await expect(page.getByText('Xin chào, Trần Thị Mai.')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await account.signOut('Đăng xuất');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();

    await account.signIn(address.toUpperCase(), password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('link', { name: 'Trần Thị Mai' })).toBeVisible();
  });

  test('the form shows every problem at once, in a summary linked to the fields', async ({ page }) => {
    const account = new AccountPages(page);
    await account.register({ fullName: 'Tran 2', email: 'khong-hop-le', password: 'ngan', confirmation: 'khac' });
    await expect(account.errorSummary).toBeFocused();
    await expect(account.errorSummary).toContainText('Có lỗi cần sửa');
    await expect(account.errorSummary).toContainText('Họ và tên chỉ gồm chữ cái tiếng Việt');
    await expect(account.errorSummary).toContainText('Địa chỉ thư điện tử không đúng');
    await expect(account.errorSummary).toContainText('Mật khẩu cần từ 8 đến 128 ký tự');
    await expect(account.errorSummary).toContainText('Hai mật khẩu chưa khớp nhau');
    await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(page);

    await account.errorSummary.getByRole('link', { name: /Địa chỉ thư điện tử/ }).click();
    await expect(page.locator('#email')).toBeFocused();
  });

  test('the server refuses a second account with the same address, in English', async ({ page }) => {
    const address = email();
    const account = new AccountPages(page);
    await account.register({ fullName: 'Lê Văn Hùng', email: address, password });
    await expect(page).toHaveURL(/\/account$/);
    await account.signOut('Đăng xuất');

    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await catalogue.switchTo('English');
    await account.register({ fullName: 'Lê Văn Hùng', email: address, password });
    await expect(account.errorSummary).toContainText(
      'This e-mail address or phone number already belongs to an account.',
    );
  });

  test('a wrong password gets one plain message, and the account page needs a sign-in', async ({ page }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Faccount$/);
    const account = new AccountPages(page);
    await account.signIn('citizen@demo.dichvucong.vn', 'sai-mat-khau-1');
    await expect(account.errorSummary).toContainText('Thư điện tử, số điện thoại hoặc mật khẩu không đúng.');
    await expectNoAccessibilityViolations(page);
  });

  test('the demo citizen signs in with the keyboard only', async ({ page }) => {
    await page.goto('/sign-in?returnUrl=%2Faccount');
    await page.locator('#login').focus();
    await page.keyboard.type('citizen@demo.dichvucong.vn');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Demo@2025');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Xin chào, Nguyễn Văn An.')).toBeVisible();
  });

  test('the account pages fit a 360 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/register', '/sign-in']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
