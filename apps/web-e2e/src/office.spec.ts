import { expect, test, type Page } from '@playwright/test';
import { vietnamDaysAgo } from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { e2eDatabaseUrl } from '../playwright.config';
import { AccountPages } from './pages/account.pages';
import { ApplicationPages, pdf } from './pages/application.pages';
import { demoClerk, demoLeader, OfficeDossierPage, OfficeInboxPage, signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';

const mother = {
  fullName: 'Đỗ Thị Lan',
  dateOfBirth: '1996-03-08',
  personalId: '001196034567',
  residence: 'Số 3 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
};

/** A citizen registers and applies for birth registration at Phường Ba Đình (mother named, one paper); the code. */
async function citizenApplies(page: Page, childName: string): Promise<string> {
  const email = `office.${randomUUID().slice(0, 8)}@example.vn`;
  await new AccountPages(page).register({ fullName: mother.fullName, email, password: 'matkhau123' });
  await expect(page).toHaveURL(/\/account$/);
  await page.goto('/apply/1.001193');
  const form = new ApplicationPages(page);
  await expect(form.heading).toHaveText('Thông tin của trẻ');
  await form.child(childName, 'female', vietnamDaysAgo(9));
  await form.birthPlace('Bệnh viện Phụ sản Hà Nội', 'Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội');
  await form.origin();
  await form.parent('mother', mother);
  await form.parent('father', 'absent');
  await form.informant('mother', mother.personalId, '0912 777 888');
  await form.ward('Phường Ba Đình – Thành phố Hà Nội');
  await form.delivery();
  await expect(form.heading).toHaveText('Giấy tờ kèm theo');
  await form.upload('medical_birth_certificate', 'giay-chung-sinh.pdf');
  await form.continue();
  await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' })).toBeVisible();
  return (await page.locator('.panel__code').textContent())?.trim() ?? '';
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('the back office of a ward', () => {
  test('a clerk receives a dossier and asks for a paper, the citizen sends it, the leader signs, the citizen sees the result', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const code = await citizenApplies(page, 'Lương Khánh Linh');
    expect(code).toMatch(/^HS-01-\d{6}-\d{6}$/);

    // The clerk, in a browser of her own, finds it among the dossiers to receive.
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    await clerk.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: 'Văn phòng' }).click();
    const inbox = new OfficeInboxPage(clerk);
    await expect(inbox.heading).toHaveText('Hồ sơ của phường');
    await expect(inbox.tab('Chờ tiếp nhận')).toHaveAttribute('aria-current', 'page');
    await expect(inbox.tab('Chờ tiếp nhận')).toHaveText(/\(\d+\)/);
    await inbox.search(code);
    await expect(inbox.row(code)).toContainText('Lương Khánh Linh');
    await expect(inbox.row(code)).toContainText('Mới nộp, chờ tiếp nhận');
    await expectNoAccessibilityViolations(clerk);
    await clerk.setViewportSize({ width: 360, height: 740 });
    expect(await overflow(clerk)).toBeLessThanOrEqual(0);
    await clerk.setViewportSize({ width: 1280, height: 720 });

    // The dossier: the application as submitted, and the paper shown in the page on request.
    const dossier = await inbox.openDossier(code);
    await expect(dossier.fact('Trạng thái')).toContainText('Mới nộp, chờ tiếp nhận');
    await expect(clerk.getByRole('heading', { name: 'Thông tin người mẹ' })).toBeVisible();
    await expect(clerk.getByText('Không khai thông tin người cha (chưa xác định được cha)')).toBeVisible();
    await expect(clerk.getByText('Nữ', { exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(clerk);
    await clerk.setViewportSize({ width: 360, height: 740 });
    expect(await overflow(clerk)).toBeLessThanOrEqual(0);
    await clerk.setViewportSize({ width: 1280, height: 720 });

    const paperResponse = clerk.waitForResponse((r) => r.url().includes(`/api/office/dossiers/${code}/papers/`));
    await dossier.paperToggle('Giấy chứng sinh').click();
    await expect(dossier.paperToggle('Giấy chứng sinh')).toHaveAttribute('aria-expanded', 'true');
    const paper = await paperResponse;
    expect(paper.status()).toBe(200);
    expect(paper.headers()['content-type']).toContain('application/pdf');
    await expect(dossier.paperFrame('Giấy chứng sinh: giay-chung-sinh.pdf')).toBeVisible();
    // The browser shows the PDF in the frame rather than its "refused to connect" page.
    await expect
      .poll(() => dossier.paperFrameUrl(), {
        message: 'the PDF is shown in its frame (the API must let the portal frame its own papers)',
      })
      .toContain(`/api/office/dossiers/${code}/papers/`);
    await expectNoAccessibilityViolations(clerk);
    await dossier.paperToggle('Giấy chứng sinh').click();
    await expect(dossier.paperFrame('Giấy chứng sinh: giay-chung-sinh.pdf')).toHaveCount(0);

    await dossier.act('Tiếp nhận hồ sơ', 'Đã tiếp nhận hồ sơ.');
    await expect(dossier.done).toContainText('Đã tiếp nhận');
    await expect(dossier.fact('Trạng thái')).toContainText('Đã tiếp nhận');
    await dossier.act('Nhận xử lý hồ sơ', 'Bạn đã nhận xử lý hồ sơ.');
    await expect(dossier.done).toContainText('Đang xử lý');
    await expect(dossier.fact('Người xử lý')).toHaveText('Trần Thị Bình');

    // The clerk asks for a clearer birth certificate; the clock stops until the citizen sends it.
    await dossier.button('Yêu cầu bổ sung giấy tờ').click();
    await clerk.locator('#action-papers').check();
    await dossier.reason.fill('Giấy chứng sinh bị mờ, vui lòng chụp lại rõ nét.');
    await clerk.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await expect(dossier.done).toBeFocused();
    await expect(dossier.fact('Trạng thái')).toContainText('Cần bổ sung giấy tờ');

    // The citizen sends it from the dossier's page.
    await page.goto(`/dossiers/${code}`);
    await expect(page.getByRole('heading', { name: 'Cơ quan tiếp nhận đề nghị bổ sung giấy tờ' })).toBeVisible();
    await expect(page.locator('#supplement-title + p')).toContainText(
      'Giấy chứng sinh bị mờ, vui lòng chụp lại rõ nét.',
    );
    await expectNoAccessibilityViolations(page);
    await page.locator('#supplement-medical_birth_certificate').setInputFiles(pdf('giay-chung-sinh-ro.pdf'));
    await expect(page.getByRole('link', { name: /giay-chung-sinh-ro\.pdf/ })).toBeVisible();
    await page.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await expect(page.getByText('Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý.')).toBeVisible();

    // Back in the office, the dossier is being processed again, with the new paper.
    await clerk.reload();
    await expect(dossier.fact('Trạng thái')).toContainText('Đang xử lý');
    await expect(clerk.getByText('giay-chung-sinh-ro.pdf').first()).toBeVisible();
    await dossier.act('Đề xuất phê duyệt', 'Đã gửi đề xuất phê duyệt tới lãnh đạo.');
    await expect(dossier.done).toContainText('Chờ lãnh đạo ký duyệt');
    await expect(dossier.actions).toContainText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.');
    await expectNoAccessibilityViolations(clerk);

    // The leader signs it from the dossiers waiting for a signature.
    const leader = await signedInPage(browser, baseURL, demoLeader);
    const leaderInbox = new OfficeInboxPage(leader);
    await leaderInbox.open();
    await leaderInbox.tab('Chờ ký duyệt').click();
    await expect(leaderInbox.tab('Chờ ký duyệt')).toHaveAttribute('aria-current', 'page');
    await leaderInbox.search(code);
    const toSign = await leaderInbox.openDossier(code);
    await expect(toSign.fact('Đề xuất của công chức')).toContainText('Phê duyệt, cấp kết quả');
    await expect(toSign.button('Trả lại để xử lý lại')).toBeVisible();
    await toSign.act('Ký duyệt', 'Đã ký duyệt hồ sơ.');
    await expect(toSign.done).toContainText('Đã có kết quả');
    const steps = [
      'Nộp hồ sơ trực tuyến',
      'Tiếp nhận hồ sơ',
      'Bắt đầu xử lý hồ sơ',
      'Đề xuất phê duyệt',
      'Lãnh đạo ký duyệt',
    ];
    for (const step of steps) await expect(toSign.timeline).toContainText(step);
    await expectNoAccessibilityViolations(leader);

    // The citizen's own page says the result is ready, with each step that changed its status (the proposal did not).
    await page.goto(`/dossiers/${code}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hồ sơ ${code}`);
    await expect(page.locator('.summary-list').getByText('Đã có kết quả')).toBeVisible();
    const timeline = page.locator('ol.timeline');
    for (const step of ['Nộp hồ sơ trực tuyến', 'Tiếp nhận hồ sơ', 'Bắt đầu xử lý hồ sơ', 'Lãnh đạo ký duyệt']) {
      await expect(timeline.getByText(step, { exact: true })).toBeVisible();
    }
    await expectNoAccessibilityViolations(page);
    await clerk.context().close();
    await leader.context().close();
  });

  test('a refusal without a reason is stopped by the error summary; with one, the dossier is refused', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const code = await citizenApplies(page, 'Lương Gia Hân');
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    const inbox = new OfficeInboxPage(clerk);
    await inbox.open();
    await inbox.search(code);
    const dossier = await inbox.openDossier(code);

    await dossier.button('Từ chối tiếp nhận').click();
    await expect(clerk.getByRole('heading', { name: 'Từ chối tiếp nhận hồ sơ' })).toBeFocused();
    await dossier.button('Xác nhận từ chối tiếp nhận').click();
    await expect(dossier.errorSummary).toBeFocused();
    await expect(dossier.errorSummary).toContainText('Vui lòng ghi rõ lý do.');
    await expect(dossier.reason).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(clerk);
    await dossier.errorSummary.getByRole('link', { name: 'Vui lòng ghi rõ lý do.' }).click();
    await expect(dossier.reason).toBeFocused();
    // Nothing was sent: the dossier is still waiting to be received.
    await expect(dossier.fact('Trạng thái')).toContainText('Mới nộp, chờ tiếp nhận');

    await clerk.keyboard.type('Giấy chứng sinh không đọc được.');
    await dossier.button('Xác nhận từ chối tiếp nhận').click();
    await expect(dossier.done).toContainText('Đã từ chối tiếp nhận hồ sơ.');
    await expect(dossier.done).toBeFocused();
    await expect(dossier.fact('Trạng thái')).toContainText('Không tiếp nhận');
    await expect(dossier.timeline).toContainText('Giấy chứng sinh không đọc được.');

    await inbox.open();
    await inbox.tab('Đã xong').click();
    await inbox.search(code);
    await expect(inbox.row(code)).toContainText('Không tiếp nhận');
    await clerk.context().close();
  });

  test('a clerk acting on a dossier someone has just changed is told so and sees it as it is now', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const code = await citizenApplies(page, 'Lương Bảo Ngọc');
    const first = await signedInPage(browser, baseURL, demoClerk);
    const second = await first.context().newPage();
    const dossiers = [];
    for (const tab of [first, second]) {
      const inbox = new OfficeInboxPage(tab);
      await inbox.open();
      await inbox.search(code);
      dossiers.push(await inbox.openDossier(code));
    }
    const [mine, stale] = dossiers;
    await mine.act('Tiếp nhận hồ sơ', 'Đã tiếp nhận hồ sơ.');

    await stale.button('Tiếp nhận hồ sơ').click();
    const alert = second.getByRole('alert');
    await expect(alert).toContainText('Hồ sơ vừa được người khác cập nhật.');
    await expect(alert).toBeFocused();
    await expect(stale.fact('Trạng thái')).toContainText('Đã tiếp nhận');
    await expect(stale.button('Nhận xử lý hồ sơ')).toBeVisible();
    await expect(stale.button('Tiếp nhận hồ sơ')).toHaveCount(0);
    await expectNoAccessibilityViolations(second);
    await first.context().close();
  });

  test('a clerk records a walk-in paper application at the counter; it is received at once in the ward', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    const inbox = new OfficeInboxPage(clerk);
    await inbox.open();
    await clerk.getByRole('link', { name: 'Ghi nhận hồ sơ nộp tại quầy' }).click();
    await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Ghi nhận hồ sơ nộp trực tiếp');
    await expect(clerk).toHaveTitle(/^Ghi nhận hồ sơ nộp trực tiếp – /);
    const field = (step: string, name: string) => clerk.locator(`#${step}-${name}`);
    const record = clerk.getByRole('button', { name: 'Ghi nhận và tiếp nhận hồ sơ' });

    // Nothing typed: every section's problems are listed, and nothing is recorded.
    await record.click();
    const summary = clerk.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).not.toHaveCount(0);
    await expect(field('child', 'fullName')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAccessibilityViolations(clerk);
    await summary.getByRole('link').first().click();
    await expect(field('child', 'fullName')).toBeFocused();

    const childName = `Phan Quỳnh ${['Anh', 'Chi', 'Giao', 'Hoa', 'Linh'][Date.now() % 5]}`;
    await field('child', 'fullName').fill(childName);
    await clerk.locator('#child-sex-female').check();
    await field('child', 'dateOfBirth').fill(vietnamDaysAgo(20));
    await clerk.locator('#birthPlace-kind').check();
    await field('birthPlace', 'facilityName').fill('Bệnh viện Phụ sản Hà Nội');
    await field('birthPlace', 'address').fill('Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội');
    await field('origin', 'ethnicity').fill('Kinh');
    await field('origin', 'nationality').fill('Việt Nam');
    await field('origin', 'homeTown').fill('Xã Phù Đổng, Thành phố Hà Nội');
    await field('mother', 'fullName').fill(mother.fullName);
    await field('mother', 'dateOfBirth').fill(mother.dateOfBirth);
    await field('mother', 'ethnicity').fill('Kinh');
    await field('mother', 'nationality').fill('Việt Nam');
    await field('mother', 'personalId').fill(mother.personalId);
    await field('mother', 'residence').fill(mother.residence);
    await field('father', 'absent').check();
    await expect(field('father', 'fullName')).toHaveCount(0);
    await field('informant', 'fullName').fill(mother.fullName);
    await clerk.locator('#informant-relation').check();
    await field('informant', 'personalId').fill(mother.personalId);
    await field('informant', 'phone').fill('0912 345 000');
    await record.click();

    const dossier = new OfficeDossierPage(clerk);
    await expect(dossier.heading).toHaveText(/^Hồ sơ HS-01-\d{6}-\d{6}$/);
    await expect(dossier.done).toContainText('Đã ghi nhận hồ sơ nộp tại quầy.');
    await expect(dossier.done).toBeFocused();
    await expect(dossier.fact('Trạng thái')).toContainText('Đã tiếp nhận');
    await expect(dossier.fact('Hình thức nộp')).toHaveText('Tại bộ phận một cửa');
    await expect(dossier.timeline).toContainText('Tiếp nhận trực tiếp tại bộ phận một cửa');
    await expect(dossier.button('Nhận xử lý hồ sơ')).toBeVisible();
    await expectNoAccessibilityViolations(clerk);
    const code = (await dossier.heading.textContent())?.replace('Hồ sơ ', '').trim() ?? '';
    // The worker's intake check arrives shortly (the page shows it on a reload); it asks no uploads of a
    // counter dossier, whose originals the clerk has seen.
    await expect(async () => {
      await clerk.reload();
      await expect(dossier.timeline).toContainText('Kiểm tra tự động khi tiếp nhận', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(dossier.timeline).not.toContainText('Thiếu giấy tờ');

    // Past its due date (set in the database: no page can wind the clock), it is marked overdue, here and in the inbox.
    const db = new Client({ connectionString: e2eDatabaseUrl });
    await db.connect();
    await db.query(`UPDATE dossier SET due_at = now() - interval '1 hour' WHERE code = $1`, [code]);
    await db.end();
    await clerk.reload();
    await expect(dossier.fact('Hạn xử lý')).toContainText('Quá hạn');
    await inbox.open();
    await inbox.tab('Quá hạn').click();
    await inbox.search(code);
    await expect(inbox.row(code)).toContainText('Quá hạn');

    // In the inbox, under its procedure, among the dossiers in progress.
    await inbox.open();
    await clerk.locator('#office-procedure').selectOption({ label: 'Đăng ký khai sinh' });
    await inbox.search(childName);
    await expect(clerk).toHaveURL(/[?&]procedure=1\.001193/);
    await inbox.tab('Đang xử lý').click();
    await expect(inbox.row(code)).toContainText(childName);
    // Under the other procedure it is not listed.
    await clerk.locator('#office-procedure').selectOption('LT.KS-TT-BHYT');
    await clerk.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(clerk).toHaveURL(/[?&]procedure=LT\.KS-TT-BHYT/);
    await expect(clerk.getByText('Không có hồ sơ nào khớp với điều kiện tìm kiếm.')).toBeVisible();
    await clerk.context().close();

    // A leader signs; recording at the counter is the clerks' work.
    const leader = await signedInPage(browser, baseURL, demoLeader);
    await new OfficeInboxPage(leader).open();
    await expect(leader.getByRole('link', { name: 'Ghi nhận hồ sơ nộp tại quầy' })).toHaveCount(0);
    await leader.goto('/office/counter');
    await expect(leader.getByRole('heading', { level: 1 })).toHaveText('Bạn không có quyền truy cập trang này');
    await leader.context().close();
  });

  test('an auditor reads any ward’s dossier, with its ward named, and has nothing to act on', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const code = await citizenApplies(page, 'Lương Minh Châu');
    const auditor = await signedInPage(browser, baseURL, 'auditor@demo.dichvucong.vn');
    const inbox = new OfficeInboxPage(auditor);
    await inbox.open();
    await expect(auditor.getByRole('link', { name: 'Ghi nhận hồ sơ nộp tại quầy' })).toHaveCount(0);
    await inbox.search(code);
    await expect(inbox.row(code)).toContainText('Phường Ba Đình');
    const dossier = await inbox.openDossier(code);
    await expect(dossier.actions).toContainText('Bạn không có thao tác nào với hồ sơ ở trạng thái này.');
    await expect(dossier.actions.getByRole('button')).toHaveCount(0);
    await expectNoAccessibilityViolations(auditor);
    await auditor.context().close();
  });

  test('is only for staff: a citizen sees that it is not for them, a visitor is asked to sign in', async ({ page }) => {
    await new AccountPages(page).register({
      fullName: 'Hoàng Minh Tâm',
      email: `notstaff.${randomUUID().slice(0, 8)}@example.vn`,
      password: 'matkhau123',
    });
    await expect(page).toHaveURL(/\/account$/);
    await expect(
      page.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: 'Văn phòng' }),
    ).toHaveCount(0);
    await page.goto('/office');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bạn không có quyền truy cập trang này');
    await expect(page).toHaveURL(/\/office$/);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/office?tab=to_sign');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Foffice%3Ftab%3Dto_sign$/);
  });
});
