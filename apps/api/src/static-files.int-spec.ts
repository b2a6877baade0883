import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/** The built web app as the API serves it (WEB_ROOT): precompressed, cached by name, never over /api. */
describe('static files of the web app', () => {
  let api: ApiUnderTest;
  let origin: string;
  let folder: string;
  const script = 'console.log("the portal");\n'.repeat(200);
  const indexHtml =
    '<!doctype html><html lang="vi"><head></head><body>' +
    '<dvc-root><span>{{shell.portalName}}</span><button aria-pressed="{{language.en}}">English</button>' +
    '<main><!--page--></main></dvc-root></body></html>\n';
  const texts = {
    vi: { shell: { portalName: 'Cổng <Dịch vụ công>' }, catalogue: { title: 'Dịch vụ công', lead: 'Nộp hồ sơ' } },
    en: { shell: { portalName: 'Public service portal' }, catalogue: { title: 'Online services' } },
  };
  /** index.html as the shell of a page with no first lines of its own, in Vietnamese. */
  const shellHtml = indexHtml
    .replace('{{shell.portalName}}', 'Cổng &lt;Dịch vụ công&gt;')
    .replace('{{language.en}}', 'false');

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'portal-web-'));
    const root = join(folder, 'browser');
    mkdirSync(join(root, 'i18n'), { recursive: true });
    writeFileSync(join(folder, 'secret.txt'), 'not for the web');
    writeFileSync(join(root, 'index.html'), indexHtml);
    writeFileSync(join(root, 'main-ABCD1234.js'), script);
    writeFileSync(join(root, 'main-ABCD1234.js.br'), brotliCompressSync(script));
    writeFileSync(join(root, 'main-ABCD1234.js.gz'), gzipSync(script));
    writeFileSync(join(root, 'styles-WXYZ5678.css'), 'body{margin:0}');
    writeFileSync(join(root, 'chunk-aB3_x-Yz.js'), 'export {};');
    writeFileSync(join(root, 'site-manifest.json'), '{}');
    writeFileSync(join(root, 'i18n/vi.json'), JSON.stringify(texts.vi));
    writeFileSync(join(root, 'i18n/en.json'), JSON.stringify(texts.en));
    writeFileSync(join(root, '.env'), 'SECRET=1');
    api = await startApi({ config: { WEB_ROOT: root } });
    origin = api.base.replace(/\/api$/, '');
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** fetch() would decompress and hide Content-Encoding's effect; this returns the bytes as sent. */
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const { hostname, port } = new URL(origin);
        // The path goes out exactly as written (a URL would resolve "/../" before sending).
        const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('sends brotli when the browser accepts it, with Content-Encoding and Vary', async () => {
    const res = await get('/main-ABCD1234.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzipped = await get('/main-ABCD1234.js', { 'Accept-Encoding': 'gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const refused = await get('/main-ABCD1234.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get('/main-ABCD1234.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(script);
  });

  it('caches hashed files for a year as immutable, and revalidates everything else', async () => {
    for (const path of ['/main-ABCD1234.js', '/styles-WXYZ5678.css', '/chunk-aB3_x-Yz.js']) {
      expect((await get(path)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/index.html', '/i18n/vi.json', '/site-manifest.json', '/procedures/1.001193']) {
      expect((await get(path)).headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers a repeated request with 304 when the ETag matches, per encoding', async () => {
    const first = await get('/main-ABCD1234.js', { 'Accept-Encoding': 'br' });
    const again = await get('/main-ABCD1234.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await get('/main-ABCD1234.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(first.headers.etag),
    });
    expect(otherEncoding.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/main-ABCD1234.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBe(0);
  });

  it("sends index.html for the Angular app's routes, its texts filled in", async () => {
    for (const path of ['/index.html', '/procedures/0.000000', '/dossiers/HS-01-250701-0001', '/i18n/', '/i18n']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body.toString()).toBe(shellHtml);
    }
  });

  it('draws the landing page and a procedure page before their scripts arrive, in the visitor’s language', async () => {
    const landing = (await get('/')).body.toString();
    expect(landing).toContain('<main><h1>Dịch vụ công</h1><p class="lead">Nộp hồ sơ</p><form class="search"');
    // The catalogue's own procedures, a card each.
    const listed = (await (await fetch(`${api.base}/procedures`)).json()) as Array<{ code: string }>;
    expect(listed.length).toBeGreaterThan(1);
    expect(
      [...landing.matchAll(/<li class="procedure-card">.*?href="\/procedures\/([^"]+)"/g)].map((m) => m[1]),
    ).toEqual(listed.map((p) => p.code));

    const english = (await get('/', { Cookie: 'session=x; lang=en' })).body.toString();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<span>Public service portal</span><button aria-pressed="true">');
    // A text the English file lacks is the Vietnamese one.
    expect(english).toContain('<h1>Online services</h1><p class="lead">Nộp hồ sơ</p>');

    // A procedure's own field, name and description, from the catalogue.
    const procedure = (await (await fetch(`${api.base}/procedures/1.001193`)).json()) as {
      name: { vi: string };
      field: { vi: string };
      description: { vi: string };
    };
    const page = (await get('/procedures/1.001193')).body.toString();
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    expect(page).toContain(
      `<span class="caption">${escape(procedure.field.vi)}</span><h1>${escape(procedure.name.vi)}</h1>` +
        `<p class="lead">${escape(procedure.description.vi)}</p>`,
    );
  });

  it('sends the drawn page compressed as the browser prefers, and 304 when it has not changed', async () => {
    const br = await get('/', { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['vary'])).toMatch(/Accept-Encoding.*Cookie/);
    expect(brotliDecompressSync(br.body).toString()).toContain('<h1>Dịch vụ công</h1>');
    const gzip = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(gzip.body).toString()).toBe(brotliDecompressSync(br.body).toString());
    const again = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    const other = await get('/', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(br.headers.etag),
      Cookie: 'lang=en',
    });
    expect(other.status).toBe(200);
  });

  it("has the browser fetch a public page's data beside its scripts, and only for the pages that draw it", async () => {
    const preload = async (path: string) => (await get(path)).headers['link'];
    expect(await preload('/')).toBe('</api/procedures>; rel=preload; as=fetch; crossorigin=anonymous');
    expect(await preload('/procedures/1.001193')).toBe(
      '</api/procedures/1.001193>; rel=preload; as=fetch; crossorigin=anonymous',
    );
    for (const path of [
      '/index.html',
      '/dossiers',
      '/procedures/1.001193/more',
      '/procedures/a%3Eb',
      '/status',
      '/main-ABCD1234.js',
    ])
      expect({ path, link: await preload(path) }).toEqual({ path, link: undefined });
  });

  it('never answers for /api: the API keeps its routes and its JSON 404', async () => {
    const live = await get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toMatch(/^application\/json/);
    for (const path of ['/api/no-such-thing', '/api', '/API/no-such-thing']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('refuses paths outside the folder, dotfiles and unknown files, and lists no folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/i18n/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/.env',
      '/.git/config',
      '/main-OLD00000.js',
      '/main-ABCD1234.js.br',
    ]) {
      const res = await get(path);
      expect([400, 404]).toContain(res.status);
      expect(res.body.toString()).not.toContain('not for the web');
      expect(res.body.toString()).not.toContain('SECRET');
      expect(res.body.toString()).not.toContain('dvc-root');
    }
  });

  it('leaves other methods to the API', async () => {
    expect((await get('/index.html', {}, 'POST')).status).toBe(404);
  });
});
