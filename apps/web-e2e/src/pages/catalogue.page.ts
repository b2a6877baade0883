import { expect, type Locator, type Page } from '@playwright/test';

/** The landing page: the catalogue of procedures. */
export class CataloguePage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.search = page.getByRole('searchbox');
    this.count = page.locator('#procedure-count');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    // The API draws the page before the scripts arrive (first-paint.ts): wait for the app to have started.
    await expect(this.page.locator('dvc-root[ng-version]')).toBeAttached();
    await expect(this.page.locator('.procedure-card').first()).toBeVisible();
  }

  procedureLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  async switchTo(language: 'Tiếng Việt' | 'English'): Promise<void> {
    await this.page.getByRole('button', { name: language }).click();
    await expect(this.page.getByRole('button', { name: language })).toHaveAttribute('aria-pressed', 'true');
  }
}
