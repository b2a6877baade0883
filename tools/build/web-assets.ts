/**
 * After the web app's build (`nx run web:build`, apps/web/project.json): names in index.html's module
 * preloads every chunk the first page needs (Angular stops at ten), moves the scripts out of index.html into
 * a start script that requests them once the first view is on screen, writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside every text file of the build, which the API sends as they are to browsers that accept
 * them (apps/api/src/static-files.ts), and checks the initial JavaScript and CSS — what index.html loads
 * before the first page can show — against a budget in gzipped bytes, failing the build above it.
 *
 *   tsx tools/build/web-assets.ts dist/apps/web/browser --initial-gzip-budget 200
 *
 * Angular's own budgets (project.json) count raw bytes; this one counts what travels.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(m?js|css|html|json|map|svg|txt|xml|webmanifest)$/i;
/** Smaller files gain too little to be worth a second request path. */
const MINIMUM_SIZE = 512;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

export function brotli(content: Buffer): Buffer {
  return brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
}

export function gzip(content: Buffer): Buffer {
  return gzipSync(content, { level: 9 });
}

/** Writes `<file>.br` and `<file>.gz` where they are smaller than the file; returns how many it wrote. */
export function precompress(root: string): number {
  let written = 0;
  for (const path of filesUnder(root)) {
    if (!COMPRESSIBLE.test(path) || statSync(path).size < MINIMUM_SIZE) continue;
    const content = readFileSync(path);
    for (const [suffix, compressed] of [
      ['.br', brotli(content)],
      ['.gz', gzip(content)],
    ] as const) {
      if (compressed.length >= content.length) continue;
      writeFileSync(path + suffix, compressed);
      written++;
    }
  }
  return written;
}

/** The start script's file name, and the list of what it loads, read back from the script. */
const START_SCRIPT = /^start-[\w-]{8}\.js$/;
const START_LIST = /\/\* scripts: \*\/ (\{.*\});$/m;

/**
 * The scripts and style sheets index.html loads itself (its module preloads aside) — once the start script
 * has taken them out of index.html, the ones it loads.
 */
function entryFiles(html: string, root?: string): { scripts: string[]; styles: string[]; preloads: string[] } {
  const found = { scripts: [] as string[], styles: [] as string[], preloads: [] as string[] };
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1];
    const url = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!url || /^[a-z]+:|^\/\//i.test(url)) continue;
    const file = url.replace(/^\//, '');
    if (tag.startsWith('<script') && root && START_SCRIPT.test(file)) {
      const list = START_LIST.exec(readFileSync(join(root, file), 'utf8'))?.[1] ?? '{"main":"","preloads":[]}';
      const { main, preloads } = JSON.parse(list) as { main: string; preloads: string[] };
      found.scripts.push(main);
      found.preloads.push(...preloads);
    } else if (tag.startsWith('<script')) found.scripts.push(file);
    else if (rel === 'stylesheet') found.styles.push(file);
    else if (rel === 'modulepreload') found.preloads.push(file);
  }
  return found;
}

/** A module's static imports (`import … from "./chunk-X.js"`, `import "./x.js"`), not its `import()`s. */
function staticImports(root: string, file: string): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["'](\.\/[^"']+\.m?js)["']/g)].map(
    ([, path]) => dir + path.slice(2),
  );
}

/** Every script the first page runs — the entry scripts and all they import statically — and the style sheets. */
export function initialFiles(root: string): string[] {
  const { scripts, styles } = entryFiles(readFileSync(join(root, 'index.html'), 'utf8'), root);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    staticImports(root, file).forEach(visit);
  };
  scripts.forEach(visit);
  return [...styles, ...seen];
}

/**
 * Angular names at most ten chunks in index.html's module preloads (the shallowest); a deeper one — often
 * the framework's own — is then found only once the chunk importing it has arrived, a round trip later.
 * Adds a preload for every statically imported chunk it left out; returns how many.
 */
export function completeModulePreloads(root: string): number {
  const path = join(root, 'index.html');
  const html = readFileSync(path, 'utf8');
  const { scripts, preloads } = entryFiles(html);
  const missing = initialFiles(root).filter((f) => f.endsWith('.js') && !scripts.includes(f) && !preloads.includes(f));
  if (!missing.length) return 0;
  const links = missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
  const firstScript = html.search(/<script\b[^>]*type="module"/i);
  if (firstScript < 0) return 0;
  writeFileSync(path, html.slice(0, firstScript) + links + html.slice(firstScript));
  return missing.length;
}

/**
 * The start script: what the app needs first — the page's texts, the module preloads and the app's entry —
 * requested once the first view (drawn by the API) is on screen, so they do not
 * share the slow connection with the HTML and the style sheet the first paint waits for.
 */
function startScript(main: string, preloads: string[]): string {
  return `// Written by tools/build/web-assets.ts: starts the app once the page's first view is on screen.
(() => {
  const { main, preloads } = /* scripts: */ ${JSON.stringify({ main, preloads })};
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // Added together: one change to the document instead of fifteen.
    const tags = document.createDocumentFragment();
    const add = (tag, attributes) => tags.append(Object.assign(document.createElement(tag), attributes));
    // The texts of the page's language (the API sets <html lang> to the visitor's), fetched as the app will.
    const language = document.documentElement.lang === 'en' ? 'en' : 'vi';
    add('link', { rel: 'preload', as: 'fetch', href: 'i18n/' + language + '.json', crossOrigin: 'anonymous' });
    for (const href of preloads) add('link', { rel: 'modulepreload', href });
    add('script', { type: 'module', src: main });
    document.head.append(tags);
  };
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState !== 'visible' || !types.includes('paint')) {
    // A page opened behind another is never painted; an older browser does not tell when it paints.
    requestAnimationFrame(() => requestAnimationFrame(start));
    setTimeout(start, 100);
    return;
  }
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    setTimeout(start);
  }).observe({ type: 'paint', buffered: true });
  setTimeout(start, 3000);
})();
`;
}

/**
 * Takes index.html's module preloads and its entry script out and puts the start script in their place
 * (`defer`: it runs once the page is parsed and its style sheet is in).
 * Returns the start script's name, or undefined when index.html has no module entry (already done).
 */
export function startAfterFirstPaint(root: string): string | undefined {
  const path = join(root, 'index.html');
  const html = readFileSync(path, 'utf8');
  const { scripts, preloads } = entryFiles(html);
  const main = scripts.find((file) => !START_SCRIPT.test(file));
  if (!main || !/<script\b[^>]*type="module"/i.test(html)) return undefined;
  const code = startScript(main, preloads);
  const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 8).toUpperCase()}.js`;
  writeFileSync(join(root, name), code);
  const rewritten = html
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '')
    .replace(/<script\b[^>]*type="module"[^>]*><\/script>/i, `<script src="${name}" defer></script>`);
  writeFileSync(path, rewritten);
  return name;
}

function main(): void {
  const args = process.argv.slice(2);
  const root = args.find((arg) => !arg.startsWith('--')) ?? 'dist/apps/web/browser';
  const budgetIndex = args.indexOf('--initial-gzip-budget');
  const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : undefined;

  const preloaded = completeModulePreloads(root);
  const start = startAfterFirstPaint(root);
  const written = precompress(root);
  const initial = initialFiles(root).map((file) => {
    const content = readFileSync(join(root, file));
    return { file, raw: content.length, gzip: gzip(content).length, brotli: brotli(content).length };
  });
  const total = (key: 'raw' | 'gzip' | 'brotli') => initial.reduce((sum, f) => sum + f[key], 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(
    `${preloaded ? `${preloaded} module preloads added to index.html; ` : ''}` +
      `${start ? `the scripts started after the first paint by ${start}; ` : ''}` +
      `${written} precompressed copies written under ${relative(process.cwd(), root) || '.'}\n` +
      `initial files (${initial.map((f) => f.file).join(', ')}): ${kb(total('raw'))} raw, ` +
      `${kb(total('gzip'))} gzip, ${kb(total('brotli'))} brotli\n`,
  );
  if (budgetKb !== undefined && total('gzip') > budgetKb * 1024) {
    process.stderr.write(
      `✗ initial JavaScript and CSS are ${kb(total('gzip'))} gzipped, over the budget of ${budgetKb} KB ` +
        `(tools/build/web-assets.ts; load what the first page does not need lazily)\n`,
    );
    process.exit(1);
  }
}

if (require.main === module) main();
