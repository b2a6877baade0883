import * as z from 'zod';
import type { AttachmentSummary } from './attachment';
import type { FeeLine } from './fees';
import { phoneSchema } from './validation';

/**
 * The generic dossier: what every procedure's dossier has, whatever its form.
 * Nothing here knows one procedure; a procedure's own fields live in its folder
 * under `procedures/`.
 */

/** The actions of the dossier workflow (each procedure's state table lives in the server's workflow library). */
export const workflowActions = [
  'receive',
  'refuse',
  'start',
  'request_supplement',
  'resubmit',
  'propose_approval',
  'propose_refusal',
  'sign',
  'send_back',
  'withdraw',
  /** The fee is paid online (the payment service, on the gateway's word). */
  'pay',
  /** Left unpaid past the time allowed: withdrawn by the portal. */
  'cancel_unpaid',
  /** The electronic result has reached the citizen (downloaded): the dossier is returned. */
  'deliver',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** A step inside a status: the leader's sign-off sits inside "processing". */
export const workflowSteps = ['awaiting_signature'] as const;
export type WorkflowStep = (typeof workflowSteps)[number];

/** A procedure's code in the catalogue, e.g. `1.001193` or `LT.KS-TT-BHYT`. */
export const procedureCodeSchema = z
  .string({ message: 'required' })
  .min(1, { message: 'required' })
  .max(32, { message: 'tooLong' });

/** The body of `POST /api/drafts`: start an application for a procedure. */
export const startDraftRequestSchema = z.object({ procedureCode: procedureCodeSchema });
export type StartDraftRequest = z.input<typeof startDraftRequestSchema>;

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
  /** What the fee is made of, line by line. */
  feeItems: FeeLine[];
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
  /** What the fee is made of, line by line. */
  feeItems: FeeLine[];
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
  /** The signed electronic result, once issued: its number and the code that verifies it. */
  result: { documentNumber: string; verificationCode: string; signedAt: string; deliveredAt: string | null } | null;
  /** The citizen's rating of the service, once given. */
  rating: { score: number; comment: string | null; ratedAt: string; editableUntil: string } | null;
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
