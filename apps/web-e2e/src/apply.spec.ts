import { expect, test } from '@playwright/test';
import { vietnamDaysAgo } from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { AccountPages } from './pages/account.pages';
import { ApplicationPages } from './pages/application.pages';
import { EidPages } from './pages/eid.pages';
import { CataloguePage } from './pages/catalogue.page';
import { expectNoAccessibilityViolations } from './support/axe';
import { mailTo } from './support/mail';

const mother = {
  fullName: 'Trần Thị Mai',
  dateOfBirth: '1995-04-12',
  personalId: '001195012345',
  residence: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
};
const father = { ...mother, fullName: 'Nguyễn Văn Hùng', dateOfBirth: '1992-09-03', personalId: '001092054321' };

test.describe('a citizen applies for birth registration online', () => {
  test('registers, fills the form with two uploads, submits, sees the receipt, the dossier and the e-mail', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const email = `apply.${randomUUID().slice(0, 8)}@example.vn`;
    const account = new AccountPages(page);
    await account.register({ fullName: 'Trần Thị Mai', email, password: 'matkhau123' });
    await expect(page).toHaveURL(/\/account$/);

    await page.goto('/procedures/1.001193');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
    const form = new ApplicationPages(page);
    await expect(form.heading).toHaveText('Thông tin của trẻ');
    await expect(form.progress).toHaveText('Bước 1 trên 9');
    await expectNoAccessibilityViolations(page);

    // A page with problems says so, and keeps the citizen on it.
    await form.continue();
    await expect(page.getByRole('alert')).toContainText('Vui lòng nhập thông tin này.');
    await expectNoAccessibilityViolations(page);

    await form.child('Nguyễn Minh Khang', 'male', vietnamDaysAgo(12));
    await expect(form.heading).toHaveText('Nơi sinh của trẻ');
    await form.birthPlace('Bệnh viện Phụ sản Hà Nội', 'Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội');
    await form.origin();
    await expect(form.heading).toHaveText('Thông tin người mẹ');
    await form.parent('mother', mother);
    await form.parent('father', father);
    await expect(form.heading).toHaveText('Người đi khai sinh');
    await expect(form.field('informant', 'fullName')).toHaveValue('Trần Thị Mai');
    await expect(form.field('informant', 'email')).toHaveValue(email);
    await form.informant('mother', mother.personalId, '0912 345 678');
    await form.ward('Phường Ba Đình – Thành phố Hà Nội');
    await form.delivery();

    await expect(form.heading).toHaveText('Giấy tờ kèm theo');
    await form.upload('medical_birth_certificate', 'giay-chung-sinh.pdf');
    await form.upload('marriage_certificate', 'giay-ket-hon.pdf');
    await expectNoAccessibilityViolations(page);
    await form.continue();

    await expect(form.heading).toHaveText('Kiểm tra thông tin trước khi nộp');
    // Back on the papers page, the uploads are still there (nothing to upload again).
    await page.goBack();
    await expect(form.heading).toHaveText('Giấy tờ kèm theo');
    await expect(page.getByRole('link', { name: /giay-chung-sinh\.pdf/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /giay-ket-hon\.pdf/ })).toBeVisible();
    await form.continue();
    await expect(form.heading).toHaveText('Kiểm tra thông tin trước khi nộp');
    await expect(page.getByText('Nguyễn Minh Khang')).toBeVisible();
    await expect(page.getByText('Đăng ký khai sinh đúng hạn được miễn lệ phí.')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();

    await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' })).toBeVisible();
    const code = (await page.locator('.panel__code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^HS-01-\d{6}-\d{6}$/);
    await expect(page.getByText('Mới nộp, chờ tiếp nhận').first()).toBeVisible();
    await expect(page.getByText('Nộp hồ sơ trực tuyến', { exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('navigation', { name: 'Tài khoản' }).getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await expect(page.getByRole('link', { name: code })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: code }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hồ sơ ${code}`);
    await expect(page.getByText('giay-ket-hon.pdf')).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await expect
      .poll(async () => (await mailTo(page, email)).map((m) => m.subject), { timeout: 20_000 })
      .toContain(`Hồ sơ ${code} đã được nộp thành công`);

    // Anyone with the code and the phone number can follow it.
    await page.goto('/status');
    await page.locator('#code').fill(code);
    await page.locator('#phone').fill('0912345678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.getByRole('heading', { name: 'Kết quả tra cứu' })).toBeVisible();
    await expect(page.getByText('Phường Ba Đình').first()).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The citizen changes their mind and withdraws it, saying why.
    await page.goto(`/dossiers/${code}`);
    await page.locator('details.withdraw summary').click();
    await expect(page.locator('details.withdraw summary')).toHaveText('Rút hồ sơ');
    await page.getByLabel('Lý do rút hồ sơ').fill('Gia đình sẽ nộp trực tiếp tại phường.');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await expect(page.getByRole('status')).toHaveText('Đã rút hồ sơ. Cơ quan tiếp nhận dừng giải quyết hồ sơ này.');
    await expect(page.locator('.summary-list').getByText('Đã rút')).toBeVisible();
    await expect(page.locator('ol.timeline')).toContainText('Gia đình sẽ nộp trực tiếp tại phường.');
    await expect(page.locator('details.withdraw')).toHaveCount(0); // nothing more to withdraw
  });

  test('in English: the linked procedure, resumed after signing out and in again', async ({ page }) => {
    test.setTimeout(90_000);
    const email = `linked.${randomUUID().slice(0, 8)}@example.vn`;
    const account = new AccountPages(page);
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await catalogue.switchTo('English');
    await account.register({ fullName: 'Lê Văn Hùng', email, password: 'matkhau123' });
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/procedures/LT.KS-TT-BHYT');
    await page.getByRole('button', { name: 'Apply online' }).click();

    const form = new ApplicationPages(page);
    await expect(form.progress).toHaveText('Step 1 of 11');
    await form.child('Lê Minh Anh', 'female', vietnamDaysAgo(5));
    await form.birthPlace('Bệnh viện Bạch Mai', 'Số 78 đường Giải Phóng, Thành phố Hà Nội');

    // The draft is on the server: sign out, sign in, continue from My applications.
    await account.signOut('Sign out');
    await account.signIn(email, 'matkhau123');
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/dossiers');
    await page.getByRole('link', { name: /Continue the application/ }).click();
    await expect(form.heading).toHaveText("The child's ethnicity, nationality and home town");

    await form.origin();
    await form.parent('mother', 'absent');
    await form.parent('father', { ...father, fullName: 'Lê Văn Hùng' });
    await form.informant('father', '001092054321', '0987654321');
    await form.ward('Ngoc Ha Ward – Ha Noi City');
    await form.delivery();
    await expect(form.heading).toHaveText('Permanent residence for the child');
    await form.field('residence', 'permanentAddress').fill('Số 5 phố Ngọc Hà, Phường Ngọc Hà, Thành phố Hà Nội');
    await form.field('residence', 'householdHeadName').fill('Lê Văn Hùng');
    await form.field('residence', 'householdHeadRelation').fill('Con');
    await form.continue();
    await form.field('healthInsurance', 'initialClinic').fill('Trạm y tế Phường Ngọc Hà');
    await form.continue();
    await form.upload('medical_birth_certificate', 'birth-certificate.pdf');
    await form.continue();
    await expect(form.heading).toHaveText('Check your answers before you apply');
    await page.getByRole('button', { name: 'Confirm and apply' }).click();
    await expect(page.getByRole('heading', { name: 'Application submitted' })).toBeVisible();
    const code = (await page.locator('.panel__code').textContent())?.trim() ?? '';
    await expect
      .poll(async () => (await mailTo(page, email)).map((m) => m.subject), { timeout: 20_000 })
      .toContain(`Your application ${code} has been submitted`);
  });
});

test.describe('the application form for everyone', () => {
  test('fits a 360 px screen and works with the keyboard alone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const account = new AccountPages(page);
    await account.register({
      fullName: 'Phạm Thu Hà',
      email: `kb.${randomUUID().slice(0, 8)}@example.vn`,
      password: 'matkhau123',
    });
    await expect(page).toHaveURL(/\/account$/);
    await page.goto('/apply/1.001193');
    const form = new ApplicationPages(page);
    await expect(form.heading).toHaveText('Thông tin của trẻ');
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await form.field('child', 'fullName').focus();
    await page.keyboard.type('Phạm Gia Huy');
    await page.keyboard.press('Tab'); // to the first radio
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // to the date
    // Chromium's date field here takes month, day, year (its locale is en-US).
    const [year, month, day] = vietnamDaysAgo(2).split('-');
    await page.keyboard.type(`${month}${day}${year}`);
    await expect(form.field('child', 'dateOfBirth')).toHaveValue(vietnamDaysAgo(2));
    // Tab on through the date's and the optional time's parts to the button.
    const button = page.getByRole('button', { name: 'Lưu và tiếp tục' });
    for (let i = 0; i < 16 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(form.heading).toHaveText('Nơi sinh của trẻ');
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const path of ['/status', '/dossiers']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }

    // The unfinished application waits in My dossiers; the citizen decides against it and deletes it.
    await expect(page.getByRole('heading', { name: 'Hồ sơ đang soạn' })).toBeVisible();
    await page.getByRole('button', { name: /^Xóa bản nháp/ }).click();
    await expect(page.getByRole('heading', { name: 'Hồ sơ đang soạn' })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Hồ sơ của tôi' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hồ sơ đang soạn' })).toHaveCount(0);
  });
});

test.describe('applying after signing in with the national eID', () => {
  test('the form is prefilled from the verified identity, and the receipt e-mail goes to the address given', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/procedures/1.001193');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fapply%2F1\.001193$/);
    const eid = new EidPages(page);
    await eid.startButton.click();
    await eid.signIn('001087007788', 'VNeID@2025');
    await eid.agree();

    const form = new ApplicationPages(page);
    await expect(form.heading).toHaveText('Thông tin của trẻ');
    await form.child('Phạm Gia Bảo', 'male', vietnamDaysAgo(20));
    await form.birthPlace('Bệnh viện Xanh Pôn', 'Số 12 phố Chu Văn An, Thành phố Hà Nội');
    await form.origin();
    await form.parent('mother', 'absent');
    // The father's page is the signed-in person's own, from the national eID.
    await expect(form.field('father', 'fullName')).toHaveValue('Phạm Quốc Huy');
    await expect(form.field('father', 'personalId')).toHaveValue('001087007788');
    await expect(form.field('father', 'dateOfBirth')).toHaveValue('1987-07-23');
    await form.field('father', 'ethnicity').fill('Kinh');
    await form.continue();
    await expect(form.field('informant', 'fullName')).toHaveValue('Phạm Quốc Huy');
    await expect(form.field('informant', 'personalId')).toHaveValue('001087007788');
    await expect(page.locator('#informant-relation-father')).toBeChecked();
    const email = `eid.${randomUUID().slice(0, 8)}@example.vn`;
    await form.field('informant', 'phone').fill('0987001122');
    await form.field('informant', 'email').fill(email);
    await form.continue();
    await form.ward('Phường Giảng Võ – Thành phố Hà Nội');
    await form.delivery();
    await form.upload('medical_birth_certificate', 'giay-chung-sinh.pdf');
    await form.continue();
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();
    await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' })).toBeVisible();
    const code = (await page.locator('.panel__code').textContent())?.trim() ?? '';
    await expect
      .poll(async () => (await mailTo(page, email)).map((m) => m.subject), { timeout: 20_000 })
      .toContain(`Hồ sơ ${code} đã được nộp thành công`);
  });
});
