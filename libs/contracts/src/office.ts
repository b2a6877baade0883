import * as z from 'zod';
import { paperCodeSchema } from './attachment';
import { procedureCodeSchema, type DossierDetail, type WorkflowStep } from './dossier';
import type { LocalizedText } from './common';

/** The back-office inbox tabs. */
export const inboxTabs = [
  'to_receive',
  'awaiting_payment',
  'in_progress',
  'waiting_papers',
  'to_sign',
  'overdue',
  'finished',
] as const;
export type InboxTab = (typeof inboxTabs)[number];

export const inboxQuerySchema = z.object({
  tab: z.enum(inboxTabs, { message: 'choose' }).default('to_receive'),
  /** A dossier code, or part of the name of whom it is about or of the applicant. */
  q: z.string({ message: 'wrongType' }).trim().max(100, { message: 'tooLong' }).optional(),
  procedureCode: z.string({ message: 'wrongType' }).max(32, { message: 'tooLong' }).optional(),
  page: z.coerce
    .number({ message: 'wrongType' })
    .int({ message: 'wrongType' })
    .min(1, { message: 'wrongType' })
    .max(10_000, { message: 'wrongType' })
    .default(1),
});
export type InboxQuery = z.input<typeof inboxQuerySchema>;

export interface InboxRow {
  code: string;
  procedureName: LocalizedText;
  /** Who the dossier is about (the child, the deceased), as the procedure's plug-in names them. */
  subjectName: string | null;
  /** Who applied (the informant, the declarant). */
  applicantName: string | null;
  status: string;
  step: WorkflowStep | null;
  channel: string;
  submittedAt: string | null;
  dueAt: string | null;
  /** Less than a quarter of the legal time left. */
  dueSoon: boolean;
  overdue: boolean;
  assigneeName: string | null;
  /** The ward the dossier belongs to (an auditor's inbox spans every ward). */
  unitName: string;
  /** The fee, whole đồng; and whether it has been paid online. */
  feeAmount: number;
  paid: boolean;
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  page: number;
  pageSize: number;
  /** How many dossiers each tab holds, for the tab labels. */
  counts: Record<InboxTab, number>;
}

/** A dossier as a clerk or leader of its ward sees it. */
export interface OfficeDossier extends DossierDetail {
  version: number;
  step: WorkflowStep | null;
  /** What a proposal awaiting the leader's signature would decide. */
  proposal: 'approve' | 'refuse' | null;
  assigneeName: string | null;
  /** As in the inbox: less than a quarter of the time left, or past the due date (while the ward works it). */
  dueSoon: boolean;
  overdue: boolean;
  applicant: { fullName: string | null; phone: string | null };
}

const reasonText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string({ message: 'wrongType' })
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().max(2000, { message: 'tooLong' }))
    .optional(),
);

/** The body of a workflow action. `version` is the dossier version the person acted on (optimistic locking). */
export const actionRequestSchema = z.object({
  version: z.number({ message: 'required' }).int({ message: 'wrongType' }).min(1, { message: 'wrongType' }),
  reason: reasonText,
  /** For a supplement request: the papers asked for. */
  papers: z.array(paperCodeSchema).max(10, { message: 'tooLong' }).optional(),
});
export type ActionRequest = z.input<typeof actionRequestSchema>;

/** The body of a citizen's action on their dossier (resubmit, withdraw). */
export const citizenActionRequestSchema = actionRequestSchema.extend({
  /** New uploads sent with a resubmission. */
  attachmentIds: z
    .array(z.string().uuid({ message: 'uploadRequired' }))
    .max(10, { message: 'tooLong' })
    .optional(),
});
export type CitizenActionRequest = z.input<typeof citizenActionRequestSchema>;

/** A walk-in citizen's paper application, recorded by a clerk (channel "counter"). */
export const counterIntakeSchema = z.object({
  procedureCode: procedureCodeSchema,
  /** The application's pages, as in the online form but without uploads. */
  data: z.record(z.string(), z.unknown(), { message: 'required' }),
});
export type CounterIntake = z.input<typeof counterIntakeSchema>;
