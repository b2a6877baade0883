import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { AccountPages } from './account.pages';

/** The demo ward's staff (Phường Ba Đình, unit 00004); the password of every demo account. */
export const demoClerk = 'clerk.badinh@demo.dichvucong.vn';
export const demoLeader = 'leader.badinh@demo.dichvucong.vn';
export const demoPassword = 'Demo@2025';

/** A browser of one's own (fresh cookies) signed in with the given account, on its account page. */
export async function signedInPage(browser: Browser, baseURL: string | undefined, login: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new AccountPages(page).signIn(login, demoPassword);
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

/** The back office's inbox at `/office`: tabs, search, the table of dossiers. */
export class OfficeInboxPage {
  readonly heading: Locator;
  readonly tabs: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.tabs = page.getByRole('navigation', { name: 'Nhóm hồ sơ' });
    this.table = page.locator('table.office-table');
  }

  async open(): Promise<void> {
    await this.page.goto('/office');
    await expect(this.heading).toHaveText('Hồ sơ của phường');
  }

  tab(name: string): Locator {
    return this.tabs.getByRole('link', { name: new RegExp(`^${name}`) });
  }

  async search(text: string): Promise<void> {
    await this.page.locator('#office-q').fill(text);
    await this.page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
  }

  row(code: string): Locator {
    return this.table.locator('tbody tr', { has: this.page.getByRole('link', { name: code, exact: true }) });
  }

  async openDossier(code: string): Promise<OfficeDossierPage> {
    await this.page.getByRole('link', { name: code, exact: true }).click();
    const dossier = new OfficeDossierPage(this.page);
    await expect(dossier.heading).toHaveText(`Hồ sơ ${code}`);
    return dossier;
  }
}

/** One dossier in the back office: facts, application, papers, history and the action panel. */
export class OfficeDossierPage {
  readonly heading: Locator;
  /** The notice after an action went through (role=status). */
  readonly done: Locator;
  readonly errorSummary: Locator;
  readonly reason: Locator;
  readonly actions: Locator;
  readonly timeline: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.done = page.getByRole('status');
    this.errorSummary = page.locator('.error-summary');
    this.reason = page.locator('#action-reason');
    this.actions = page.getByRole('region', { name: 'Xử lý hồ sơ' });
    this.timeline = page.locator('ol.timeline');
  }

  /** The value of a row of the facts at the top. */
  fact(label: string): Locator {
    return this.page
      .locator('.summary-list__row', { has: this.page.locator('.summary-list__key', { hasText: label }) })
      .first()
      .locator('.summary-list__value');
  }

  button(name: string): Locator {
    return this.actions.getByRole('button', { name, exact: true });
  }

  /** Takes an action that needs no reason and waits for the notice saying so. */
  async act(button: string, doneText: string): Promise<void> {
    await this.button(button).click();
    await expect(this.done).toContainText(doneText);
    await expect(this.done).toBeFocused();
  }

  /** The button that shows or hides a PDF paper in the page. */
  paperToggle(paper: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^(Xem giấy tờ tại đây|Ẩn giấy tờ) – ${paper}$`) });
  }

  /** The frame that shows a PDF paper, found by its title ("<paper>: <file name>"). */
  paperFrame(title: string): Locator {
    return this.page.locator(`iframe[title="${title}"]`);
  }

  /** The address of the document in the page's (only) frame, or the browser's error page. */
  paperFrameUrl(): string | undefined {
    return this.page
      .frames()
      .find((f) => f.parentFrame() === this.page.mainFrame())
      ?.url();
  }
}
