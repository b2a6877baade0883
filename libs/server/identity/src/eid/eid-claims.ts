import { z } from 'zod';

/** Who the national eID says signed in: the facts an account keeps as a verified identity. */
export interface EidIdentity {
  /** The eID's stable subject identifier (the `sub` claim), stored as app_user.eid_subject. */
  subject: string;
  /** Số định danh cá nhân: 12 digits. */
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'male' | 'female';
  permanentAddress: string;
}

/** The scopes the portal asks the eID for; `vneid` releases the personal ID number and the permanent address. */
export const EID_SCOPES = 'openid profile vneid';

// Names and addresses may arrive in decomposed Unicode; the portal stores one form (NFC) so searches match.
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1).max(max));

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  personal_id: z.string().regex(/^\d{12}$/),
  name: text(200),
  birthdate: z.iso.date(),
  gender: z.enum(['male', 'female']),
  /** OpenID Connect's address claim; the permanent address is its formatted value. */
  address: z.object({ formatted: text(500) }),
});

/** The eID's answer lacked a claim the portal needs, or had one in a form it does not accept. */
export class EidClaimsRejected extends Error {
  constructor(readonly claims: string[]) {
    // Names only: the values are personal data and must not reach a log.
    super(`the eID's claims were missing or malformed: ${claims.join(', ')}`);
    this.name = 'EidClaimsRejected';
  }
}

/** Maps the claims of an eID sign-in to the identity an account keeps; throws EidClaimsRejected. */
export function identityFromClaims(claims: Record<string, unknown>, today = new Date()): EidIdentity {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) {
    throw new EidClaimsRejected([...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))]);
  }
  const { sub, personal_id, name, birthdate, gender, address } = parsed.data;
  if (birthdate > today.toISOString().slice(0, 10)) throw new EidClaimsRejected(['birthdate']);
  return {
    subject: sub,
    personalId: personal_id,
    fullName: name,
    dateOfBirth: birthdate,
    sex: gender,
    permanentAddress: address.formatted,
  };
}
