import type { AttachmentSummary } from '@portal/contracts';
import type { EntityManager } from 'typeorm';
import { AttachmentNotAvailable } from './attachment.errors';
import { ATTACHMENT_COLUMNS, type AttachmentRow, toAttachmentSummary } from './attachment-row';
import { isUuid } from '@portal/server/platform';

export interface AttachmentLink {
  ownerId: string;
  dossierId: string;
  attachmentIds: readonly string[];
}

/**
 * Makes the citizen's uploads part of a dossier, inside the caller's
 * transaction (the submission's). Only the owner's own uploads that belong to
 * no dossier yet are linked; if any id is not one of those, nothing is linked
 * and AttachmentNotAvailable names the ids, so the transaction rolls back.
 * Two submissions racing for the same upload cannot both win: the second
 * UPDATE waits for the first's row lock and then finds the row taken.
 */
export async function linkAttachmentsToDossier(
  manager: EntityManager,
  { ownerId, dossierId, attachmentIds }: AttachmentLink,
): Promise<AttachmentSummary[]> {
  const ids = [...new Set(attachmentIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  const malformed = ids.filter((id) => !isUuid(id));
  if (malformed.length) throw new AttachmentNotAvailable(malformed);
  const rows = (await manager.query(
    `UPDATE attachment SET dossier_id = $1
      WHERE id = ANY($2::uuid[]) AND owner_id = $3 AND dossier_id IS NULL
      RETURNING ${ATTACHMENT_COLUMNS}`,
    [dossierId, ids, ownerId],
  )) as [AttachmentRow[], number];
  const linked = rows[0];
  if (linked.length !== ids.length) {
    const found = new Set(linked.map((row) => row.id));
    throw new AttachmentNotAvailable(ids.filter((id) => !found.has(id)));
  }
  return linked.map(toAttachmentSummary);
}
