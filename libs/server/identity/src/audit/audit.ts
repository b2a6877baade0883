import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** Facts about the event; never names, ID numbers, phone numbers or passwords. */
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Appends to the audit trail, inside the caller's transaction when given one. */
export async function audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_event (actor_id, action, target_type, target_id, details, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.actorId,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
      entry.requestId ?? null,
    ],
  );
}
