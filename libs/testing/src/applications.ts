import type { DraftView } from '@portal/contracts';
import { randomUUID } from 'node:crypto';
import { BrowserClient } from './browser-client';

/** A tiny but real PDF: enough for the portal's content check. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * A date `n` days ago in Viet Nam (UTC+7), as YYYY-MM-DD. The offset is written out:
 * Playwright loads this file without the workspace's path mapping, so only types come from contracts.
 */
export const vietnamDaysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);

/** Registers a new citizen in a fresh browser and returns it signed in. */
export async function aSignedInCitizen(
  base: string,
): Promise<{ browser: BrowserClient; email: string; password: string }> {
  const browser = await new BrowserClient(base).start();
  const email = `citizen.${randomUUID().slice(0, 8)}@example.vn`;
  const password = 'matkhau123';
  const response = await browser.post('/auth/register', {
    fullName: 'Trần Thị Mai',
    email,
    password,
    passwordConfirmation: password,
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status}`);
  return { browser, email, password };
}

/** Signs a seeded account in, in a fresh browser. */
export async function aSignedInAccount(base: string, login: string, password = 'Demo@2025'): Promise<BrowserClient> {
  const browser = await new BrowserClient(base).start();
  const response = await browser.post('/auth/login', { login, password });
  if (response.status !== 200) throw new Error(`sign-in of ${login} failed: ${response.status}`);
  return browser;
}

export async function uploadPaper(browser: BrowserClient, paperCode: string): Promise<string> {
  const form = new FormData();
  form.append('paperCode', paperCode);
  form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), `${paperCode}.pdf`);
  const response = await browser.upload('/attachments', form);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** The pages of a valid birth registration, mother named, father absent; override any page. */
export function aBirthApplication(
  papers: Record<string, string>,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    child: { fullName: 'Nguyễn Minh Khang', sex: 'male', dateOfBirth: vietnamDaysAgo(10), timeOfBirth: '08:30' },
    birthPlace: {
      kind: 'facility',
      facilityName: 'Bệnh viện Phụ sản Hà Nội',
      address: 'Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội',
    },
    origin: { ethnicity: 'Kinh', nationality: 'Việt Nam', homeTown: 'Xã Phù Đổng, Thành phố Hà Nội' },
    mother: {
      absent: false,
      fullName: 'Trần Thị Mai',
      dateOfBirth: '1995-04-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      personalId: '001195012345',
      residence: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    },
    father: { absent: true },
    informant: { fullName: 'Trần Thị Mai', relation: 'mother', personalId: '001195012345', phone: '0912345678' },
    ward: { unitCode: '00004' },
    delivery: { extraCopies: 0, method: 'collect' },
    papers,
    ...over,
  };
}

/** The linked procedure's application (LT.KS-TT-BHYT): birth registration plus the residence and health insurance pages. */
export function aLinkedBirthApplication(
  papers: Record<string, string>,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return aBirthApplication(papers, {
    residence: {
      permanentAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình',
      householdHeadName: 'Trần Văn Bình',
      householdHeadRelation: 'Ông ngoại',
    },
    healthInsurance: { initialClinic: 'Trạm y tế Phường Ba Đình' },
    ...over,
  });
}

/** Fills a draft page by page through the API (undefined pages are skipped). */
export async function aDraft(
  browser: BrowserClient,
  pages: Record<string, unknown>,
  procedureCode = '1.001193',
): Promise<DraftView> {
  const started = await browser.post('/drafts', { procedureCode });
  if (started.status !== 201) throw new Error(`draft not started: ${started.status}`);
  let draft = (await started.json()) as DraftView;
  for (const [step, values] of Object.entries(pages)) {
    if (values === undefined) continue;
    const saved = await browser.request('PUT', `/drafts/${draft.id}/steps/${step}`, values);
    if (saved.status !== 200) throw new Error(`page ${step} not saved: ${saved.status} ${await saved.text()}`);
    draft = (await saved.json()) as typeof draft;
  }
  return draft;
}

/** A citizen's submitted birth registration (ward Phường Ba Đình unless overridden); returns its code. */
export async function aSubmittedBirthRegistration(
  browser: BrowserClient,
  over: Record<string, unknown> = {},
): Promise<string> {
  const certificate = await uploadPaper(browser, 'medical_birth_certificate');
  const draft = await aDraft(browser, aBirthApplication({ medical_birth_certificate: certificate }, over));
  const submitted = await browser.post(`/drafts/${draft.id}/submit`);
  if (submitted.status !== 201) throw new Error(`not submitted: ${submitted.status} ${await submitted.text()}`);
  return ((await submitted.json()) as { code: string }).code;
}

/** The pages of a valid death registration (1.000656) at Phường Ba Đình, death three days ago; override any page. */
export function aDeathApplication(
  papers: Record<string, string>,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    deceased: {
      fullName: 'Nguyễn Văn Bảy',
      sex: 'male',
      dateOfBirth: '1940-03-02',
      personalId: '001040001234',
      lastResidence: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    },
    death: {
      dateOfDeath: vietnamDaysAgo(3),
      timeOfDeath: '04:15',
      placeKind: 'health_facility',
      placeAddress: 'Bệnh viện Bạch Mai, Thành phố Hà Nội',
      cause: 'illness',
    },
    declarant: { fullName: 'Nguyễn Văn Tám', relation: 'child', personalId: '001070005678', phone: '0912345678' },
    ward: { unitCode: '00004' },
    delivery: { extraCopies: 0, method: 'collect' },
    papers,
    ...over,
  };
}

/** A citizen's submitted death registration (the death notice uploaded); returns its code. */
export async function aSubmittedDeathRegistration(
  browser: BrowserClient,
  over: Record<string, unknown> = {},
): Promise<string> {
  const notice = await uploadPaper(browser, 'death_notice');
  const draft = await aDraft(browser, aDeathApplication({ death_notice: notice }, over), '1.000656');
  const submitted = await browser.post(`/drafts/${draft.id}/submit`);
  if (submitted.status !== 201) throw new Error(`not submitted: ${submitted.status} ${await submitted.text()}`);
  return ((await submitted.json()) as { code: string }).code;
}
