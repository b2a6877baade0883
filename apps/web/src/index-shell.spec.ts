import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * index.html draws the header's brand before the scripts arrive; the app then draws its own header over it.
 * The two must be the same, or the page would change under the reader's eyes as it starts.
 */
describe('the header index.html draws before the app starts', () => {
  const squeeze = (html: string) => html.replace(/\s+/g, ' ').replace(/> </g, '><').trim();
  const brandOf = (html: string) => {
    const found = /<a [^>]*class="site-header__brand"[^>]*>([\s\S]*?)<\/a>/.exec(html);
    if (!found) throw new Error('no site-header__brand link');
    return squeeze(found[1]);
  };
  const index = readFileSync(join(__dirname, 'index.html'), 'utf8');
  const app = readFileSync(join(__dirname, 'app/app.ts'), 'utf8');
  const vietnamese = JSON.parse(readFileSync(join(__dirname, '../public/i18n/vi.json'), 'utf8')) as {
    shell: { portalName: string };
  };

  it("is the app's brand link: the same mark, the portal's name in Vietnamese (the default language)", () => {
    expect(brandOf(index)).toBe(
      brandOf(app).replace("{{ 'shell.portalName' | transloco }}", vietnamese.shell.portalName),
    );
  });

  it('sits where the app draws its header, in the same boxes, and links home without a script', () => {
    const shell = squeeze(/<dvc-root>([\s\S]*?)<\/dvc-root>/.exec(index)?.[1] ?? '');
    expect(shell).toMatch(
      /^<header><div class="site-header"><div class="container site-header__inner"><a href="\/" class="site-header__brand">/,
    );
    expect(squeeze(app)).toContain(
      '<header><div class="site-header"><div class="container site-header__inner"><a routerLink="/" class="site-header__brand">',
    );
  });
});
