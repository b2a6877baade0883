import * as z from 'zod';
import { emailSchema, fullNameSchema, passwordSchema, phoneSchema } from './validation';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const registerRequestSchema = z
  .object({
    fullName: fullNameSchema,
    email: z.preprocess(emptyToUndefined, emailSchema.optional()),
    phone: z.preprocess(emptyToUndefined, phoneSchema.optional()),
    password: passwordSchema,
    passwordConfirmation: z.string({ message: 'required' }),
  })
  // Checked even when other fields are wrong, so that every problem shows at once.
  .refine((value) => Boolean(value.email || value.phone), {
    path: ['email'],
    message: 'emailOrPhone',
    when: () => true,
  })
  .refine((value) => value.password === value.passwordConfirmation, {
    path: ['passwordConfirmation'],
    message: 'passwordConfirmation',
    when: (payload) => typeof (payload.value as { passwordConfirmation?: unknown })?.passwordConfirmation === 'string',
  });
export type RegisterRequest = z.input<typeof registerRequestSchema>;

export const loginRequestSchema = z.object({
  /** The e-mail address or the phone number of the account. */
  login: z.string({ message: 'login' }).trim().min(1, { message: 'login' }).max(254, { message: 'tooLong' }),
  password: z
    .string({ message: 'passwordRequired' })
    .min(1, { message: 'passwordRequired' })
    .max(128, { message: 'tooLong' }),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export type Role = 'citizen' | 'clerk' | 'leader' | 'auditor' | 'admin';

export type Sex = 'male' | 'female';

/** A person's identity as the national eID (VNeID) vouches for it. */
export interface VerifiedIdentity {
  /** Số định danh cá nhân: 12 digits. */
  personalId: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: Sex;
  /** Nơi thường trú, e.g. "Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội". */
  permanentAddress: string;
  verified: true;
}

/** The signed-in person, as the browser sees them. */
export interface SessionUser {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  unitCode: string | null;
  /** Present when the person signed in with the national eID: forms can be prefilled from it. */
  identity?: VerifiedIdentity;
}

export interface SessionResponse {
  user: SessionUser | null;
}

/** The longest return path kept for after a sign-in. */
export const MAX_RETURN_PATH = 2000;

/**
 * A place on this site to return to after signing in: only a path
 * ("/procedures/1.001193?tab=papers"), never another site ("//evil.example",
 * "/\\evil.example", "https://…"), and nothing a browser would rewrite into one
 * (control characters, backslashes).
 */
export const returnPathSchema = z
  .string()
  .max(MAX_RETURN_PATH)
  .regex(/^\/(?!\/)[^\p{Cc}\\]*$/u); // \p{Cc}: the control characters

/** The query of `GET /api/auth/eid/start`. A return path that is not one of this site's is ignored. */
export const eidStartQuerySchema = z.object({
  returnUrl: returnPathSchema
    .meta({
      description: 'A path on this site to return to afterwards; anything else is ignored.',
      example: '/account',
    })
    .optional(),
});

/**
 * What the national eID sends the browser back with (OpenID Connect authorisation response,
 * RFC 6749 §4.1.2 and RFC 9207); the OpenID Connect client checks it against the sign-in in progress.
 */
export const eidCallbackQuerySchema = z.object({
  code: z.string().optional().meta({ description: 'The authorisation code, on success.' }),
  state: z.string().optional().meta({ description: 'The state sent with the sign-in, echoed.' }),
  iss: z.string().optional().meta({ description: "The eID's issuer identifier." }),
  error: z.string().optional().meta({ description: 'Why the eID refused, e.g. `access_denied`.' }),
  error_description: z.string().optional().meta({ description: "The eID's explanation of the error." }),
});
