import * as z from 'zod';
import { emailSchema, normaliseName, phoneSchema, VIETNAMESE_NAME, type ValidationMessageKey } from '../validation';

/**
 * The building blocks of every procedure's form pages: texts, names, dates,
 * personal ID numbers, the ward and the uploads. A procedure's own pages are in
 * its folder; these know none of them.
 */

export const requiredText = (max = 200) =>
  z
    .string({ message: 'required' })
    .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, { message: 'required' }).max(max, { message: 'tooLong' }));

export const optionalText = (max = 200) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ message: 'wrongType' })
      .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
      .pipe(z.string().max(max, { message: 'tooLong' }))
      .optional(),
  );

export const personName = z
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

/** Whole days from one date to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
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

export const pastDate = isoDate.refine((v) => v <= todayInVietnam(), { message: 'dateInFuture' });

/** An optional time of day, HH:MM. */
export const optionalTime = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' })
    .optional(),
);

export const personalId = z
  .string({ message: 'required' })
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{12}$/, { message: 'personalId' }));

export const optionalPersonalId = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  personalId.optional(),
);

export const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  emailSchema.optional(),
);

export { phoneSchema };

export const sexes = ['male', 'female'] as const;

/** The ward that handles the application (every procedure handled by a ward has this page). */
export const wardStep = z.object({
  unitCode: z.string({ message: 'chooseWard' }).regex(/^\d{5}$/, { message: 'chooseWard' }),
});

/** How the paper result reaches the citizen (collected at the ward, or posted); everyone gets the signed electronic one. */
export const deliveryMethods = ['collect', 'post'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const MAX_EXTRA_COPIES = 10;

/**
 * The result page: certified paper copies of the extract beyond the electronic one
 * (each charged as the catalogue's `extra_copy` case), and whether the paper result
 * is posted (`post_delivery`) or collected/downloaded. Any procedure that issues
 * an extract may have it (step id `delivery`); the fees are then quoted from it.
 */
export const deliveryStep = z
  .object({
    extraCopies: z.preprocess(
      (v) => (v === undefined || v === '' ? 0 : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
      z
        .number({ message: 'extraCopies' })
        .int({ message: 'extraCopies' })
        .min(0, { message: 'extraCopies' })
        .max(MAX_EXTRA_COPIES, { message: 'extraCopies' }),
    ),
    method: z.enum(deliveryMethods, { message: 'choose' }),
    postalAddress: optionalText(300),
  })
  .superRefine((value, ctx) => {
    if (value.method === 'post' && !value.postalAddress)
      ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: 'postalAddress', input: value.postalAddress });
  });
export type Delivery = z.output<typeof deliveryStep>;

/** An uploaded paper: the id of one of the citizen's attachments. */
export const attachmentId = z.string({ message: 'uploadRequired' }).uuid({ message: 'uploadRequired' });
export const optionalAttachmentId = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  attachmentId.optional(),
);

/**
 * The page of the person who applies (the informant of a birth, the declarant of a death): name, their
 * relation to the subject (each procedure's own list and message), personal ID number, phone, e-mail.
 */
export function applicantStep<const R extends readonly [string, ...string[]]>(
  relations: R,
  relationMessage: ValidationMessageKey,
) {
  return z.object({
    fullName: personName,
    relation: z.enum(relations, { message: relationMessage }),
    personalId,
    phone: phoneSchema,
    email: optionalEmail,
  });
}

/** `2026-12-02` → `02/12/2026`, as civil-status documents write dates. */
export function vietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The words a civil-status document uses for a person's sex. */
export const sexInVietnamese: Record<(typeof sexes)[number], string> = { male: 'Nam', female: 'Nữ' };
