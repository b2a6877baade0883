import * as z from 'zod';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

/** A text the portal shows in both of its languages. */
export const localizedTextSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The body of every error the API returns. */
export interface ApiError {
  code: string;
  /** In the caller's language (Accept-Language; Vietnamese by default). */
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** A ward, commune or special zone that receives applications. */
export interface UnitView {
  code: string;
  name: LocalizedText;
  province: LocalizedText;
  provinceCode: string;
}
