import type { WorkflowAction } from '@portal/contracts';
import type { ActorRole, DossierState, Transition } from './definitions/definition';
import { workflowOf } from './workflows';

export { workflows } from './workflows';

export type Decision =
  | { ok: true; transition: Transition }
  | { ok: false; reason: 'not_allowed_now' | 'role_not_allowed' | 'reason_required' | 'unknown_workflow' };

const same = (a: DossierState, b: DossierState) => a.status === b.status && (a.step ?? null) === (b.step ?? null);

/**
 * Decides an action on a dossier from the workflow's table: the transition to
 * apply, or why the action is refused. Pure: no I/O, no clock.
 */
export function decide(
  workflowCode: string,
  state: DossierState,
  proposal: 'approve' | 'refuse' | null,
  action: WorkflowAction,
  roles: readonly ActorRole[],
  reason: string | undefined,
): Decision {
  const workflow = workflowOf(workflowCode);
  if (!workflow) return { ok: false, reason: 'unknown_workflow' };
  const candidates = workflow.transitions.filter(
    (t) => t.action === action && same(t.from, state) && (!t.whenProposal || t.whenProposal === proposal),
  );
  if (candidates.length === 0) return { ok: false, reason: 'not_allowed_now' };
  const transition = candidates.find((t) => t.roles.some((role) => roles.includes(role)));
  if (!transition) return { ok: false, reason: 'role_not_allowed' };
  if (transition.reasonRequired && !reason) return { ok: false, reason: 'reason_required' };
  return { ok: true, transition };
}

/** The actions these roles may take from this state (for the buttons a page shows). */
export function allowedActions(
  workflowCode: string,
  state: DossierState,
  proposal: 'approve' | 'refuse' | null,
  roles: readonly ActorRole[],
): WorkflowAction[] {
  const workflow = workflowOf(workflowCode);
  if (!workflow) return [];
  const actions = workflow.transitions
    .filter((t) => same(t.from, state) && (!t.whenProposal || t.whenProposal === proposal))
    .filter((t) => t.roles.some((role) => roles.includes(role)))
    .map((t) => t.action);
  return [...new Set(actions)];
}
