import * as z from 'zod';
import type { LocalizedText } from './common';
import { requiredText } from './procedures/fields';
import type { FeeRule, RequiredPaper, TimeLimit } from './procedure';

/**
 * What administrators may change of a procedure without a release: the fee of
 * each case, the legal time limit, the names of the papers, and whether new
 * applications are taken. The cases and papers themselves belong to the
 * procedure's plug-in (its fee rule and form decide them), so they are edited,
 * never added or removed here. A change applies to dossiers submitted after it.
 */
export interface ProcedureAdminView {
  code: string;
  name: LocalizedText;
  /** False: hidden from the catalogue, no new drafts, pages or submissions; open dossiers go on. */
  active: boolean;
  timeLimit: TimeLimit;
  fees: FeeRule[];
  requiredPapers: RequiredPaper[];
  /** Optimistic lock: an edit names the version it started from. */
  version: number;
  updatedAt: string;
  /** Set once an administrator has edited it; demo seeding then leaves its fees, limit, papers and state alone. */
  administeredAt: string | null;
  /** Dossiers of the procedure not yet finished, which a change does not touch. */
  openDossiers: number;
}

export const MAX_FEE_VND = 10_000_000;
export const MAX_TIME_LIMIT = { working_days: 90, working_hours: 720 } as const;

const feeAmount = z
  .number({ message: 'feeAmount' })
  .int({ message: 'feeAmount' })
  .min(0, { message: 'feeAmount' })
  .max(MAX_FEE_VND, { message: 'feeAmount' });

const itemCode = z.string({ message: 'procedureItems' }).regex(/^[a-z0-9_]{1,64}$/, { message: 'procedureItems' });

export const procedureUpdateSchema = z.object({
  version: z.number({ message: 'wrongType' }).int({ message: 'wrongType' }).min(1, { message: 'wrongType' }),
  active: z.boolean({ message: 'wrongType' }),
  timeLimitAmount: z
    .number({ message: 'timeLimitAmount' })
    .int({ message: 'timeLimitAmount' })
    .min(0, { message: 'timeLimitAmount' })
    .max(MAX_TIME_LIMIT.working_hours, { message: 'timeLimitAmount' }),
  fees: z
    .array(z.object({ case: itemCode, amount: feeAmount }), { message: 'procedureItems' })
    .max(20, { message: 'procedureItems' }),
  papers: z
    .array(z.object({ code: itemCode, name: z.object({ vi: requiredText(200), en: requiredText(200) }) }), {
      message: 'procedureItems',
    })
    .max(30, { message: 'procedureItems' }),
});
export type ProcedureUpdate = z.input<typeof procedureUpdateSchema>;

/**
 * The edit checked against the procedure it changes: every fee case and every
 * paper of the procedure exactly once (no new ones, none dropped), and a time
 * limit within what its unit allows.
 */
export function procedureUpdateSchemaFor(current: Pick<ProcedureAdminView, 'timeLimit' | 'fees' | 'requiredPapers'>) {
  const sameCodes = (given: string[], expected: string[]) =>
    given.length === expected.length &&
    new Set(given).size === given.length &&
    given.every((c) => expected.includes(c));
  return procedureUpdateSchema.superRefine((update, ctx) => {
    if (update.timeLimitAmount > MAX_TIME_LIMIT[current.timeLimit.unit])
      ctx.addIssue({
        code: 'custom',
        path: ['timeLimitAmount'],
        message: 'timeLimitAmount',
        input: update.timeLimitAmount,
      });
    if (
      !sameCodes(
        update.fees.map((f) => f.case),
        current.fees.map((f) => f.case),
      )
    )
      ctx.addIssue({ code: 'custom', path: ['fees'], message: 'procedureItems', input: update.fees });
    if (
      !sameCodes(
        update.papers.map((p) => p.code),
        current.requiredPapers.map((p) => p.code),
      )
    )
      ctx.addIssue({ code: 'custom', path: ['papers'], message: 'procedureItems', input: update.papers });
  });
}
