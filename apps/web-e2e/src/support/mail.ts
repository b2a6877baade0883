import type { Page } from '@playwright/test';
import { mailCatcherUrl } from '../../playwright.config';

/** An e-mail as the mail catcher's JSON API gives it. */
export interface CaughtMail {
  subject: string;
  text: string;
  attachments: Array<{ fileName: string | null; contentType: string; size: number; sha256: string }>;
}

/** The e-mails the portal sent to this address, newest first. */
export async function mailTo(page: Page, address: string): Promise<CaughtMail[]> {
  const response = await page.request.get(`${mailCatcherUrl}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as CaughtMail[];
}
