import type { WorkflowAction, WorkflowStep } from '@portal/contracts';

export type DossierState = { status: string; step: WorkflowStep | null };
export type ActorRole = 'citizen' | 'clerk' | 'leader' | 'system';

/** One row of a workflow's state table (the way DIGIT's workflow service declares business services). */
export interface Transition {
  action: WorkflowAction;
  from: DossierState;
  to: DossierState;
  roles: readonly ActorRole[];
  /** The actor must say why (refusals, supplement requests, sending back). */
  reasonRequired?: boolean;
  /** The legal clock starts (receipt: the due date is set), stops (waiting for the citizen) or starts again. */
  clock?: 'start' | 'stop' | 'resume';
  /** The actor takes the dossier on (becomes its assignee). */
  assign?: boolean;
  /** The actor may send papers with the action (a citizen's resubmission). */
  acceptsPapers?: boolean;
  /** The citizen is told by e-mail of the new status. */
  tellCitizen?: boolean;
  /** What the dossier goes on to once this transition commits: the linked procedure's partner agencies. */
  handOff?: 'partner-agencies';
  /** A proposal the leader's signature will decide. */
  proposal?: 'approve' | 'refuse';
  /** The transition is decided by the proposal on the dossier. */
  whenProposal?: 'approve' | 'refuse';
  /** Ends the dossier's processing: finished time set, timers cancelled. */
  final?: boolean;
  /** The procedure's signed result document is issued once this commits (a job in the worker). */
  issuesResult?: boolean;
}

export interface WorkflowDefinition {
  code: string;
  transitions: readonly Transition[];
}
