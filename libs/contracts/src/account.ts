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
