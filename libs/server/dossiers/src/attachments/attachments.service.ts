import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { attachmentUploadFieldsSchema, type AttachmentSummary } from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { APP_CONFIG, isUuid, ValidationFailed, type AppConfig } from '@portal/server/platform';
import type { FileHandle } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ATTACHMENT_COLUMNS, type AttachmentRow, toAttachmentSummary } from './attachment-row';
import type { UploadedPaper } from './attachment-upload.interceptor';
import {
  AttachmentInUse,
  AttachmentNotFound,
  FileEmpty,
  FileTypeNotAllowed,
  UploadQuotaExceeded,
} from './attachment.errors';
import { sniffContentType } from './content-type';
import { sanitiseFileName } from './file-name';
import { FileStore } from './file-store';

/** The upload's text fields and its file, checked together so that every problem shows at once. */
const uploadSchema = attachmentUploadFieldsSchema.extend({
  file: z.custom<UploadedPaper>((value) => value !== undefined && value !== null, { message: 'fileRequired' }),
});

/**
 * A citizen's uploaded papers: kept only when they are what they claim to be,
 * readable and removable by their owner alone. A row and its file come and go
 * together: no request that fails leaves either behind.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks an upload (paper code, a file that is not empty and is really a PDF,
   * JPEG or PNG by its first bytes) and keeps it. The row, its audit event and
   * the file's move to its permanent place happen in one transaction; if the
   * transaction fails the file is removed again.
   */
  async upload(
    ownerId: string,
    fields: unknown,
    file: UploadedPaper | undefined,
    requestId?: string,
  ): Promise<AttachmentSummary> {
    try {
      const input = { ...(typeof fields === 'object' && fields !== null ? fields : {}), file };
      const parsed = uploadSchema.safeParse(input, { reportInput: true });
      if (!parsed.success) throw new ValidationFailed(parsed.error);
      const { paperCode, file: received } = parsed.data;
      if (received.sizeBytes === 0) throw new FileEmpty();
      const mimeType = sniffContentType(received.head);
      if (!mimeType) throw new FileTypeNotAllowed();
      const fileName = sanitiseFileName(received.originalname, mimeType, paperCode);
      const key = FileStore.newKey();
      let kept = false;
      try {
        return await this.dataSource.transaction(async (manager) => {
          // The owner's uploads that are in no dossier yet are bounded (UPLOAD_QUOTA_FILES, _BYTES); one
          // upload of an owner at a time is counted against it, so that parallel uploads cannot overshoot.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`, [ownerId]);
          const [held] = (await manager.query(
            `SELECT count(*)::int AS files, coalesce(sum(size_bytes), 0)::bigint AS bytes
               FROM attachment WHERE owner_id = $1 AND dossier_id IS NULL`,
            [ownerId],
          )) as { files: number; bytes: string }[];
          if (
            held.files + 1 > this.config.UPLOAD_QUOTA_FILES ||
            Number(held.bytes) + received.sizeBytes > this.config.UPLOAD_QUOTA_BYTES
          ) {
            throw new UploadQuotaExceeded(this.config.UPLOAD_QUOTA_FILES, this.config.UPLOAD_QUOTA_BYTES);
          }
          const [row] = (await manager.query(
            `INSERT INTO attachment (owner_id, paper_code, file_name, mime_type, size_bytes, sha256, storage_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             RETURNING ${ATTACHMENT_COLUMNS}`,
            [ownerId, paperCode, fileName, mimeType, received.sizeBytes, received.sha256, key],
          )) as AttachmentRow[];
          // The file name stays out of the audit trail: it may name the child or the parents.
          await audit(manager, {
            actorId: ownerId,
            action: 'attachment.uploaded',
            targetType: 'attachment',
            targetId: row.id,
            details: { paperCode, mimeType, sizeBytes: received.sizeBytes },
            requestId,
          });
          kept = true;
          await this.files.keep(received, key);
          return toAttachmentSummary(row);
        });
      } catch (error) {
        if (kept) await this.files.remove(key);
        throw error;
      }
    } finally {
      if (file) await this.files.discard(file);
    }
  }

  /** The owner's attachment and its bytes, opened for reading; AttachmentNotFound for anyone else. */
  async open(ownerId: string, id: string): Promise<{ attachment: AttachmentSummary; file: FileHandle }> {
    if (!isUuid(id)) throw new AttachmentNotFound();
    const [row] = (await this.dataSource.query(
      `SELECT ${ATTACHMENT_COLUMNS}, storage_key FROM attachment WHERE id = $1 AND owner_id = $2`,
      [id, ownerId],
    )) as Array<AttachmentRow & { storage_key: string }>;
    const file = row ? await this.files.open(row.storage_key) : null;
    if (!row || !file) throw new AttachmentNotFound();
    return { attachment: toAttachmentSummary(row), file };
  }

  /** A paper of a dossier, for the staff who handle it (the caller has checked their access to the dossier). */
  async openInDossier(dossierId: string, id: string): Promise<{ attachment: AttachmentSummary; file: FileHandle }> {
    if (!isUuid(id)) throw new AttachmentNotFound();
    const [row] = (await this.dataSource.query(
      `SELECT ${ATTACHMENT_COLUMNS}, storage_key FROM attachment WHERE id = $1 AND dossier_id = $2`,
      [id, dossierId],
    )) as Array<AttachmentRow & { storage_key: string }>;
    const file = row ? await this.files.open(row.storage_key) : null;
    if (!row || !file) throw new AttachmentNotFound();
    return { attachment: toAttachmentSummary(row), file };
  }

  /**
   * Deletes the owner's attachment while it belongs to no dossier: the row and
   * its audit event first, then the file. Once submitted it stays (409).
   */
  async delete(ownerId: string, id: string, requestId?: string): Promise<void> {
    if (!isUuid(id)) throw new AttachmentNotFound();
    const key = await this.dataSource.transaction(async (manager) => {
      const [deleted] = (await manager.query(
        `DELETE FROM attachment WHERE id = $1 AND owner_id = $2 AND dossier_id IS NULL
         RETURNING id, storage_key, paper_code`,
        [id, ownerId],
      )) as [Array<{ id: string; storage_key: string; paper_code: string }>, number];
      if (!deleted.length) {
        const [linked] = (await manager.query(`SELECT 1 FROM attachment WHERE id = $1 AND owner_id = $2`, [
          id,
          ownerId,
        ])) as unknown[];
        throw linked ? new AttachmentInUse() : new AttachmentNotFound();
      }
      await audit(manager, {
        actorId: ownerId,
        action: 'attachment.deleted',
        targetType: 'attachment',
        targetId: deleted[0].id,
        details: { paperCode: deleted[0].paper_code },
        requestId,
      });
      return deleted[0].storage_key;
    });
    // After the commit: a file without a row is harmless, a row without its file is not.
    await this.files
      .remove(key)
      .catch((error: unknown) =>
        this.logger.error({ err: error, storageKey: key }, 'Could not remove the file of a deleted attachment'),
      );
  }
}
