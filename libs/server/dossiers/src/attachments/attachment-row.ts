import type { AttachmentMimeType, AttachmentSummary } from '@portal/contracts';

/** An `attachment` row as the queries of this folder select it. */
export interface AttachmentRow {
  id: string;
  paper_code: string;
  file_name: string;
  mime_type: AttachmentMimeType;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

export const ATTACHMENT_COLUMNS = 'id, paper_code, file_name, mime_type, size_bytes, sha256, created_at';

export function toAttachmentSummary(row: AttachmentRow): AttachmentSummary {
  return {
    id: row.id,
    paperCode: row.paper_code,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
