import { birthRegistrationWorkflow } from './birth-registration';
import type { WorkflowDefinition } from './definition';

/**
 * The state table of death registration (1.000656): the same steps as birth
 * registration's — the clerk receives and works the dossier (and locks the
 * deceased's civil-status record), may ask for papers, proposes; the ward leader
 * signs. No hand-off to partner agencies.
 */
export const deathRegistrationWorkflow: WorkflowDefinition = {
  code: 'death-registration',
  transitions: birthRegistrationWorkflow.transitions.filter((t) => !t.handOff),
};
