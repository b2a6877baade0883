import * as z from 'zod';
import { localizedTextSchema } from './common';

/** "Level 4" is the full-process online service of Decree 42/2022 ("toàn trình"). */
export const serviceLevels = ['full', 'partial'] as const;
export const timeLimitUnits = ['working_days', 'working_hours'] as const;
export const handlingTiers = ['commune', 'province'] as const;

export const timeLimitSchema = z.object({
  /** 0 working days means "the same working day" (15:00 rule applies). */
  amount: z.number().int().min(0),
  unit: z.enum(timeLimitUnits),
  note: localizedTextSchema.optional(),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

export const feeRuleSchema = z.object({
  /** Machine-readable case, e.g. `on_time`, `late`. */
  case: z.string().min(1),
  label: localizedTextSchema,
  /** Amount in VND; integer. */
  amount: z.number().int().min(0),
});
export type FeeRule = z.infer<typeof feeRuleSchema>;

export const requiredPaperSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]+$/),
  name: localizedTextSchema,
  /** Always needed, or only in the situation the condition describes. */
  mandatory: z.boolean(),
  condition: localizedTextSchema.optional(),
  /** Filled in online instead of uploaded (the application form itself). */
  providedByForm: z.boolean().default(false),
});
export type RequiredPaper = z.infer<typeof requiredPaperSchema>;

export const legalBasisSchema = z.object({ reference: z.string().min(1), title: localizedTextSchema });
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const procedureSummarySchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  field: localizedTextSchema,
  serviceLevel: z.enum(serviceLevels),
  handlingTier: z.enum(handlingTiers),
  timeLimit: timeLimitSchema,
  /** The smallest fee of any case: 0 means at least one case is free. */
  minimumFee: z.number().int().min(0),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const procedureDetailSchema = procedureSummarySchema.extend({
  description: localizedTextSchema,
  handlingAgency: localizedTextSchema,
  fees: z.array(feeRuleSchema),
  requiredPapers: z.array(requiredPaperSchema),
  legalBasis: z.array(legalBasisSchema),
  formSchemaVersion: z.number().int().min(1),
  /** False while an administrator has stopped new applications; the procedure then stays readable for open dossiers. */
  acceptingApplications: z.boolean(),
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;
