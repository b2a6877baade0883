import * as z from 'zod';
import { DOSSIER_CODE, procedureCodeSchema, workflowActions } from './dossier';
import { isoDate } from './procedures/fields';
import { formStepIdSchema } from './procedures/registry';

/**
 * The path parameters of the API's routes, as the routes accept them. A value
 * that does not match is not a 400: it names no record, so it is answered with
 * the route's 404 (the same as for a record that does not exist, or is not yours).
 */

/** The id of a record (a draft, an attachment): 8-4-4-4-12 hexadecimal digits, any version. */
const recordId = (what: string) => z.guid().meta({ description: `The ${what}'s id; any other value is answered 404.` });

const dossierCode = z
  .string()
  .regex(DOSSIER_CODE)
  .meta({ description: 'The dossier code; any other value is answered 404.', example: 'HS-01-261125-000123' });

export const procedurePathSchema = z.object({
  code: procedureCodeSchema.meta({
    description: 'The code of a procedure in the catalogue; an unknown one is answered 404.',
    example: '1.001193',
  }),
});

export const draftPathSchema = z.object({ id: recordId('draft') });

export const draftStepPathSchema = z.object({ id: recordId('draft'), step: formStepIdSchema });

export const dossierPathSchema = z.object({ code: dossierCode });

export const dossierActionPathSchema = z.object({
  code: dossierCode,
  action: z.enum(workflowActions).meta({
    description: "A workflow action; whether the caller may take it now is the state table's to say (403, 409).",
  }),
});

export const dossierPaperPathSchema = z.object({ code: dossierCode, attachmentId: recordId('attachment') });

export const attachmentPathSchema = z.object({ id: recordId('attachment') });

export const holidayPathSchema = z.object({
  day: isoDate.meta({ description: 'A day off, YYYY-MM-DD; any other value is answered 404.', example: '2026-09-02' }),
});
