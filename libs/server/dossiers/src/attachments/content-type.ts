import type { AttachmentMimeType } from '@portal/contracts';

/**
 * What an uploaded file really is, judged by its first bytes ("magic bytes")
 * alone: the name the citizen gave it and the Content-Type their browser
 * declared are never consulted, so a renamed program or web page is refused.
 *
 * Hand-written rather than taken from the maintained `file-type` package: the
 * portal accepts exactly three fixed signatures, and `file-type` is ESM-only and
 * needs Node 22, while the server is CommonJS on Node 20.
 */
const signatures: ReadonlyArray<{ mimeType: AttachmentMimeType; bytes: readonly number[] }> = [
  // "%PDF-", at the very start (no leading bytes tolerated).
  { mimeType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // SOI marker followed by the first marker's 0xFF.
  { mimeType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // \x89 P N G \r \n \x1a \n
  { mimeType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes `sniffContentType` needs to see. */
export const SNIFF_LENGTH = Math.max(...signatures.map((signature) => signature.bytes.length));

/** The accepted type the bytes begin with, or null when they are none of PDF, JPEG and PNG. */
export function sniffContentType(head: Uint8Array): AttachmentMimeType | null {
  for (const { mimeType, bytes } of signatures) {
    if (head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte)) return mimeType;
  }
  return null;
}
