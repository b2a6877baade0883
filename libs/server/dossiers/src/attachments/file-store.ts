import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@portal/server/platform';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileTooLarge } from './attachment.errors';
import { SNIFF_LENGTH } from './content-type';

/** A file that has arrived but is not kept yet. */
export interface ReceivedFile {
  /** Where the bytes wait (UPLOAD_DIR/incoming) until they are kept or discarded. */
  tempPath: string;
  sizeBytes: number;
  /** Hex SHA-256, computed while the bytes were written. */
  sha256: string;
  /** The first bytes, enough to tell what the file really is. */
  head: Buffer;
}

/** A storage key: 128 random bits in hex. It is the file's only name on disk. */
const STORAGE_KEY = /^[0-9a-f]{32}$/;

/** Half-received files older than this are left over from a crash, and removed at start-up. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

/**
 * Uploaded papers on disk, in UPLOAD_DIR (outside the web root, never served
 * as static files). A file arrives in `incoming/` under a random temporary name
 * while its size is counted and its hash computed, and is then renamed to
 * `ab/cd/<key>`, where the key is 128 random bits: never the citizen's file
 * name, no extension, readable by the portal's user only (0600, folders 0700).
 */
@Injectable()
export class FileStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(FileStore.name);
  readonly root: string;
  private readonly incoming: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'UPLOAD_DIR'>) {
    this.root = config.UPLOAD_DIR;
    this.incoming = join(this.root, 'incoming');
  }

  /** A new random storage key. */
  static newKey(): string {
    return randomBytes(16).toString('hex');
  }

  /** Removes what a crash left half-received (the folders themselves are made on the first upload). */
  async onApplicationBootstrap(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.incoming);
    } catch (error) {
      ignoreMissing(error);
      return;
    }
    for (const name of names) {
      const path = join(this.incoming, name);
      try {
        const { mtimeMs } = await stat(path);
        if (Date.now() - mtimeMs > STALE_AFTER_MS) await unlink(path);
      } catch (error) {
        // Another replica may have removed it first; anything else is worth a line in the log, not a failed start.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.logger.warn({ err: error, file: name }, 'Could not remove a stale half-received upload');
        }
      }
    }
  }

  /**
   * Writes a stream to a temporary file, hashing it and counting its bytes as
   * they pass; more than `maxBytes` stops the write with FileTooLarge. Nothing is
   * left behind when it fails.
   */
  async receive(source: Readable, maxBytes: number): Promise<ReceivedFile> {
    await mkdir(this.incoming, { recursive: true, mode: 0o700 });
    const tempPath = join(this.incoming, `${FileStore.newKey()}.part`);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) return done(new FileTooLarge());
        hash.update(chunk);
        if (headLength < SNIFF_LENGTH) {
          const part = chunk.subarray(0, SNIFF_LENGTH - headLength);
          head.push(part);
          headLength += part.length;
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600, flush: true }));
    } catch (error) {
      await this.discard(tempPath);
      throw error;
    }
    return { tempPath, sizeBytes, sha256: hash.digest('hex'), head: Buffer.concat(head) };
  }

  /** Moves a received file to its permanent place under `key`. */
  async keep(file: ReceivedFile, key: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await rename(file.tempPath, path);
    // The rename itself survives a power cut only once its folder is written out.
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  /** Removes a received file that is not to be kept; nothing happens when it is gone already. */
  async discard(file: ReceivedFile | string): Promise<void> {
    const path = typeof file === 'string' ? file : file.tempPath;
    if (dirname(path) !== this.incoming) throw new Error('FileStore.discard: not a received file');
    await unlink(path).catch(ignoreMissing);
  }

  /** Opens a kept file for reading; null when it is missing. */
  async open(key: string): Promise<FileHandle | null> {
    try {
      return await open(this.pathOf(key), 'r');
    } catch (error) {
      ignoreMissing(error);
      this.logger.error({ storageKey: key }, 'An attachment row has no file');
      return null;
    }
  }

  /** Removes a kept file; nothing happens when it is gone already. */
  async remove(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch(ignoreMissing);
  }

  /** `<UPLOAD_DIR>/ab/cd/abcd…`: two levels of folders keep each folder small. */
  pathOf(key: string): string {
    if (!STORAGE_KEY.test(key)) throw new Error('FileStore: malformed storage key');
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}
