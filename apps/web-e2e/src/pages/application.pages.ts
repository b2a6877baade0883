import { expect, type Locator, type Page } from '@playwright/test';

/** A PDF small enough to write here, real enough for the portal's content check. */
export const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
});

export interface Person {
  fullName: string;
  dateOfBirth: string;
  personalId: string;
  residence: string;
}

/** The pages of the application form, found by their field ids (`<page>-<field>`). */
export class ApplicationPages {
  readonly heading: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.progress = page.locator('#progress');
  }

  field(step: string, name: string): Locator {
    return this.page.locator(`#${step}-${name}`);
  }

  async continue(): Promise<void> {
    await this.page.locator('form button[type=submit]').click();
  }

  async child(fullName: string, sex: 'male' | 'female', dateOfBirth: string): Promise<void> {
    await this.field('child', 'fullName').fill(fullName);
    await this.page.locator(sex === 'male' ? '#child-sex' : '#child-sex-female').check();
    await this.field('child', 'dateOfBirth').fill(dateOfBirth);
    await this.field('child', 'timeOfBirth').fill('08:30');
    await this.continue();
  }

  async birthPlace(facility: string, address: string): Promise<void> {
    await this.page.locator('#birthPlace-kind').check();
    await this.field('birthPlace', 'facilityName').fill(facility);
    await this.field('birthPlace', 'address').fill(address);
    await this.continue();
  }

  async origin(): Promise<void> {
    await this.field('origin', 'ethnicity').fill('Kinh');
    await this.field('origin', 'nationality').fill('Việt Nam');
    await this.field('origin', 'homeTown').fill('Xã Phù Đổng, Thành phố Hà Nội');
    await this.continue();
  }

  async parent(step: 'mother' | 'father', person: Person | 'absent'): Promise<void> {
    if (person === 'absent') {
      await this.field(step, 'absent').check();
    } else {
      await this.field(step, 'fullName').fill(person.fullName);
      await this.field(step, 'dateOfBirth').fill(person.dateOfBirth);
      await this.field(step, 'ethnicity').fill('Kinh');
      await this.field(step, 'nationality').fill('Việt Nam');
      await this.field(step, 'personalId').fill(person.personalId);
      await this.field(step, 'residence').fill(person.residence);
    }
    await this.continue();
  }

  async informant(relation: 'mother' | 'father', personalId: string, phone: string): Promise<void> {
    await this.page.locator(relation === 'mother' ? '#informant-relation' : '#informant-relation-father').check();
    await this.field('informant', 'personalId').fill(personalId);
    await this.field('informant', 'phone').fill(phone);
    await this.continue();
  }

  /** Death registration's first page: the deceased (sex by its label, "Nam" or "Nữ"). */
  async deceased(person: { fullName: string; sex: string; dateOfBirth: string; lastResidence: string }): Promise<void> {
    await this.field('deceased', 'fullName').fill(person.fullName);
    await this.page.getByRole('group', { name: 'Giới tính' }).getByRole('radio', { name: person.sex }).check();
    await this.field('deceased', 'dateOfBirth').fill(person.dateOfBirth);
    await this.field('deceased', 'lastResidence').fill(person.lastResidence);
    await this.continue();
  }

  /** Death registration's second page: the death (place and cause by their labels). */
  async death(event: { dateOfDeath: string; place: string; address: string; cause: string }): Promise<void> {
    await this.field('death', 'dateOfDeath').fill(event.dateOfDeath);
    await this.page.getByRole('group', { name: 'Nơi chết' }).getByRole('radio', { name: event.place }).check();
    await this.field('death', 'placeAddress').fill(event.address);
    await this.page.getByRole('group', { name: 'Nguyên nhân chết' }).getByRole('radio', { name: event.cause }).check();
    await this.continue();
  }

  /** Death registration's declarant page (name and e-mail prefilled from the account). */
  async declarant(relation: string, personalId: string, phone: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Quan hệ với người đã chết' })
      .getByRole('radio', { name: relation, exact: true })
      .check();
    await this.field('declarant', 'personalId').fill(personalId);
    await this.field('declarant', 'phone').fill(phone);
    await this.continue();
  }

  async ward(name: string): Promise<void> {
    await this.field('ward', 'unitCode').selectOption({ label: name });
    await this.continue();
  }

  /** The result page: by default no extra copies, collected at the ward; or copies posted to an address. */
  async delivery(options: { copies?: number; postTo?: string } = {}): Promise<void> {
    if (options.copies !== undefined) await this.field('delivery', 'extraCopies').fill(String(options.copies));
    if (options.postTo) {
      await this.page.locator('#delivery-method-post').check();
      await this.field('delivery', 'postalAddress').fill(options.postTo);
    }
    await this.continue();
  }

  async upload(paper: string, fileName: string): Promise<void> {
    await this.field('papers', paper).setInputFiles(pdf(fileName));
    await expect(this.page.getByRole('link', { name: new RegExp(fileName.replace('.', '\\.')) })).toBeVisible();
  }
}
