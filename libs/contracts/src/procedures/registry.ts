import * as z from 'zod';
import { birthRegistrationForm } from './birth-registration';
import { deathRegistrationForm } from './death-registration';
import { todayInVietnam } from './fields';
import { linkedBirthRegistrationForm } from './linked-birth-registration';
import type {
  ApplicationData,
  Channel,
  Contact,
  FeeCase,
  FormStepDefinition,
  ProcedureForm,
  RegistryRecord,
  ResultDocument,
  Subject,
} from './procedure-form';

/**
 * Every procedure's form, by code: one line per procedure. Generic code (the API's
 * submission, the counter, the inbox, the intake check; the browser's form) asks
 * these functions and never reads a procedure's own fields.
 */
export const procedureForms: Record<string, ProcedureForm> = Object.fromEntries(
  [birthRegistrationForm, linkedBirthRegistrationForm, deathRegistrationForm].map((form) => [form.code, form]),
);

export function formOf(procedureCode: string): ProcedureForm | undefined {
  return Object.prototype.hasOwnProperty.call(procedureForms, procedureCode)
    ? procedureForms[procedureCode]
    : undefined;
}

function requireForm(procedureCode: string): ProcedureForm {
  const form = formOf(procedureCode);
  if (!form) throw new Error(`no form for procedure ${procedureCode}`);
  return form;
}

/** The pages of each procedure's form, in order (the check-your-answers page follows the last). */
export const formSteps: Record<string, FormStepDefinition[]> = Object.fromEntries(
  Object.values(procedureForms).map((form) => [form.code, form.steps]),
);

export function stepsOf(procedureCode: string): FormStepDefinition[] | undefined {
  return formOf(procedureCode)?.steps;
}

/** The papers an application must carry (codes of the catalogue's required papers). */
export function requiredPapersOf(procedureCode: string, application: ApplicationData, channel: Channel): string[] {
  return requireForm(procedureCode).requiredPapers(application, channel);
}

/** Which of the procedure's fee rules applies to the application on the given day. */
export function feeCaseOf(procedureCode: string, application: ApplicationData, today = todayInVietnam()): FeeCase {
  return requireForm(procedureCode).feeCase(application, today);
}

export function subjectOf(procedureCode: string, application: ApplicationData): Subject {
  return requireForm(procedureCode).subject(application);
}

export function contactOf(procedureCode: string, application: ApplicationData): Contact {
  return requireForm(procedureCode).contact(application);
}

export function unitCodeOf(procedureCode: string, application: ApplicationData): string {
  return requireForm(procedureCode).unitCode(application);
}

export function duplicateKeysOf(procedureCode: string, application: ApplicationData): string[] {
  return requireForm(procedureCode).duplicateKeys(application);
}

/** What the partner agencies receive of an application the workflow hands on (the linked procedure). */
export function handOffPayloadOf(procedureCode: string, application: ApplicationData): Record<string, unknown> {
  const form = requireForm(procedureCode);
  if (!form.handOffPayload) throw new Error(`procedure ${procedureCode} hands nothing to the agencies`);
  return form.handOffPayload(application);
}

/** What the population registry records when the dossier's result is issued. */
export function registryRecordOf(procedureCode: string, application: ApplicationData): RegistryRecord {
  return requireForm(procedureCode).registryRecord(application);
}

/** The procedure's result document for the application, with what the registry answered. */
export function resultOf(
  procedureCode: string,
  application: ApplicationData,
  context: { personalId: string | null; registeredOn: string },
): ResultDocument {
  return requireForm(procedureCode).result(application, context);
}

/** The whole application of one procedure, with the rules that span pages. */
export function applicationSchema(procedureCode: string, channel: Channel = 'online') {
  const form = requireForm(procedureCode);
  // At the counter the clerk sees the original papers: nothing is uploaded.
  const pages = channel === 'counter' ? form.steps.filter((step) => step.id !== 'papers') : form.steps;
  const shape = Object.fromEntries(pages.map((step) => [step.id, step.schema]));
  return z.object(shape).superRefine((value, ctx) => {
    form.crossPageRules(
      value as ApplicationData,
      (path, message) => ctx.addIssue({ code: 'custom', path, message }),
      channel,
      todayInVietnam(),
    );
  });
}

/** Every page of every procedure's form, each id once (the mother's and the father's pages share one schema). */
const everyStep = [...new Map(Object.values(formSteps).flatMap((steps) => steps.map((s) => [s.id, s]))).values()];

/** The id of a page of the form (`PUT /api/drafts/:id/steps/:step`); a page the draft's procedure lacks is a 404. */
export const formStepIdSchema = z
  .enum(everyStep.map((s) => s.id) as [string, ...string[]])
  .meta({ description: "A page of the form; a page the draft's procedure does not have is answered 404." });

/** Every distinct page schema, each with the ids of the pages it checks. */
const everySchema = [...new Set(Object.values(formSteps).flatMap((steps) => steps.map((s) => s.schema)))].map(
  (schema) => ({
    schema,
    ids: [
      ...new Set(
        Object.values(formSteps)
          .flat()
          .filter((s) => s.schema === schema)
          .map((s) => s.id),
      ),
    ],
  }),
);

/**
 * What `PUT /api/drafts/:id/steps/:step` takes: the fields of the page named in the
 * path, checked with that page's own schema (so one of these, chosen by `:step`).
 */
export const formStepBodySchema = z
  .union(everySchema.map(({ schema, ids }) => schema.meta({ title: ids.join(', ') })))
  .meta({ description: "The fields of the page named by `:step`, checked with that page's schema." });
