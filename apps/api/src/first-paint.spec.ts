import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcedureDetail, ProcedureSummary } from '@portal/contracts';
import { FirstPaint, pageLanguage } from './first-paint';

const squeeze = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
const template = (path: string) =>
  squeeze(readFileSync(join(__dirname, '../../../libs/web/citizen/src/lib', path), 'utf8'));

describe('the first lines the API draws into a public page', () => {
  let root: string;
  const procedure = {
    code: '1.001193',
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    field: { vi: 'Hộ tịch', en: '' },
    description: { vi: 'Cha <mẹ> "đăng ký"', en: 'Parents register' },
    serviceLevel: 'full',
    timeLimit: { amount: 0, unit: 'working_days' },
    minimumFee: 0,
  } as ProcedureDetail;
  const other: ProcedureSummary = {
    ...procedure,
    code: '1.000656',
    name: { vi: 'Đăng ký khai tử', en: 'Death registration' },
    serviceLevel: 'partial',
    timeLimit: { amount: 3, unit: 'working_days' },
    minimumFee: 8000,
  };
  let paint: FirstPaint;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'first-paint-'));
    mkdirSync(join(root, 'i18n'));
    writeFileSync(
      join(root, 'index.html'),
      '<html lang="vi"><title>{{shell.portalName}}</title><main><!--page--></main>',
    );
    const vi = JSON.parse(readFileSync(join(__dirname, '../../web/public/i18n/vi.json'), 'utf8'));
    const en = JSON.parse(readFileSync(join(__dirname, '../../web/public/i18n/en.json'), 'utf8'));
    writeFileSync(join(root, 'i18n/vi.json'), JSON.stringify(vi));
    writeFileSync(join(root, 'i18n/en.json'), JSON.stringify(en));
    paint = new FirstPaint(root, {
      procedures: async () => [procedure, other],
      procedure: async (code) => (code === procedure.code ? procedure : undefined),
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const main = async (path: string, language: 'vi' | 'en' = 'vi') =>
    /<main>([\s\S]*)<\/main>/.exec(await paint.page(path, language))?.[1];

  it("draws the landing page's heading, lead, search box and cards as the catalogue page does", async () => {
    const page = template('catalogue/catalogue-page.ts');
    expect(page).toContain(
      `<h1>{{ 'catalogue.title' | transloco }}</h1><p class="lead">{{ 'catalogue.lead' | transloco }}</p>` +
        `<form class="search" role="search" (submit)="$event.preventDefault()"><label for="procedure-search">`,
    );
    expect(page).toContain(`<ul class="procedure-list"> @for (procedure of filtered(); track procedure.code) {`);
    expect(page).toContain('<li class="procedure-card"><h3 class="procedure-card__title"><a [routerLink]=');
    const drawn = await main('/');
    expect(drawn).toMatch(
      /^<h1>Dịch vụ công trực tuyến<\/h1><p class="lead">Nộp hồ sơ, nộp lệ phí và nhận kết quả trực tuyến, không cần đến cơ quan nhà nước.<\/p><form class="search" role="search"><label for="procedure-search">Tìm thủ tục theo tên hoặc mã<\/label><input id="procedure-search" type="search" autocomplete="off" aria-describedby="procedure-count" readonly><\/form>/,
    );
    expect(drawn).toContain('<p id="procedure-count" class="hint" aria-live="polite"> Tìm thấy 2 thủ tục </p>');
    expect(drawn).toContain(
      '<li class="procedure-card"><h3 class="procedure-card__title"><a href="/procedures/1.000656">Đăng ký khai tử</a>' +
        '</h3><p class="procedure-card__meta"><span>Mã thủ tục: 1.000656</span><span>Hộ tịch</span>' +
        '<span class="tag tag--green">Dịch vụ công trực tuyến một phần</span></p><p class="procedure-card__meta">' +
        '<span>Thời hạn giải quyết: 3 ngày làm việc</span><span> Phí, lệ phí: từ 8000 ₫ </span></p></li>',
    );
    expect(drawn).toContain(
      '<span>Thời hạn giải quyết: Trong ngày làm việc</span><span> Phí, lệ phí: Miễn phí </span>',
    );
    expect(await main('/', 'en')).toMatch(/^<h1>Online public services<\/h1><p class="lead">/);
    expect(await main('/', 'en')).toContain('Procedures found: 2');
  });

  it("draws a procedure's back link, field, name and description as its page does, escaped", async () => {
    const page = template('procedure-detail/procedure-detail-page.ts');
    expect(page).toContain(`<a routerLink="/" class="back-link">{{ 'common.back' | transloco }}</a>`);
    expect(page).toContain(
      '<span class="caption">{{ p.field | localized: lang() }}</span><h1>{{ p.name | localized: lang() }}</h1>' +
        '<p class="lead">{{ p.description | localized: lang() }}</p>',
    );
    expect(await main('/procedures/1.001193')).toBe(
      '<a href="/" class="back-link">Quay lại</a><span class="caption">Hộ tịch</span><h1>Đăng ký khai sinh</h1>' +
        '<p class="lead">Cha &lt;mẹ&gt; &quot;đăng ký&quot;</p>',
    );
    // Each text in the language asked for, as the app's `localized` pipe shows it (an empty one empty).
    expect(await main('/procedures/1.001193', 'en')).toBe(
      '<a href="/" class="back-link">Back</a><span class="caption"></span><h1>Birth registration</h1>' +
        '<p class="lead">Parents register</p>',
    );
  });

  it("draws the status lookup's heading and explanation, and the room its form is drawn in, as its page does", async () => {
    const page = template('dossiers/status-lookup-page.ts');
    expect(page).toContain(
      `<div class="narrow"><dvc-error-summary [errors]="problems()" [title]="'form.errorSummaryTitle' | transloco" />` +
        `<h1>{{ 'lookup.title' | transloco }}</h1><p>{{ 'lookup.lead' | transloco }}</p> @defer (on immediate) {`,
    );
    expect(page).toContain('} @placeholder { <div class="status-lookup__placeholder"></div> }');
    expect(await main('/status')).toBe(
      '<div class="narrow"><h1>Tra cứu tình trạng hồ sơ</h1>' +
        '<p>Nhập mã hồ sơ và số điện thoại đã khai khi nộp hồ sơ.</p><div class="status-lookup__placeholder"></div></div>',
    );
    expect(await main('/status', 'en')).toMatch(/^<div class="narrow"><h1>Check the status of an application<\/h1><p>/);
  });

  it('leaves the main box empty on every other page, and the texts in the language asked for', async () => {
    for (const path of ['/procedures/9.999999', '/procedures/a<b', '/status/x', '/dossiers', '/procedures/1.001193/x'])
      expect({ path, main: await main(path) }).toEqual({ path, main: '<!--page-->' });
    expect(await paint.page('/status', 'en')).toContain('<html lang="en"><title>');
  });

  it("points the skip link at the page's own main box", async () => {
    writeFileSync(join(root, 'index.html'), '<a class="skip-link" href="#main">{{shell.skipToContent}}</a>');
    const skip = new FirstPaint(root);
    expect(await skip.page('/procedures/1.001193', 'vi')).toBe(
      '<a class="skip-link" href="/procedures/1.001193#main">Bỏ qua, đến nội dung chính</a>',
    );
    expect(await skip.page('/status/"x y', 'vi')).toContain('href="/status/%22x%20y#main"');
  });

  it("reads the visitor's language from the app's cookie", () => {
    expect(pageLanguage(undefined)).toBe('vi');
    expect(pageLanguage('lang=en')).toBe('en');
    expect(pageLanguage('a=1; lang=en; b=2')).toBe('en');
    expect(pageLanguage('lang=vi')).toBe('vi');
    expect(pageLanguage('xlang=en')).toBe('vi');
    expect(pageLanguage('lang=english')).toBe('vi');
  });
});
