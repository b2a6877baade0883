import * as z from 'zod';
import type { LocalizedText } from './common';

/**
 * Papers a citizen uploads with an application (the medical birth certificate,
 * the parents' marriage certificate, …). The browser checks the declared type
 * and the size before uploading; the API decides by the file's content.
 */

/** The only kinds of file the portal accepts, as the API reports them (judged by content). */
export const ATTACHMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** For `<input type="file" accept="…">`. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_MIME_TYPES.join(',');

/** The file name extensions that go with each accepted type; the first is the usual one. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentMimeType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/** The largest file accepted, in bytes (10 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** "10 MB": the limit as people read it. */
export const ATTACHMENT_MAX_SIZE_LABEL = `${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB`;

export function isAttachmentMimeType(value: string): value is AttachmentMimeType {
  return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(value);
}

/** A code of the procedure's required papers, e.g. `medical_birth_certificate`. */
export const paperCodeSchema = z
  .string({ message: 'paperCode' })
  .max(64, { message: 'paperCode' })
  .regex(/^[a-z0-9_]+$/, { message: 'paperCode' });

/** The text fields of an upload (multipart/form-data); the file itself is the `file` field. */
export const attachmentUploadFieldsSchema = z.object({ paperCode: paperCodeSchema });

/** An uploaded paper, as the API returns it. */
export interface AttachmentSummary {
  id: string;
  paperCode: string;
  /** The citizen's own name for the file, cleaned of anything unsafe, with an extension that matches its type. */
  fileName: string;
  /** Decided from the file's first bytes, never from the name or the declared type. */
  mimeType: AttachmentMimeType;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, so a copy can be checked against what was uploaded. */
  sha256: string;
  createdAt: string;
}

/** Why a file is refused; the API's errors and the browser's own checks say the same words. */
export const attachmentMessages = {
  tooLarge: {
    vi: `Tệp lớn hơn ${ATTACHMENT_MAX_SIZE_LABEL}. Vui lòng chọn tệp nhỏ hơn, ví dụ quét với độ phân giải thấp hơn.`,
    en: `The file is larger than ${ATTACHMENT_MAX_SIZE_LABEL}. Please choose a smaller file, for example a scan at a lower resolution.`,
  },
  typeNotAllowed: {
    vi: 'Tệp phải là PDF, JPG hoặc PNG. Tệp đã chọn không phải một trong các loại này, dù tên tệp có thể cho thấy khác.',
    en: 'The file must be a PDF, JPG or PNG. The chosen file is none of these, whatever its name says.',
  },
  empty: { vi: 'Tệp đã chọn không có nội dung.', en: 'The chosen file is empty.' },
} satisfies Record<string, LocalizedText>;

/** What the browser knows of a chosen file before sending it (a `File` has these). */
export interface ChosenFile {
  name: string;
  type: string;
  size: number;
}

/**
 * The browser's own check before an upload, by the declared type (or, when the
 * browser declares none, the extension) and the size: which message of
 * `attachmentMessages` applies, or null when the file may be sent. The API
 * checks again, by the file's content.
 */
export function checkChosenFile(file: ChosenFile): keyof typeof attachmentMessages | null {
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooLarge';
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  const known = file.type
    ? isAttachmentMimeType(file.type)
    : Object.values(ATTACHMENT_EXTENSIONS).some((extensions) => extensions.includes(extension));
  return known ? null : 'typeNotAllowed';
}
