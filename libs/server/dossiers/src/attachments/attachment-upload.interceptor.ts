import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ATTACHMENT_MAX_BYTES } from '@portal/contracts';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import type { Observable } from 'rxjs';
import { FileTooLarge, UploadMalformed } from './attachment.errors';
import { FileStore, type ReceivedFile } from './file-store';

/** The `file` field as the route receives it: multer's description of the part, and what the FileStore measured. */
export interface UploadedPaper extends ReceivedFile {
  /** The name on the citizen's computer, as sent (not yet cleaned). */
  originalname: string;
  /** The Content-Type the browser declared; never trusted. */
  mimetype: string;
}

type Callback<T> = (error: unknown, info?: T) => void;

/**
 * A multer storage engine that streams the file into the FileStore's incoming
 * folder, so that a 10 MB upload never sits in memory, and that removes it
 * again when multer gives the request up.
 */
class FileStoreEngine {
  constructor(private readonly store: FileStore) {}

  _handleFile(_req: Request, file: { stream: Readable }, callback: Callback<Partial<UploadedPaper>>): void {
    this.store.receive(file.stream, ATTACHMENT_MAX_BYTES).then(
      (received) => callback(null, received),
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_req: Request, file: Partial<UploadedPaper>, callback: Callback<never>): void {
    if (!file.tempPath) return callback(null);
    this.store.discard(file.tempPath).then(
      () => callback(null),
      (error: unknown) => callback(error),
    );
  }
}

/**
 * Receives the one file of an upload (`multipart/form-data`, field `file`)
 * with Nest's FileInterceptor (multer), into the FileStore, with tight limits:
 * one file of at most 10 MB, a few short text fields. A file over the limit is
 * cut off as it streams in and answered with FILE_TOO_LARGE (400), any other
 * malformed body with UPLOAD_MALFORMED (400). Put it after the sign-in guard,
 * so that nothing of a stranger's request is written.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(store: FileStore) {
    const Multer = FileInterceptor('file', {
      storage: new FileStoreEngine(store),
      // Browsers send the file name as UTF-8 ("giấy chứng sinh.pdf"), not Latin-1.
      defParamCharset: 'utf8',
      limits: {
        fileSize: ATTACHMENT_MAX_BYTES,
        files: 1,
        fields: 4,
        fieldNameSize: 64,
        fieldSize: 1024,
        parts: 5,
        headerPairs: 32,
      },
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw new FileTooLarge();
      if (error instanceof BadRequestException) throw new UploadMalformed();
      throw error;
    }
  }
}
