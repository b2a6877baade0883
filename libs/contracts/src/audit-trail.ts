import * as z from 'zod';
import { isoDate, optionalText } from './procedures/fields';

/** Rows of the audit trail a page shows, and the most an export holds. */
export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/**
 * `GET /api/audit`: the audit trail searched by dossier (its code: the dossier's own history too),
 * actor (an e-mail address, exactly, or part of a name), action (a prefix: `report.`, `sign`),
 * and period (from–to, Viet Nam days), newest first.
 */
export const auditQuerySchema = z
  .object({
    dossierCode: optionalText(32),
    actor: optionalText(120),
    action: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string({ message: 'wrongType' })
        .trim()
        .max(64, { message: 'tooLong' })
        .regex(/^[a-z_.-]+$/, { message: 'wrongType' })
        .optional(),
    ),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce
      .number({ message: 'wrongType' })
      .int({ message: 'wrongType' })
      .min(1, { message: 'wrongType' })
      .max(2_000, { message: 'wrongType' })
      .default(1),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'reportPeriod' });
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** One entry: an audit event, or (searching a dossier) a step of the dossier's own history. */
export interface AuditEntry {
  source: 'audit' | 'dossier';
  occurredAt: string;
  actor: { name: string; email: string | null } | null;
  /** The role the step was taken in (a dossier's history says), else null. */
  role: string | null;
  action: string;
  target: { type: string; id: string } | null;
  /** The dossier concerned, when there is one. */
  dossierCode: string | null;
  change: { from: string | null; to: string | null } | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
}

export interface AuditPage {
  rows: AuditEntry[];
  page: number;
  pageSize: number;
  /** Whether a next page has rows. */
  more: boolean;
}
