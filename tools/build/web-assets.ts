/**
 * After the web app's build (`nx run web:build`, apps/web/project.json): writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside every text file of the build, which the API sends as they are to browsers that accept
 * them (apps/api/src/static-files.ts), and checks the initial JavaScript and CSS — what index.html loads
 * before the first page can show — against a budget in gzipped bytes, failing the build above it.
 *
 *   tsx tools/build/web-assets.ts dist/apps/web/browser --initial-gzip-budget 200
 *
 * Angular's own budgets (project.json) count raw bytes; this one counts what travels.
 */
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

/** The scripts, module preloads and style sheets index.html names: what the first page needs. */
export function initialFiles(root: string): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const rel = /\brel="([^"]+)"/i.exec(tag)?.[1];
    const url = /\b(?:src|href)="([^"]+)"/i.exec(tag)?.[1];
    if (!url || /^[a-z]+:|^\/\//i.test(url)) continue;
    if (tag.startsWith('<script') || rel === 'modulepreload' || rel === 'stylesheet') files.add(url.replace(/^\//, ''));
  }
  return [...files];
}

function main(): void {
  const args = process.argv.slice(2);
  const root = args.find((arg) => !arg.startsWith('--')) ?? 'dist/apps/web/browser';
  const budgetIndex = args.indexOf('--initial-gzip-budget');
  const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : undefined;

  const written = precompress(root);
  const initial = initialFiles(root).map((file) => {
    const content = readFileSync(join(root, file));
    return { file, raw: content.length, gzip: gzip(content).length, brotli: brotli(content).length };
  });
  const total = (key: 'raw' | 'gzip' | 'brotli') => initial.reduce((sum, f) => sum + f[key], 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  process.stdout.write(
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
