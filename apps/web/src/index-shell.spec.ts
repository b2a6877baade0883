import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * index.html draws the shell before the scripts arrive (the API fills in its texts: apps/api/src/first-paint.ts);
 * the app then draws its own shell over it. The two must be the same, or the page would change under the reader's
 * eyes as it starts.
 */
describe('the shell index.html draws before the app starts', () => {
  const squeeze = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
  const index = readFileSync(join(__dirname, 'index.html'), 'utf8');
  const app = squeeze(readFileSync(join(__dirname, 'app/app.ts'), 'utf8'));
  const shell = squeeze(/<dvc-root>([\s\S]*?)<\/dvc-root>/.exec(index)?.[1] ?? '');
  /** The shell as the app's template writes it: texts through the transloco pipe, links through the router. */
  const asTemplate = (html: string) =>
    html
      .replace(/ aria-label="\{\{([\w.]+)\}\}"/g, ` [attr.aria-label]="'$1' | transloco"`)
      .replace(/\{\{([\w.]+)\}\}/g, "{{ '$1' | transloco }}")
      .replace(/ href="\/([^"]*)"/g, ' routerLink="/$1"');
  const part = (pattern: RegExp) => {
    const found = pattern.exec(shell);
    if (!found) throw new Error(`index.html's shell lacks ${pattern}`);
    return asTemplate(found[0]);
  };

  it("is the app's shell box for box: skip link, header, brand, the links before the session is known, banner", () => {
    expect(shell).toMatch(/^<a class="skip-link" href="#main">\{\{shell.skipToContent\}\}<\/a><header>/);
    expect(app).toContain(`<a class="skip-link" href="#main" (click)="skipToMain($event)">`);
    for (const pattern of [
      /<header><div class="site-header"><div class="container site-header__inner"><a href="\/" class="site-header__brand">.*?<\/a>/,
      /<nav class="account-nav" aria-label="[^"]*"><a href="\/status">[^<]*<\/a>/,
      /<span class="account-nav__placeholder" aria-hidden="true">[^<]*<\/span>/,
      /<nav class="language-switch" aria-label="[^"]*">/,
      /<div class="phase-banner container">.*?<\/div>/,
      /<\/header><main id="main" class="container" tabindex="-1">/,
    ])
      expect(app).toContain(part(pattern));
  });

  it('names only texts both languages have', () => {
    // `{{language.vi}}`: whether that language is the page's (first-paint.ts), not a text.
    const keys = [...index.matchAll(/\{\{([\w.]+)\}\}/g)]
      .map((m) => m[1])
      .filter((key) => !key.startsWith('language.'));
    expect(keys.length).toBeGreaterThan(5);
    for (const language of ['vi', 'en']) {
      const texts = JSON.parse(readFileSync(join(__dirname, `../public/i18n/${language}.json`), 'utf8'));
      for (const key of keys) {
        const text = key.split('.').reduce((at: Record<string, unknown>, k) => at?.[k] as never, texts);
        expect({ language, key, text: typeof text }).toEqual({ language, key, text: 'string' });
      }
    }
  });

  it('leaves the main box for the page the API draws into it', () => {
    expect(shell).toContain('<main id="main" class="container" tabindex="-1"><!--page--></main>');
  });
});
