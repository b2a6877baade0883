import { expect, test } from '@playwright/test';
import { vietnamDaysAgo } from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { AccountPages } from './pages/account.pages';
import { ApplicationPages } from './pages/application.pages';
import { CataloguePage } from './pages/catalogue.page';
import { demoClerk, demoLeader, OfficeInboxPage, signedInPage } from './pages/office.pages';
import { expectNoAccessibilityViolations } from './support/axe';
import { mailTo } from './support/mail';

test.describe('a citizen registers a death online', () => {
  test('finds it in the catalogue, applies page by page, the ward receives and signs it, the citizen follows it', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    // A unique name, so that the clerk's search finds this dossier only.
    const given = ['Thơm', 'Huệ', 'Lài', 'Sen', 'Cúc', 'Mận', 'Đào', 'Nhài'];
    const pick = () => given[Math.floor(Math.random() * given.length)];
    const deceased = `Lương Thị ${pick()} ${pick()}`;
    const email = `death.${randomUUID().slice(0, 8)}@example.vn`;
    await new AccountPages(page).register({ fullName: 'Lương Văn Hải', email, password: 'matkhau123' });
    await expect(page).toHaveURL(/\/account$/);

    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await catalogue.procedureLink('Đăng ký khai tử').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng ký khai tử');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();

    const form = new ApplicationPages(page);
    await expect(form.heading).toHaveText('Thông tin người đã chết');
    await expect(form.progress).toHaveText('Bước 1 trên 6');
    await expectNoAccessibilityViolations(page);
    // A page with problems says so, and keeps the citizen on it.
    await form.continue();
    await expect(page.getByRole('alert')).toContainText('Vui lòng nhập thông tin này.');
    await expect(form.heading).toHaveText('Thông tin người đã chết');
    await expectNoAccessibilityViolations(page);
    await form.deceased({
      fullName: deceased,
      sex: 'Nữ',
      dateOfBirth: '1941-06-18',
      lastResidence: 'Số 9 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    });

    await expect(form.heading).toHaveText('Thông tin về việc chết');
    await expectNoAccessibilityViolations(page);
    await form.death({
      dateOfDeath: vietnamDaysAgo(4),
      place: 'Tại nhà',
      address: 'Số 9 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
      cause: 'Già yếu',
    });

    // The declarant is the signed-in citizen: the name and e-mail come from the account.
    await expect(form.heading).toHaveText('Người đi khai tử');
    await expect(page.getByLabel('Họ, chữ đệm và tên', { exact: true })).toHaveValue('Lương Văn Hải');
    await expect(form.field('declarant', 'email')).toHaveValue(email);
    await expectNoAccessibilityViolations(page);
    await form.declarant('Con', '001072011223', '0912 456 789');

    await expect(form.heading).toHaveText('Nơi đăng ký khai tử');
    await expectNoAccessibilityViolations(page);
    await form.ward('Phường Ba Đình – Thành phố Hà Nội');
    await form.delivery();

    await expect(form.heading).toHaveText('Giấy tờ kèm theo');
    await form.upload('death_notice', 'giay-bao-tu.pdf');
    await expectNoAccessibilityViolations(page);
    await form.continue();

    await expect(form.heading).toHaveText('Kiểm tra thông tin trước khi nộp');
    await expect(page.getByText(deceased)).toBeVisible();
    await expect(page.getByText('Già yếu')).toBeVisible();
    await expect(page.getByText('Đăng ký khai tử đúng hạn được miễn lệ phí.')).toBeVisible();
    await expect(page.getByText('Giấy báo tử hoặc giấy tờ thay thế giấy báo tử Đã đính kèm')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();

    await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' })).toBeVisible();
    const code = (await page.locator('.panel__code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^HS-01-\d{6}-\d{6}$/);

    // The clerk finds it by the deceased's name and sees whom it is about.
    const clerk = await signedInPage(browser, baseURL, demoClerk);
    const inbox = new OfficeInboxPage(clerk);
    await inbox.open();
    await inbox.search(deceased);
    await expect(inbox.row(code)).toContainText(deceased);
    await expect(inbox.row(code)).toContainText('Mới nộp, chờ tiếp nhận');
    const dossier = await inbox.openDossier(code);
    await expect(clerk.getByRole('heading', { name: 'Thông tin người đã chết' })).toBeVisible();
    await expect(clerk.getByText(deceased).first()).toBeVisible();
    await expect(clerk.getByText('giay-bao-tu.pdf').first()).toBeVisible();
    await expectNoAccessibilityViolations(clerk);
    await dossier.act('Tiếp nhận hồ sơ', 'Đã tiếp nhận hồ sơ.');
    await dossier.act('Nhận xử lý hồ sơ', 'Bạn đã nhận xử lý hồ sơ.');
    await expect(dossier.fact('Người xử lý')).toHaveText('Trần Thị Bình');
    await dossier.act('Đề xuất phê duyệt', 'Đã gửi đề xuất phê duyệt tới lãnh đạo.');
    await expect(dossier.done).toContainText('Chờ lãnh đạo ký duyệt');

    // The leader signs it.
    const leader = await signedInPage(browser, baseURL, demoLeader);
    const leaderInbox = new OfficeInboxPage(leader);
    await leaderInbox.open();
    await leaderInbox.tab('Chờ ký duyệt').click();
    await leaderInbox.search(deceased);
    const toSign = await leaderInbox.openDossier(code);
    await toSign.act('Ký duyệt', 'Đã ký duyệt hồ sơ.');
    await expect(toSign.done).toContainText('Đã có kết quả');

    // The citizen's page shows every step that changed the status.
    await page.goto(`/dossiers/${code}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hồ sơ ${code}`);
    await expect(page.locator('.summary-list').getByText('Đã có kết quả')).toBeVisible();
    const timeline = page.locator('ol.timeline');
    for (const step of ['Nộp hồ sơ trực tuyến', 'Tiếp nhận hồ sơ', 'Bắt đầu xử lý hồ sơ', 'Lãnh đạo ký duyệt']) {
      await expect(timeline.getByText(step, { exact: true })).toBeVisible();
    }
    await expectNoAccessibilityViolations(page);

    // The e-mails (submitted, received, result) speak of death registration, never of a birth.
    // (The account's welcome e-mail is about no dossier.)
    const aboutDossier = async () =>
      (await mailTo(page, email)).filter((m) => `${m.subject}\n${m.text}`.includes(code));
    await expect.poll(async () => (await aboutDossier()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const mails = await aboutDossier();
    expect(mails.map((m) => m.subject)).toContain(`Hồ sơ ${code} đã được nộp thành công`);
    for (const mail of mails) {
      expect(mail.text).toContain('Đăng ký khai tử');
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/khai sinh/i);
    }
    await clerk.context().close();
    await leader.context().close();
  });
});
