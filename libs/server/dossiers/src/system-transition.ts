import type { WorkflowAction } from '@portal/contracts';
import { decide } from '@portal/server/workflow';
import type { EntityManager } from 'typeorm';

/**
 * A transition the portal itself takes (role `system`), inside the caller's
 * transaction: a dossier paid online goes to its ward (`pay`), one left unpaid is
 * withdrawn (`cancel_unpaid`). The state table decides; when the dossier is not in
 * a state the action starts from (already moved on, withdrawn meanwhile), nothing
 * changes and `false` is answered.
 */
export async function applySystemTransition(
  manager: EntityManager,
  dossierId: string,
  action: WorkflowAction,
  details?: Record<string, unknown>,
): Promise<boolean> {
  const [row] = (await manager.query(
    `SELECT d.id, d.status, d.step, d.proposal, p.workflow
       FROM dossier d JOIN procedure p ON p.code = d.procedure_code
      WHERE d.id = $1 FOR UPDATE OF d`,
    [dossierId],
  )) as { id: string; status: string; step: null; proposal: 'approve' | 'refuse' | null; workflow: string }[];
  if (!row) return false;
  const decision = decide(
    row.workflow,
    { status: row.status, step: row.step },
    row.proposal,
    action,
    ['system'],
    undefined,
  );
  if (!decision.ok) return false;
  const t = decision.transition;
  await manager.query(
    `UPDATE dossier SET status = $2, step = $3, finished_at = CASE WHEN $4 THEN now() ELSE finished_at END,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [row.id, t.to.status, t.to.step, !!t.final],
  );
  await manager.query(
    `INSERT INTO dossier_event (dossier_id, actor_role, action, from_status, to_status, details)
     VALUES ($1, 'system', $2, $3, $4, $5)`,
    [row.id, action, row.status, t.to.status, details ? JSON.stringify(details) : null],
  );
  return true;
}
