import { expect, test } from '@playwright/test';
import { CataloguePage } from './pages/catalogue.page';
import { ProcedurePage } from './pages/procedure.page';
import { expectNoAccessibilityViolations } from './support/axe';

test.describe('a citizen looks up birth registration', () => {
  test('in Vietnamese, the default: catalogue, then the procedure page with limit, fee and papers', async ({
    page,
  }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(catalogue.heading).toHaveText('Dịch vụ công trực tuyến');
    await expect(page).toHaveTitle(/Dịch vụ công trực tuyến/);

    await catalogue.procedureLink('Đăng ký khai sinh').click();
    const procedure = new ProcedurePage(page);
    await expect(procedure.heading).toHaveText('Đăng ký khai sinh');
    await expect(page).toHaveURL(/\/procedures\/1\.001193$/);
    await expect(procedure.row('Mã thủ tục')).toContainText('1.001193');
    await expect(procedure.row('Mức độ dịch vụ')).toContainText('Dịch vụ công trực tuyến toàn trình');
    await expect(procedure.row('Thời hạn giải quyết')).toContainText('Trong ngày làm việc');
    await expect(procedure.row('Phí, lệ phí')).toContainText('Miễn phí');
    await expect(procedure.row('Phí, lệ phí')).toContainText('8.000 ₫');
    await expect(procedure.papers).toContainText('Giấy chứng sinh');
    await expect(procedure.papers).toContainText('Giấy chứng nhận kết hôn của cha mẹ');
    await expect(procedure.heading).toBeFocused();
  });

  test('in English, after the switch, which the portal remembers', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await catalogue.switchTo('English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(catalogue.heading).toHaveText('Online public services');

    await catalogue.procedureLink('Birth registration').click();
    const procedure = new ProcedurePage(page);
    await expect(procedure.heading).toHaveText('Birth registration');
    await expect(procedure.row('Legal time limit')).toContainText('The same working day');
    await expect(procedure.row('Fees')).toContainText('Free');
    await expect(procedure.papers).toContainText('Medical birth certificate');

    await page.reload();
    await expect(procedure.heading).toHaveText('Birth registration');
    await catalogue.switchTo('Tiếng Việt');
    await expect(procedure.heading).toHaveText('Đăng ký khai sinh');
  });

  test('the linked procedure shows its own three-working-day limit and extra forms', async ({ page }) => {
    const procedure = new ProcedurePage(page);
    await procedure.open('LT.KS-TT-BHYT');
    await expect(procedure.heading).toContainText('Liên thông đăng ký khai sinh');
    await expect(procedure.row('Thời hạn giải quyết')).toContainText('3 ngày làm việc');
    await expect(procedure.papers).toContainText('Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế');
  });

  test('search finds procedures without diacritics and says when nothing matches', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await catalogue.search.fill('dang ky khai sinh');
    await expect(catalogue.count).toHaveText('Tìm thấy 2 thủ tục');
    await catalogue.search.fill('bao hiem y te');
    await expect(catalogue.count).toHaveText('Tìm thấy 1 thủ tục');
    await catalogue.search.fill('giấy phép lái xe');
    await expect(page.getByText('Không có thủ tục nào khớp với từ khóa')).toBeVisible();
  });

  test('an unknown procedure gets a clear page, not an error', async ({ page }) => {
    const procedure = new ProcedurePage(page);
    await procedure.open('does-not-exist');
    await expect(procedure.heading).toHaveText('Không tìm thấy thủ tục');
    await expect(page.getByRole('link', { name: 'Xem danh sách thủ tục' })).toBeVisible();
  });
});

test.describe('quality', () => {
  for (const [name, path] of [
    ['catalogue', '/'],
    ['procedure', '/procedures/1.001193'],
    ['not found', '/procedures/nope'],
  ]) {
    test(`the ${name} page has no axe-core violations`, async ({ page }) => {
      await page.goto(path);
      // The app starts after the first paint and draws the page over the API's first view: check its page.
      await page.locator('dvc-root[ng-version]').waitFor();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAccessibilityViolations(page);
    });
  }

  test('the page the API draws before the scripts is the one the app then draws: nothing moves', async ({
    browser,
  }) => {
    const drawn = [
      '.skip-link',
      '.site-header__brand',
      '.account-nav',
      '.language-switch button',
      '.phase-banner',
      'main .back-link',
      'main .caption',
      'main h1',
      'main .lead',
      'main .narrow > p',
      '#procedure-search',
      '#procedure-count',
      '.procedure-card',
    ];
    /** Where each box of the first view sits and what it says, with the scripts or without them. */
    const boxes = async (path: string, javaScriptEnabled: boolean, width: number) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(path);
      if (javaScriptEnabled) {
        await expect(page.locator('dvc-root[ng-version]')).toBeAttached();
        const drawnLast = { '/': '.procedure-card', '/status': '#code' }[path] ?? 'dvc-summary-list';
        await expect(page.locator(drawnLast).first()).toBeVisible();
        await expect(page.locator('.account-nav a[href="/sign-in"]')).toBeVisible();
      }
      const found = await page.evaluate(
        (selectors) =>
          selectors.flatMap((selector) =>
            Array.from(document.querySelectorAll(selector), (element) => {
              const { x, y, width, height } = element.getBoundingClientRect();
              // The words, not the spaces between boxes (the app's templates drop those; the boxes show the rest).
              const text = (element.textContent ?? '').replace(/\s+/g, '').slice(0, 60);
              return `${selector} @ ${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}: ${text}`;
            }),
          ),
        drawn,
      );
      await context.close();
      return found;
    };
    for (const width of [412, 1280]) {
      for (const path of ['/', '/procedures/1.001193', '/status']) {
        const before = await boxes(path, false, width);
        expect(before.length, path).toBeGreaterThanOrEqual(8);
        expect(await boxes(path, true, width), `${path} at ${width} px`).toEqual(before);
      }
    }
  });

  test('works at 360 px wide without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/procedures/1.001193', '/procedures/LT.KS-TT-BHYT']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('keyboard only: skip link, then to a procedure and its page', async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await catalogue.procedureLink('Đăng ký khai sinh').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  });
});

test('pages run under the strict Content Security Policy without console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible();
  await page.goto('/procedures/1.001193');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai sinh');
  expect(problems).toEqual([]);
});

test('the API documentation renders', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: /Cổng Dịch vụ công — API/ })).toBeVisible();
  await expect(page.getByText('/api/procedures/{code}')).toBeVisible();
});
