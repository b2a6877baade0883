import type { DossierState, Transition, WorkflowDefinition } from './definition';

const s = (status: string, step: DossierState['step'] = null): DossierState => ({ status, step });

/**
 * The state table of birth registration (1.001193) and of the linked procedure:
 * the clerk receives and works the dossier, may ask for more papers (the clock
 * stops until the citizen resends), proposes a decision, and the ward leader
 * signs it (or sends it back).
 */
const transitions: Transition[] = [
  { action: 'receive', from: s('new'), to: s('received'), roles: ['clerk'], clock: 'start', tellCitizen: true },
  {
    action: 'refuse',
    from: s('new'),
    to: s('refused'),
    roles: ['clerk'],
    reasonRequired: true,
    final: true,
    tellCitizen: true,
  },
  { action: 'start', from: s('received'), to: s('processing'), roles: ['clerk'], assign: true },
  {
    action: 'request_supplement',
    from: s('received'),
    to: s('supplement_requested'),
    roles: ['clerk'],
    reasonRequired: true,
    clock: 'stop',
    tellCitizen: true,
  },
  {
    action: 'request_supplement',
    from: s('processing'),
    to: s('supplement_requested'),
    roles: ['clerk'],
    reasonRequired: true,
    clock: 'stop',
    tellCitizen: true,
  },
  {
    action: 'resubmit',
    from: s('supplement_requested'),
    to: s('processing'),
    roles: ['citizen'],
    clock: 'resume',
    acceptsPapers: true,
  },
  {
    action: 'propose_approval',
    from: s('processing'),
    to: s('processing', 'awaiting_signature'),
    roles: ['clerk'],
    proposal: 'approve',
  },
  {
    action: 'propose_refusal',
    from: s('processing'),
    to: s('processing', 'awaiting_signature'),
    roles: ['clerk'],
    proposal: 'refuse',
    reasonRequired: true,
  },
  {
    action: 'sign',
    from: s('processing', 'awaiting_signature'),
    to: s('processed'),
    roles: ['leader'],
    whenProposal: 'approve',
    final: true,
    tellCitizen: true,
    issuesResult: true,
  },
  {
    action: 'sign',
    from: s('processing', 'awaiting_signature'),
    to: s('stopped'),
    roles: ['leader'],
    whenProposal: 'refuse',
    final: true,
    tellCitizen: true,
  },
  {
    action: 'send_back',
    from: s('processing', 'awaiting_signature'),
    to: s('processing'),
    roles: ['leader'],
    reasonRequired: true,
  },
  // The citizen has the signed electronic result: returned (the tenth status).
  { action: 'deliver', from: s('processed'), to: s('returned'), roles: ['system'] },
  // A dossier with a fee waits for its payment; paid, it goes to the ward as a new dossier.
  { action: 'pay', from: s('awaiting_payment'), to: s('new'), roles: ['system'] },
  {
    action: 'cancel_unpaid',
    from: s('awaiting_payment'),
    to: s('withdrawn'),
    roles: ['system'],
    final: true,
  },
  ...['awaiting_payment', 'new', 'received', 'processing', 'supplement_requested'].map((status): Transition => ({
    action: 'withdraw',
    from: s(status),
    to: s('withdrawn'),
    roles: ['citizen'],
    final: true,
  })),
];

export const birthRegistrationWorkflow: WorkflowDefinition = { code: 'birth-registration', transitions };
/** The linked procedure: the same table; once the birth is registered, the partner agencies take over their part. */
export const linkedBirthRegistrationWorkflow: WorkflowDefinition = {
  code: 'birth-registration-linked',
  transitions: transitions.map((t) =>
    t.to.status === 'processed' ? { ...t, handOff: 'partner-agencies' as const } : t,
  ),
};
