import { expect, test } from '@playwright/test';
import { demoClerk, OfficeInboxPage, signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';
import { aLateRegistrationWithCopies, NO_FUNDS_CARD, payByCard, SUCCESS_CARD } from './support/late-registration';

test.describe('paying the fee online', () => {
  test('a late registration with two copies posted is priced item by item, paid by card, and the ward sees it paid', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const code = await aLateRegistrationWithCopies(page, 'Lê Ngọc Diệp');

    // Right after submitting: the fee, line by line, and the button to pay it.
    const panel = page.locator('section[aria-labelledby="pay-title"]');
    await expect(panel).toContainText('49.000 ₫');
    await expectNoAccessibilityViolations(page);

    // A declined card: back on the dossier, still awaiting payment, with a way to try again.
    await panel.getByRole('button', { name: 'Thanh toán 49.000 ₫' }).click();
    await expect(page).toHaveURL(/\/paymentv2\/checkout\//);
    await expect(page.getByText('49.000')).toBeVisible();
    await payByCard(page, NO_FUNDS_CARD);
    await expect(page).toHaveURL(new RegExp(`/dossiers/${code}\\?payment=DVC\\d+`));
    await expect(page.locator('#payment-result')).toContainText('Thanh toán không thành công');
    await expect(page.locator('.summary-list').getByText('Chờ nộp lệ phí')).toBeVisible();
    await expect(page.locator('#payments')).toContainText('Không thành công');

    // Cancelled at the gateway: the same.
    await page.getByRole('button', { name: 'Thanh toán lại 49.000 ₫' }).click();
    await expect(page).toHaveURL(/\/paymentv2\/checkout\//);
    await page.getByRole('button', { name: 'Hủy thanh toán' }).click();
    await expect(page.locator('#payment-result')).toContainText('Bạn đã hủy thanh toán');
    await expect(page.locator('.summary-list').getByText('Chờ nộp lệ phí')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Paid by card: back on the dossier page, paid, with the amount.
    await page.getByRole('button', { name: 'Thanh toán lại 49.000 ₫' }).click();
    await payByCard(page, SUCCESS_CARD);
    await expect(page.locator('#payment-result')).toContainText('Đã thanh toán 49.000 ₫');
    await expect(page.locator('.summary-list').getByText('Mới nộp, chờ tiếp nhận')).toBeVisible();
    await expect(page.locator('#payments tbody tr')).toHaveCount(3);
    await expect(page.locator('#payments tbody tr').first()).toContainText('Đã thanh toán');
    await expect(page.locator('section[aria-labelledby="pay-title"]')).toHaveCount(0);
    await expectNoAccessibilityViolations(page);

    // The clerk sees it in the inbox as paid, and the payment's history on the dossier.
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    const inbox = new OfficeInboxPage(clerk);
    await inbox.open();
    await inbox.search(code);
    await expect(inbox.row(code)).toContainText('Đã nộp lệ phí');
    await expect(inbox.row(code)).toContainText('49.000 ₫');
    const dossier = await inbox.openDossier(code);
    await expect(clerk.locator('dvc-office-payments')).toContainText('Đã thanh toán');
    await expect(clerk.locator('dvc-office-payments')).toContainText('Thanh toán thành công');
    await expect(dossier.heading).toBeVisible();
    await expectNoAccessibilityViolations(clerk);
    await clerk.context().close();
  });

  test('a dossier not yet paid waits in its own inbox tab', async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const code = await aLateRegistrationWithCopies(page, 'Lê Ngọc Hân');
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    const inbox = new OfficeInboxPage(clerk);
    await inbox.open();
    await inbox.tab('Chờ nộp lệ phí').click();
    await expect(clerk.getByRole('heading', { level: 2, name: 'Chờ nộp lệ phí' })).toBeVisible();
    await expect(inbox.row(code)).toContainText('Chờ nộp lệ phí');
    await clerk.context().close();
  });
});
