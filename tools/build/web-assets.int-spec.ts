import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialFiles, startAfterFirstPaint } from './web-assets';

/** The build's last step on a made-up build folder: the scripts leave index.html for the start script. */
describe('web-assets: the app started after the first paint', () => {
  let root: string;
  const index =
    '<!doctype html><html lang="vi"><head><link rel="stylesheet" href="styles-AAAA1111.css"></head><body>' +
    '<dvc-root></dvc-root>' +
    '<link rel="modulepreload" href="chunk-BBBB2222.js"><link rel="modulepreload" href="chunk-CCCC3333.js">' +
    '<script src="main-DDDD4444.js" type="module"></script></body></html>';

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'web-assets-'));
    writeFileSync(join(root, 'index.html'), index);
    writeFileSync(join(root, 'styles-AAAA1111.css'), 'body{margin:0}');
    writeFileSync(join(root, 'main-DDDD4444.js'), 'import "./chunk-BBBB2222.js";\nimport "./chunk-CCCC3333.js";\n');
    writeFileSync(join(root, 'chunk-BBBB2222.js'), 'export const b = 1;\n');
    writeFileSync(join(root, 'chunk-CCCC3333.js'), 'export const c = 1;\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('leaves index.html one deferred script, which asks for the texts, the preloads and the entry', () => {
    const before = initialFiles(root);
    const name = startAfterFirstPaint(root);
    expect(name).toMatch(/^start-[0-9A-F]{8}\.js$/);
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(html).not.toContain('modulepreload');
    expect(html).not.toContain('type="module"');
    expect(html).toContain(`<script src="${name}" defer></script></body>`);
    expect(html).toContain('<link rel="stylesheet" href="styles-AAAA1111.css">');

    const code = readFileSync(join(root, name as string), 'utf8');
    expect(code).toContain('{"main":"main-DDDD4444.js","preloads":["chunk-BBBB2222.js","chunk-CCCC3333.js"]}');
    expect(code).toContain("'i18n/' + language + '.json'");
    expect(code).toContain("getEntriesByName('first-contentful-paint')");
    // The budget still counts what the first page runs, now named by the start script.
    expect(initialFiles(root)).toEqual(before);
  });

  it('does nothing the second time (a build step run again over its own output)', () => {
    const name = startAfterFirstPaint(root);
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    expect(startAfterFirstPaint(root)).toBeUndefined();
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe(html);
    expect(readdirSync(root).filter((file) => file.startsWith('start-'))).toEqual([name]);
  });

  it('runs as written: after the first paint, it adds the tags in the page language, once', () => {
    const name = startAfterFirstPaint(root) as string;
    const added: Array<Record<string, string>> = [];
    const timers: Array<() => void> = [];
    let observed: ((list: { getEntriesByName(n: string): unknown[] }, o: { disconnect(): void }) => void) | undefined;
    const document = {
      visibilityState: 'visible',
      documentElement: { lang: 'en' },
      createDocumentFragment: () => ({
        items: [] as Array<Record<string, string>>,
        append(item: Record<string, string>) {
          this.items.push(item);
        },
      }),
      createElement: (tag: string) => ({ tag }),
      head: { append: (fragment: { items: Array<Record<string, string>> }) => added.push(...fragment.items) },
    };
    class PerformanceObserver {
      static supportedEntryTypes = ['paint'];
      constructor(callback: typeof observed) {
        observed = callback;
      }
      observe() {
        return undefined;
      }
    }
    const run = new Function(
      'window',
      'document',
      'PerformanceObserver',
      'setTimeout',
      'requestAnimationFrame',
      readFileSync(join(root, name), 'utf8'),
    );
    run(
      { PerformanceObserver },
      document,
      PerformanceObserver,
      (fn: () => void) => timers.push(fn),
      () => undefined,
    );
    // Nothing before the first paint (the fallback timer aside).
    expect(added).toEqual([]);
    observed?.({ getEntriesByName: () => [] }, { disconnect: () => undefined });
    expect(timers).toHaveLength(1);
    observed?.({ getEntriesByName: () => [{}] }, { disconnect: () => undefined });
    expect(timers).toHaveLength(2);
    timers[1]();
    timers[0](); // the fallback, later: already started
    expect(added).toEqual([
      { tag: 'link', rel: 'preload', as: 'fetch', href: 'i18n/en.json', crossOrigin: 'anonymous' },
      { tag: 'link', rel: 'modulepreload', href: 'chunk-BBBB2222.js' },
      { tag: 'link', rel: 'modulepreload', href: 'chunk-CCCC3333.js' },
      { tag: 'script', type: 'module', src: 'main-DDDD4444.js' },
    ]);
  });
});
