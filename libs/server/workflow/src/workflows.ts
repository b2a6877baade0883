import { birthRegistrationWorkflow, linkedBirthRegistrationWorkflow } from './definitions/birth-registration';
import { deathRegistrationWorkflow } from './definitions/death-registration';
import type { WorkflowDefinition } from './definitions/definition';

/** Every workflow, by the code a procedure names in its `workflow` column: one line per state table. */
export const workflows: Record<string, WorkflowDefinition> = Object.fromEntries(
  [birthRegistrationWorkflow, linkedBirthRegistrationWorkflow, deathRegistrationWorkflow].map((w) => [w.code, w]),
);

export function workflowOf(code: string): WorkflowDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(workflows, code) ? workflows[code] : undefined;
}
