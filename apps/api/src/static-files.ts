import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CatalogueModule, ProcedureNotFound, ProceduresService } from '@portal/server/catalogue';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { FirstPaint, pageLanguage, type CatalogueLookup } from './first-paint';

const API_PATH = /^\/api(\/|$)/i;
/** Paths that name a file rather than an Angular route. */
const ASSET_EXTENSION =
  /\.(m?js|css|map|json|html?|txt|xml|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|webmanifest|br|gz)$/i;
/**
 * Angular's output hashing: eight characters after a dash, `main-ABCD1234.js`, `styles-ABCD1234.css`,
 * `chunk-aB3_x-Yz.js` (esbuild's are upper case, the chunk optimizer's mixed), with a capital or a digit
 * among them — so `site-manifest.json` from apps/web/public is not taken for one (name public files so).
 */
const HASHED_NAME = /-(?=[\w-]{0,7}[A-Z0-9])[\w-]{8}\.[a-z0-9]+$/;
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

interface Representation {
  path: string;
  size: number;
  etag: string;
}

interface StaticFile {
  contentType: string;
  cacheControl: string;
  identity: Representation;
  encoded: Partial<Record<Encoding, Representation>>;
}

const WEB_ROOT_TOKEN = Symbol('WEB_ROOT');

/**
 * The built Angular app, served by the API.
 *
 * - Only the files the build produced are served: the folder is listed once at start-up (the built app does
 *   not change while the API runs; a new build is a new start), so no request path can reach anything
 *   else — no traversal, no directory listing, no dotfiles.
 * - A file the build also wrote as `.br` / `.gz` (tools/build/web-assets.ts) is sent in the encoding the
 *   request's `Accept-Encoding` prefers (brotli first on a tie), with `Content-Encoding` and
 *   `Vary: Accept-Encoding`; nothing is compressed per request.
 * - Files whose names carry the build's content hash (`chunk-ABCD1234.js`) are cached for a year as
 *   `immutable`; everything else (index.html, translations, favicon) is `no-cache`, revalidated by ETag.
 * - `/api` and everything under it is never answered here. Any other unknown path that does not name a
 *   file type (`/procedures/1.001193`, `/dossiers`) is an Angular route and gets index.html; an unknown
 *   `.js`, `.css`, `.json`… is a 404, so a browser holding an old page never runs HTML as a script.
 */
export function staticFiles(root: string, catalogue?: CatalogueLookup): RequestHandler {
  const files = listFiles(root);
  const index = files.get('/index.html');
  if (!index) throw new Error(`${join(root, 'index.html')} is missing: build the web app first (npm run build)`);
  files.set('/', index);
  const firstPaint = new FirstPaint(root, catalogue);

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path)) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = files.get(path);
    if (file && file !== index) return sendFile(req, res, next, file);
    // Outside the folder, a dotfile, a backslash or NUL, or a file the build did not make: the API's 404.
    if (!file && (/\/\.|[\\\0]/.test(path) || ASSET_EXTENSION.test(path))) return next();
    const data = pageData(path);
    if (data) res.setHeader('Link', `<${data}>; rel=preload; as=fetch; crossorigin=anonymous`);
    firstPaint.page(path, pageLanguage(req.headers.cookie)).then(
      (html) => sendPage(req, res, html),
      (error: unknown) => next(error),
    );
  };
}

/** An Angular route's page, drawn for this request (first-paint.ts): compressed as the browser prefers, revalidated. */
function sendPage(req: Request, res: Response, html: string): void {
  const body = Buffer.from(html);
  const encoding = preferredEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
  res.status(200);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.vary('Accept-Encoding');
  res.vary('Cookie');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  res.setHeader('ETag', `"${hash}${encoding ? `-${encoding}` : ''}"`);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const sent =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? gzipSync(body)
        : body;
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(sent.length));
  res.end(req.method === 'HEAD' ? undefined : sent);
}

/**
 * The API answer a public page draws first, fetched by the browser beside the scripts (a `Link: rel=preload`
 * header on the page) rather than after them: the procedure catalogue on the landing page, a procedure on its
 * page. The app's own request for it is then answered from that download. Public, cacheable answers only.
 */
export function pageData(path: string): string | undefined {
  if (path === '/') return '/api/procedures';
  const procedure = /^\/procedures\/([A-Za-z0-9._-]{1,32})$/.exec(path);
  return procedure ? `/api/procedures/${procedure[1]}` : undefined;
}

/** Serves WEB_ROOT: `StaticFilesModule.forRoot(config.WEB_ROOT)`; registered after the API's own routes. */
@Module({})
export class StaticFilesModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_ROOT_TOKEN) private readonly root: string,
    private readonly procedures: ProceduresService,
  ) {}

  static forRoot(root: string): DynamicModule {
    return {
      module: StaticFilesModule,
      imports: [CatalogueModule],
      providers: [{ provide: WEB_ROOT_TOKEN, useValue: root }],
    };
  }

  onModuleInit(): void {
    // The landing and procedure pages' first lines: the catalogue's own answers, none for an unknown code.
    const catalogue: CatalogueLookup = {
      procedures: () => this.procedures.list(),
      procedure: (code) =>
        this.procedures.get(code).catch((error: unknown) => {
          if (error instanceof ProcedureNotFound) return undefined;
          throw error;
        }),
    };
    this.adapterHost.httpAdapter.use(staticFiles(this.root, catalogue));
  }
}

function listFiles(root: string): Map<string, StaticFile> {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) paths.push(path);
    }
  };
  walk(root);
  const present = new Set(paths);
  const files = new Map<string, StaticFile>();
  for (const path of paths) {
    if (ENCODINGS.some(({ suffix }) => path.endsWith(suffix) && present.has(path.slice(0, -suffix.length)))) continue;
    const url = `/${relative(root, path).split(sep).join('/')}`;
    const encoded: StaticFile['encoded'] = {};
    for (const { name, suffix } of ENCODINGS) {
      if (present.has(path + suffix)) encoded[name] = representation(path + suffix, name);
    }
    files.set(url, {
      contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      cacheControl: HASHED_NAME.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      identity: representation(path),
      encoded,
    });
  }
  return files;
}

function representation(path: string, encoding?: Encoding): Representation {
  const hash = createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 27);
  return { path, size: statSync(path).size, etag: `"${hash}${encoding ? `-${encoding}` : ''}"` };
}

function sendFile(req: Request, res: Response, next: NextFunction, file: StaticFile): void {
  const available = Object.keys(file.encoded) as Encoding[];
  const encoding = available.length ? preferredEncoding(req.headers['accept-encoding'], available) : undefined;
  const chosen = (encoding && file.encoded[encoding]) || file.identity;
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Cache-Control', file.cacheControl);
  if (available.length) res.vary('Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('ETag', chosen.etag);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Length', String(chosen.size));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(chosen.path);
  stream.on('error', (error) => (res.headersSent ? res.destroy(error) : next(error)));
  stream.pipe(res);
}

/**
 * The encoding the client prefers among those a file has (RFC 9110 §12.5.3: q-values, `*`, `q=0` refuses);
 * brotli before gzip when the client weighs them the same. `undefined`: send the file as it is.
 */
export function preferredEncoding(header: string | string[] | undefined, available: Encoding[]): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(token, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const { name } of ENCODINGS) {
    if (!available.includes(name)) continue;
    const weight = weights.get(name) ?? (name === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = name;
      bestWeight = weight;
    }
  }
  return best;
}
