import { expect, test } from '@playwright/test';
import { eidProviderUrl } from '../playwright.config';
import { EidPages } from './pages/eid.pages';
import { expectNoAccessibilityViolations } from './support/axe';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('signing in with the national eID (VNeID stand-in)', () => {
  test('a citizen signs in through the eID and finds their verified identity on the account page', async ({ page }) => {
    const eid = new EidPages(page);
    await page.goto('/sign-in');
    await eid.startButton.click();

    await expect(page).toHaveURL(new RegExp(`^${escaped(eidProviderUrl)}/interaction/`));
    await expect(eid.heading).toContainText('Đăng nhập bằng tài khoản định danh điện tử');
    await expectNoAccessibilityViolations(page);
    await eid.signIn('001195004321', 'VNeID@2025');

    await expect(eid.heading).toContainText('Chia sẻ thông tin định danh');
    await expect(page.getByText('Số 27 phố Hoàng Hoa Thám, Phường Ngọc Hà, Thành phố Hà Nội')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await eid.agree();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Xin chào, Lê Thị Hồng Nhung.')).toBeVisible();
    await expect(page.getByText('Đã xác thực định danh')).toBeVisible();
    const identity = page.getByRole('list').filter({ hasText: 'Số định danh cá nhân' });
    await expect(identity).toContainText('••••••••4321');
    await expect(identity).not.toContainText('001195004321');
    await expect(identity).toContainText('02/11/1995');
    await expect(identity).toContainText('Nữ');
    await expect(identity).toContainText('Số 27 phố Hoàng Hoa Thám, Phường Ngọc Hà, Thành phố Hà Nội');
    await expectNoAccessibilityViolations(page);
  });

  test('a citizen who cancels at the eID is told so on the sign-in page, and can go back to where they were', async ({
    page,
  }) => {
    const eid = new EidPages(page);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Faccount$/);
    await eid.startButton.click();
    await expect(eid.heading).toContainText('Đăng nhập bằng tài khoản định danh điện tử');
    await eid.cancel();

    await expect(page).toHaveURL(/\/sign-in\?eid=failed&returnUrl=%2Faccount$/);
    await expect(eid.failureMessage).toContainText('Chưa đăng nhập được bằng định danh điện tử');
    await expect(eid.failureMessage).toBeFocused();
    await expectNoAccessibilityViolations(page);

    // Trying again from the same page: this time the citizen signs in and lands where they were going.
    await eid.startButton.click();
    await eid.signIn('001090012345', 'VNeID@2025');
    await eid.agree();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Xin chào, Trần Minh Khoa.')).toBeVisible();
  });
});
