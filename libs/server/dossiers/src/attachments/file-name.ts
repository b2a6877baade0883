import { ATTACHMENT_EXTENSIONS, type AttachmentMimeType } from '@portal/contracts';

/** The longest file name kept, in characters (code points), extension included. */
export const MAX_FILE_NAME_LENGTH = 200;

// Control characters (\p{Cc}), and the bidirectional overrides that make "gpj.exe" display as "exe.jpg".
const INVISIBLE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
// Characters that no file system of the citizen's or the clerk's computer accepts in a name.
const RESERVED = /[<>:"/\\|?*]/g;

function truncate(text: string, length: number): string {
  return Array.from(text).slice(0, length).join('');
}

/**
 * The citizen's name for a file, made safe to keep and to show: no folders, no
 * control or direction-changing characters, no characters file systems refuse,
 * at most 200 characters, and an extension that matches what the file really is
 * (`giay-chung-sinh.pdf` that is a PNG becomes `giay-chung-sinh.pdf.png`).
 * `fallback` names the file when nothing of the original is left.
 */
export function sanitiseFileName(original: string | undefined, mimeType: AttachmentMimeType, fallback: string): string {
  const lastPart = (original ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = lastPart
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const extensions = ATTACHMENT_EXTENSIONS[mimeType];
  const dot = cleaned.lastIndexOf('.');
  const hasOwnExtension = dot > 0 && extensions.includes(cleaned.slice(dot).toLowerCase());
  const stem = hasOwnExtension ? cleaned.slice(0, dot) : cleaned;
  const extension = hasOwnExtension ? cleaned.slice(dot) : extensions[0];
  const shortStem = truncate(stem || fallback, MAX_FILE_NAME_LENGTH - extension.length).replace(/[.\s]+$/, '');
  return `${shortStem || truncate(fallback, MAX_FILE_NAME_LENGTH - extension.length)}${extension}`;
}

function toAscii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A Content-Disposition header value naming the file: an ASCII fallback for old
 * clients, and the real (Vietnamese) name in RFC 6266 / RFC 5987 form.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  return `${kind}; filename="${toAscii(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
