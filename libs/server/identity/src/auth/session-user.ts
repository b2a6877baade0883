import type { SessionUser, Sex } from '@portal/contracts';
import type { Role } from '../users/roles';

/** The columns of app_user that make a SessionUser (for SELECT … and RETURNING …). */
export const SESSION_USER_COLUMNS = `id, full_name, email, phone, roles, unit_code, personal_id,
  to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, sex, permanent_address, identity_verified`;

export interface UserRow {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  unit_code: string | null;
  personal_id: string | null;
  /** YYYY-MM-DD, formatted by PostgreSQL so that no time zone shifts it. */
  date_of_birth: string | null;
  sex: Sex | null;
  permanent_address: string | null;
  identity_verified: boolean;
  password_hash?: string | null;
}

/** The browser's view of a user; the identity only when the national eID has verified all of it. */
export function toSessionUser(row: UserRow): SessionUser {
  const user: SessionUser = {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    roles: row.roles,
    unitCode: row.unit_code,
  };
  if (row.identity_verified && row.personal_id && row.date_of_birth && row.sex && row.permanent_address) {
    user.identity = {
      personalId: row.personal_id,
      dateOfBirth: row.date_of_birth,
      sex: row.sex,
      permanentAddress: row.permanent_address,
      verified: true,
    };
  }
  return user;
}
