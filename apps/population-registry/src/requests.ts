/**
 * The bodies of POST /api/v1/births and /api/v1/deaths, checked field by field: a 400 names every field's
 * problem at once (`fields`), and nothing is written. Names are kept as given, trimmed and in Unicode NFC
 * (a name typed with combining marks is the same name), and compared that way.
 */
import { isCalendarDate, isPersonalId, isProvinceCode, type Sex } from './personal-id';

export interface BirthRequest {
  dossierCode: string;
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  provinceCode: string;
  placeOfBirth?: string;
  motherPersonalId?: string;
  fatherPersonalId?: string;
}

export interface DeathRequest {
  dossierCode: string;
  personalId?: string;
  fullName: string;
  dateOfBirth?: string;
  dateOfDeath: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/** Today in Viet Nam (UTC+7), YYYY-MM-DD: no one is born or dies later than that. */
export function vietnamToday(now = Date.now()): string {
  return new Date(now + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const DOSSIER_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function normaliseName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

class Fields {
  readonly problems: Record<string, string> = {};
  constructor(readonly body: Record<string, unknown>) {}

  problem(name: string, message: string): undefined {
    this.problems[name] ??= message;
    return undefined;
  }

  dossierCode(): string | undefined {
    const v = this.body['dossierCode'];
    if (typeof v !== 'string' || !DOSSIER_CODE.test(v)) {
      return this.problem('dossierCode', 'the dossier code: 1 to 64 letters, digits, dots, hyphens or underscores');
    }
    return v;
  }

  name(field: string, required: boolean, max: number): string | undefined {
    const v = this.body[field];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !normaliseName(v)) return this.problem(field, `${field} is required`);
    const name = normaliseName(v);
    if (name.length > max) return this.problem(field, `${field} is longer than ${max} characters`);
    // Control characters and angle brackets have no place in a person's name or a place.
    if (/[\p{Cc}<>]/u.test(name)) return this.problem(field, `${field} has characters a name cannot have`);
    return name;
  }

  date(field: string, required: boolean, today: string): string | undefined {
    const v = this.body[field];
    if (v === undefined && !required) return undefined;
    if (!isCalendarDate(v)) return this.problem(field, `${field} must be a date written YYYY-MM-DD`);
    if (v < '1900-01-01') return this.problem(field, `${field} is before 1900`);
    if (v > today) return this.problem(field, `${field} is in the future`);
    return v;
  }

  personalId(field: string): string | undefined {
    const v = this.body[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (!isPersonalId(v)) return this.problem(field, `${field} must be a personal ID number of 12 digits`);
    return v;
  }
}

function objectBody(body: unknown): Record<string, unknown> | undefined {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

export function checkBirth(body: unknown, today = vietnamToday()): Checked<BirthRequest> {
  const b = objectBody(body);
  if (!b) return { ok: false, fields: { body: 'the body must be a JSON object' } };
  const f = new Fields(b);
  const dossierCode = f.dossierCode();
  const fullName = f.name('fullName', true, 100);
  const sex = b['sex'] === 'male' || b['sex'] === 'female' ? (b['sex'] as Sex) : undefined;
  if (!sex) f.problem('sex', 'sex must be "male" or "female"');
  const dateOfBirth = f.date('dateOfBirth', true, today);
  const provinceCode = isProvinceCode(b['provinceCode']) ? (b['provinceCode'] as string) : undefined;
  if (!provinceCode) f.problem('provinceCode', 'provinceCode must be a 2-digit province code from 01 to 96, like "01"');
  const placeOfBirth = f.name('placeOfBirth', false, 200);
  const motherPersonalId = f.personalId('motherPersonalId');
  const fatherPersonalId = f.personalId('fatherPersonalId');
  if (motherPersonalId && motherPersonalId === fatherPersonalId) {
    f.problem('fatherPersonalId', 'the father’s and the mother’s numbers are the same');
  }
  if (Object.keys(f.problems).length) return { ok: false, fields: f.problems };
  return {
    ok: true,
    value: {
      dossierCode: dossierCode as string,
      fullName: fullName as string,
      sex: sex as Sex,
      dateOfBirth: dateOfBirth as string,
      provinceCode: provinceCode as string,
      ...(placeOfBirth ? { placeOfBirth } : {}),
      ...(motherPersonalId ? { motherPersonalId } : {}),
      ...(fatherPersonalId ? { fatherPersonalId } : {}),
    },
  };
}

export function checkDeath(body: unknown, today = vietnamToday()): Checked<DeathRequest> {
  const b = objectBody(body);
  if (!b) return { ok: false, fields: { body: 'the body must be a JSON object' } };
  const f = new Fields(b);
  const dossierCode = f.dossierCode();
  const personalId = f.personalId('personalId');
  const fullName = f.name('fullName', true, 100);
  const dateOfBirth = f.date('dateOfBirth', false, today);
  const dateOfDeath = f.date('dateOfDeath', true, today);
  if (dateOfBirth && dateOfDeath && dateOfDeath < dateOfBirth) {
    f.problem('dateOfDeath', 'dateOfDeath is before dateOfBirth');
  }
  if (Object.keys(f.problems).length) return { ok: false, fields: f.problems };
  return {
    ok: true,
    value: {
      dossierCode: dossierCode as string,
      ...(personalId ? { personalId } : {}),
      fullName: fullName as string,
      ...(dateOfBirth ? { dateOfBirth } : {}),
      dateOfDeath: dateOfDeath as string,
    },
  };
}
