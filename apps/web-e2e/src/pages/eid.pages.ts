import type { Locator, Page } from '@playwright/test';

/** The eID button on the portal's sign-in page, and the national eID stand-in's sign-in and consent pages. */
export class EidPages {
  readonly startButton: Locator;
  readonly heading: Locator;
  readonly failureMessage: Locator;

  constructor(private readonly page: Page) {
    this.startButton = page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử (VNeID)' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.failureMessage = page.getByRole('alert');
  }

  /** At the stand-in: type (or pick) the personal ID number and the password. */
  async signIn(personalId: string, password: string): Promise<void> {
    await this.page.getByLabel('Số định danh cá nhân').fill(personalId);
    await this.page.getByLabel('Mật khẩu').fill(password);
    await this.page.getByRole('button', { name: /^Đăng nhập/ }).click();
  }

  /** At the stand-in: agree to share the identity details with the portal. */
  async agree(): Promise<void> {
    await this.page.getByRole('button', { name: /^Đồng ý chia sẻ/ }).click();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: /^Hủy, quay lại/ }).click();
  }
}
