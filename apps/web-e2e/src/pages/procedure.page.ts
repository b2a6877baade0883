import { expect, type Locator, type Page } from '@playwright/test';

/** One procedure's detail page. */
export class ProcedurePage {
  readonly heading: Locator;
  readonly summary: Locator;
  readonly papers: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.summary = page.locator('dvc-summary-list');
    this.papers = page.locator('.paper-list');
  }

  async open(code: string): Promise<void> {
    await this.page.goto(`/procedures/${code}`);
    // The API draws the page's first lines before the scripts arrive (first-paint.ts): wait for the app.
    await expect(this.page.locator('dvc-root[ng-version]')).toBeAttached();
  }

  row(label: string): Locator {
    return this.page.locator('dvc-summary-row', { has: this.page.locator('.summary-list__key', { hasText: label }) });
  }
}
