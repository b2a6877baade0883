import { timingSafeEqual } from 'node:crypto';

/** A person the stand-in can sign in, with what the national population database holds about them. */
export interface DemoIdentity {
  /** The OpenID Connect subject: opaque and stable, never the ID number itself. */
  subject: string;
  /** Số định danh cá nhân: 12 digits (province of birth registration, century and sex, year of birth, serial). */
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD */
  birthdate: string;
  gender: 'male' | 'female';
  /** Nơi thường trú, in the two-tier form used since 1 July 2025. */
  permanentAddress: string;
}

/** The demo password of every demo identity (printed on the stand-in's sign-in page and in the README). */
export const DEMO_IDENTITY_PASSWORD = 'VNeID@2025';

/** Demonstration people only: the numbers follow the national format but belong to no one. */
export const demoIdentities: readonly DemoIdentity[] = [
  {
    subject: '9dcabc3a-29bc-474a-802c-8c4a2aa91d86',
    personalId: '001090012345',
    fullName: 'Trần Minh Khoa',
    birthdate: '1990-04-15',
    gender: 'male',
    permanentAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
  },
  {
    subject: 'f4ed9c39-93b1-4583-9b17-9f42a286358a',
    personalId: '001195004321',
    fullName: 'Lê Thị Hồng Nhung',
    birthdate: '1995-11-02',
    gender: 'female',
    permanentAddress: 'Số 27 phố Hoàng Hoa Thám, Phường Ngọc Hà, Thành phố Hà Nội',
  },
  {
    subject: '37c166b3-d2c6-4d69-bcfa-7458f2e15927',
    personalId: '001087007788',
    fullName: 'Phạm Quốc Huy',
    birthdate: '1987-07-23',
    gender: 'male',
    permanentAddress: 'Số 45 phố Kim Mã, Phường Giảng Võ, Thành phố Hà Nội',
  },
  {
    subject: '00940ec7-461e-49f2-9faf-9f63c067b0c5',
    personalId: '001301002468',
    fullName: 'Đặng Thu Trang',
    birthdate: '2001-02-28',
    gender: 'female',
    permanentAddress: 'Số 8 ngõ 32 phố Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội',
  },
  {
    subject: '255d839d-45dc-4cfe-b332-27b464b3c8ed',
    personalId: '001079013579',
    fullName: 'Vũ Đức Thắng',
    birthdate: '1979-09-09',
    gender: 'male',
    permanentAddress: 'Số 15 phố Quang Trung, Phường Cửa Nam, Thành phố Hà Nội',
  },
];

export function findBySubject(subject: string): DemoIdentity | undefined {
  return demoIdentities.find((identity) => identity.subject === subject);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The identity whose personal ID number and password these are; undefined when either is wrong. */
export function authenticate(personalId: string, password: string): DemoIdentity | undefined {
  const identity = demoIdentities.find((candidate) => candidate.personalId === personalId.replace(/\s+/g, ''));
  const passwordMatches = sameText(password, DEMO_IDENTITY_PASSWORD);
  return identity && passwordMatches ? identity : undefined;
}

/** Scopes the stand-in knows, and the claims each releases (oidc-provider's `claims` setting). */
export const scopeClaims = {
  openid: ['sub'],
  profile: ['name', 'birthdate', 'gender'],
  /** The national eID's own scope: the facts of the population database that a public service needs. */
  vneid: ['personal_id', 'name', 'birthdate', 'gender', 'address'],
} as const;

/**
 * Every claim the stand-in can release about a person; the provider passes on
 * only those of the scopes the person agreed to. `address` follows OpenID
 * Connect's address claim, with the permanent address as its formatted value.
 */
export function claimsOf(identity: DemoIdentity): Record<string, unknown> {
  return {
    sub: identity.subject,
    personal_id: identity.personalId,
    name: identity.fullName,
    birthdate: identity.birthdate,
    gender: identity.gender,
    address: { formatted: identity.permanentAddress },
  };
}
