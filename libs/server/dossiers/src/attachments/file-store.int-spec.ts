import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileTooLarge } from './attachment.errors';
import { FileStore } from './file-store';

describe('FileStore', () => {
  let root: string;
  let store: FileStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'portal-file-store-'));
    store = new FileStore({ UPLOAD_DIR: root });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const files = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);

  it('hashes and measures a stream while writing it, keeping the first bytes for sniffing', async () => {
    const chunks = [Buffer.from('%PD'), Buffer.from('F-1.7\n'), Buffer.alloc(100_000, 0x41)];
    const received = await store.receive(Readable.from(chunks), 1_000_000);
    const all = Buffer.concat(chunks);
    expect(received.sizeBytes).toBe(all.length);
    expect(received.sha256).toBe(createHash('sha256').update(all).digest('hex'));
    expect(received.head.toString('latin1')).toBe('%PDF-1.7');
    expect((await readFile(received.tempPath)).equals(all)).toBe(true);
    expect((await stat(received.tempPath)).mode & 0o777).toBe(0o600);
  });

  it('keeps a file under ab/cd/<key>, readable by the owner of the process only', async () => {
    const received = await store.receive(Readable.from([Buffer.from('%PDF-1.4')]), 100);
    const key = FileStore.newKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    await store.keep(received, key);
    const path = join(root, key.slice(0, 2), key.slice(2, 4), key);
    expect(await readFile(path, 'latin1')).toBe('%PDF-1.4');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, key.slice(0, 2)))).mode & 0o777).toBe(0o700);
    expect(await files()).toEqual([key]);

    const handle = await store.open(key);
    expect((await handle?.readFile())?.toString('latin1')).toBe('%PDF-1.4');
    await handle?.close();
    await store.remove(key);
    expect(await files()).toEqual([]);
    expect(await store.open(key)).toBeNull();
    await store.remove(key);
  });

  it('stops a stream over the limit with FileTooLarge and leaves nothing behind', async () => {
    await expect(store.receive(Readable.from([Buffer.alloc(60), Buffer.alloc(41)]), 100)).rejects.toBeInstanceOf(
      FileTooLarge,
    );
    expect(await files()).toEqual([]);
  });

  it('leaves nothing behind when the stream breaks off', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from('%PDF-'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.receive(broken, 100)).rejects.toThrow('connection reset');
    expect(await files()).toEqual([]);
  });

  it('refuses storage keys that could leave its folder', () => {
    for (const key of ['../../etc/passwd', 'ABCDEF0123456789ABCDEF0123456789', '', 'g'.repeat(32)]) {
      expect(() => store.pathOf(key)).toThrow(/malformed storage key/);
    }
  });

  it('discards only files it received', async () => {
    await expect(store.discard(join(root, 'ab', 'cd', 'x'))).rejects.toThrow(/not a received file/);
  });

  it('removes half-received files a crash left more than a day ago, and no others, at start-up', async () => {
    await mkdir(join(root, 'incoming'));
    const stale = join(root, 'incoming', 'stale.part');
    const fresh = join(root, 'incoming', 'fresh.part');
    await writeFile(stale, 'x');
    await writeFile(fresh, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    await store.onApplicationBootstrap();
    expect(await files()).toEqual(['fresh.part']);
  });

  it('starts without any folder yet, and makes none until the first upload', async () => {
    const empty = new FileStore({ UPLOAD_DIR: join(root, 'not-yet') });
    await empty.onApplicationBootstrap();
    expect(await readdir(root)).toEqual([]);
  });
});
