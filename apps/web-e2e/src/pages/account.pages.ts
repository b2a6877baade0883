import { expect, type Locator, type Page } from '@playwright/test';

/** The register, sign-in and account pages, and the header's account links. */
export class AccountPages {
  readonly heading: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.errorSummary = page.getByRole('alert');
  }

  async register(details: {
    fullName: string;
    email?: string;
    phone?: string;
    password: string;
    confirmation?: string;
  }): Promise<void> {
    await this.page.goto('/register');
    await expect(this.heading).toBeVisible();
    const fields = this.page.locator('form');
    await fields.locator('#fullName').fill(details.fullName);
    if (details.email) await fields.locator('#email').fill(details.email);
    if (details.phone) await fields.locator('#phone').fill(details.phone);
    await fields.locator('#password').fill(details.password);
    await fields.locator('#passwordConfirmation').fill(details.confirmation ?? details.password);
    await fields.locator('button[type=submit]').click();
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.page.goto('/sign-in');
    await this.page.locator('#login').fill(login);
    await this.page.locator('#password').fill(password);
    await this.page.locator('form button[type=submit]').click();
  }

  async signOut(name: string): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }
}
