import * as z from 'zod';
import type { AttachmentSummary } from './attachment';
import type { WorkflowAction } from './office';
import { BIRTH_REGISTRATION, LINKED_BIRTH_REGISTRATION } from './procedure-codes';
import { emailSchema, normaliseName, phoneSchema, VIETNAMESE_NAME } from './validation';

/**
 * The application form of birth registration (1.001193) and of the linked
 * procedure (birth registration + permanent residence + health insurance card
 * for a child under six). One schema per page (step); the browser checks a page
 * with its step schema, the API checks it again when the draft is saved and checks
 * the whole form, with the rules that span pages, when it is submitted.
 */

/** Registration within this many days of the birth is on time and free (Law on Civil Status, art. 15). */
export const ON_TIME_DAYS = 60;

export const requiredText = (max = 200) =>
  z
    .string({ message: 'required' })
    .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, { message: 'required' }).max(max, { message: 'tooLong' }));

const optionalText = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ message: 'wrongType' })
      .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
      .pipe(z.string().max(max, { message: 'tooLong' }))
      .optional(),
  );

const personName = z
  .string({ message: 'required' })
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(1, { message: 'required' })
      .max(100, { message: 'personName' })
      .regex(VIETNAMESE_NAME, { message: 'personName' }),
  );

/** Viet Nam keeps UTC+7 all year (no daylight saving): local dates need no time-zone database. */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3600_000;

/** Today in Viet Nam, as YYYY-MM-DD. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string({ message: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'date',
    },
  );

const pastDate = isoDate.refine((v) => v <= todayInVietnam(), { message: 'dateInFuture' });

const personalId = z
  .string({ message: 'required' })
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, { message: 'personalId' }));

const optionalPersonalId = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  personalId.optional(),
);

export const sexes = ['male', 'female'] as const;
export const informantRelations = [
  'mother',
  'father',
  'grandparent',
  'sibling',
  'other_relative',
  'authorised',
] as const;
export type InformantRelation = (typeof informantRelations)[number];

export const childStep = z.object({
  fullName: personName,
  sex: z.enum(sexes, { message: 'choose' }),
  dateOfBirth: pastDate,
  timeOfBirth: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' })
      .optional(),
  ),
});

export const birthPlaceStep = z
  .object({
    kind: z.enum(['facility', 'other'], { message: 'choose' }),
    facilityName: optionalText(),
    address: requiredText(300),
  })
  .refine((v) => v.kind !== 'facility' || !!v.facilityName, {
    path: ['facilityName'],
    message: 'facilityName',
  });

export const originStep = z.object({
  ethnicity: requiredText(50),
  nationality: requiredText(50),
  homeTown: requiredText(200),
});

const parentDetails = z.object({
  absent: z.literal(false),
  fullName: personName,
  dateOfBirth: pastDate,
  ethnicity: requiredText(50),
  nationality: requiredText(50),
  personalId: optionalPersonalId,
  residence: requiredText(300),
});

const parentStep = z.preprocess(
  (v) => (v && typeof v === 'object' && (v as { absent?: unknown }).absent === true ? { absent: true } : v),
  z.discriminatedUnion('absent', [z.object({ absent: z.literal(true) }), parentDetails], { message: 'required' }),
);
export const motherStep = parentStep;
export const fatherStep = parentStep;

export const informantStep = z.object({
  fullName: personName,
  relation: z.enum(informantRelations, { message: 'relation' }),
  personalId,
  phone: phoneSchema,
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), emailSchema.optional()),
});

export const wardStep = z.object({
  unitCode: z.string({ message: 'chooseWard' }).regex(/^\d{5}$/, { message: 'chooseWard' }),
});

/** Linked procedure only: where the child will be registered as a permanent resident. */
export const residenceStep = z.object({
  permanentAddress: requiredText(300),
  householdHeadName: personName,
  householdHeadRelation: requiredText(50),
});

/** Linked procedure only: the health insurance card. */
export const healthInsuranceStep = z.object({
  initialClinic: requiredText(200),
});

const attachmentId = z.string({ message: 'uploadRequired' }).uuid({ message: 'uploadRequired' });

export const papersStep = z.object({
  medical_birth_certificate: attachmentId,
  marriage_certificate: z.preprocess((v) => (v === '' || v === null ? undefined : v), attachmentId.optional()),
});

export type ChildStep = z.output<typeof childStep>;

export interface FormStepDefinition {
  id: string;
  schema: z.ZodType;
}

const commonSteps: FormStepDefinition[] = [
  { id: 'child', schema: childStep },
  { id: 'birthPlace', schema: birthPlaceStep },
  { id: 'origin', schema: originStep },
  { id: 'mother', schema: motherStep },
  { id: 'father', schema: fatherStep },
  { id: 'informant', schema: informantStep },
  { id: 'ward', schema: wardStep },
];

/** The pages of each procedure's form, in order (the check-your-answers page follows the last). */
export const formSteps: Record<string, FormStepDefinition[]> = {
  [BIRTH_REGISTRATION]: [...commonSteps, { id: 'papers', schema: papersStep }],
  [LINKED_BIRTH_REGISTRATION]: [
    ...commonSteps,
    { id: 'residence', schema: residenceStep },
    { id: 'healthInsurance', schema: healthInsuranceStep },
    { id: 'papers', schema: papersStep },
  ],
};

export function stepsOf(procedureCode: string): FormStepDefinition[] | undefined {
  return formSteps[procedureCode];
}

/** Every page of every procedure's form, each once (the mother's and the father's pages share one schema). */
const everyStep = [...new Map(Object.values(formSteps).flatMap((steps) => steps.map((s) => [s.id, s]))).values()];

/** The id of a page of the form (`PUT /api/drafts/:id/steps/:step`); a page the draft's procedure lacks is a 404. */
export const formStepIdSchema = z
  .enum(everyStep.map((s) => s.id) as [string, ...string[]])
  .meta({ description: "A page of the form; a page the draft's procedure does not have is answered 404." });

/**
 * What `PUT /api/drafts/:id/steps/:step` takes: the fields of the page named in the
 * path, checked with that page's own schema (so one of these, chosen by `:step`).
 */
export const formStepBodySchema = z
  .union(
    [...new Set(everyStep.map((s) => s.schema))].map((schema) =>
      schema.meta({
        title: everyStep
          .filter((s) => s.schema === schema)
          .map((s) => s.id)
          .join(', '),
      }),
    ),
  )
  .meta({ description: "The fields of the page named by `:step`, checked with that page's schema." });

/** A procedure's code in the catalogue, e.g. `1.001193` or `LT.KS-TT-BHYT`. */
export const procedureCodeSchema = z
  .string({ message: 'required' })
  .min(1, { message: 'required' })
  .max(32, { message: 'tooLong' });

/** The body of `POST /api/drafts`: start an application for a procedure. */
export const startDraftRequestSchema = z.object({ procedureCode: procedureCodeSchema });
export type StartDraftRequest = z.input<typeof startDraftRequestSchema>;

/** Whole days from the birth to the registration date (both YYYY-MM-DD). */
export function daysSinceBirth(dateOfBirth: string, on: string): number {
  return Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${dateOfBirth}T00:00:00Z`)) / 86_400_000);
}

export function isLateRegistration(dateOfBirth: string, on: string = todayInVietnam()): boolean {
  return daysSinceBirth(dateOfBirth, on) > ON_TIME_DAYS;
}

/**
 * The fee case of an application: birth registration more than 60 days after
 * the birth is late registration (a fee); everything else is the on-time case.
 */
export function feeCase(procedureCode: string, dateOfBirth: string, on: string = todayInVietnam()): 'on_time' | 'late' {
  return procedureCode === BIRTH_REGISTRATION && isLateRegistration(dateOfBirth, on) ? 'late' : 'on_time';
}

/**
 * The papers an application must carry: the medical birth certificate, and the
 * marriage certificate when both parents are named. At the counter nothing is
 * uploaded: the clerk has seen the originals.
 */
export function requiredPapers(
  application: { mother?: { absent?: boolean }; father?: { absent?: boolean } },
  channel: 'online' | 'counter',
): string[] {
  if (channel === 'counter') return [];
  const bothParentsNamed = application.mother?.absent === false && application.father?.absent === false;
  return ['medical_birth_certificate', ...(bothParentsNamed ? ['marriage_certificate'] : [])];
}

/** The whole application of one procedure, with the rules that span pages. */
export function applicationSchema(procedureCode: string, channel: 'online' | 'counter' = 'online') {
  const steps = stepsOf(procedureCode);
  if (!steps) throw new Error(`no form for procedure ${procedureCode}`);
  // At the counter the clerk sees the original papers: nothing is uploaded.
  const pages = channel === 'counter' ? steps.filter((step) => step.id !== 'papers') : steps;
  const shape = Object.fromEntries(pages.map((step) => [step.id, step.schema]));
  return z.object(shape).superRefine((value, ctx) => {
    const data = value as {
      child: z.output<typeof childStep>;
      mother: { absent: boolean };
      father: { absent: boolean };
      papers?: z.output<typeof papersStep>;
    };
    const papers = data.papers as Record<string, string | undefined> | undefined;
    if (papers && requiredPapers(data, channel).includes('marriage_certificate') && !papers['marriage_certificate']) {
      ctx.addIssue({ code: 'custom', path: ['papers', 'marriage_certificate'], message: 'marriageCertificate' });
    }
    if (
      procedureCode === LINKED_BIRTH_REGISTRATION &&
      daysSinceBirth(data.child.dateOfBirth, todayInVietnam()) >= 6 * 365.25
    ) {
      ctx.addIssue({ code: 'custom', path: ['child', 'dateOfBirth'], message: 'underSix' });
    }
  });
}

/** A draft as the API returns it. */
export interface DraftView {
  id: string;
  procedureCode: string;
  data: Record<string, unknown>;
  /** Ids of the steps whose page has been saved and passed its checks. */
  completedSteps: string[];
  updatedAt: string;
  /** One draft (not the list): the uploads its papers page names, to show them again. */
  papers?: AttachmentSummary[];
}

export interface SubmittedDossier {
  code: string;
  procedureCode: string;
  unitCode: string;
  unitName: string;
  status: string;
  submittedAt: string;
  dueAt: string;
  lateRegistration: boolean;
  feeAmount: number;
}

export interface DossierSummary {
  code: string;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  status: string;
  unitCode: string;
  unitName: string;
  submittedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  channel: string;
  feeAmount: number;
  lateRegistration: boolean;
}

export interface TimelineEvent {
  action: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  at: string;
  /** For staff: what an automatic step found (the intake check: papers complete, possible duplicates). */
  details?: { papersComplete?: boolean; missingPapers?: string[]; duplicateOf?: string[] } | null;
}

export interface DossierPaper {
  id: string;
  paperCode: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export interface DossierDetail extends DossierSummary {
  data: Record<string, unknown>;
  timeline: TimelineEvent[];
  papers: DossierPaper[];
  /** For optimistic locking: send it back with an action. */
  version: number;
  /** The actions the current state allows the viewer to take (the workflow's state table decides). */
  allowedActions: WorkflowAction[];
  /** While the ward waits for papers: what it asked for and why. */
  supplementRequest: { reason: string | null; papers: string[]; at: string } | null;
}

/** A dossier's code: `HS-<province>-<yymmdd>-<serial>`, e.g. `HS-01-261125-000123`. */
export const DOSSIER_CODE = /^HS-\d{2}-\d{6}-\d{6}$/;

export const statusLookupRequestSchema = z.object({
  code: z.string({ message: 'dossierCode' }).trim().toUpperCase().regex(DOSSIER_CODE, { message: 'dossierCode' }),
  phone: phoneSchema,
});

export interface StatusLookupResult {
  code: string;
  procedureName: { vi: string; en: string };
  status: string;
  unitName: string;
  submittedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
}
