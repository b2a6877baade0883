/**
 * The personal ID number (số định danh cá nhân), 12 digits, as the Ministry of Public Security assigns it
 * at birth registration and as the citizen ID card (căn cước) carries it.
 *
 * Its structure is set by Decree 137/2015/NĐ-CP art. 13 (detailing the Law on Citizen Identification
 * 2014): 6 digits of century-and-sex code, year-of-birth code and the code of the province (or country)
 * where the birth was registered, then a random block of 6 digits. The codes are those of Circular
 * 07/2016/TT-BCA art. 7, since replaced by Circular 59/2021/TT-BCA, which keeps them:
 *
 *   digits 1–3   the province of birth registration: the 2-digit administrative code left-padded with 0
 *                (Hà Nội 01 → 001, TP. Hồ Chí Minh 79 → 079)
 *   digit  4     century and sex: 1900–1999 male 0, female 1; 2000–2099 male 2, female 3;
 *                2100–2199 4/5; 2200–2299 6/7; 2300–2399 8/9
 *   digits 5–6   the last two digits of the year of birth
 *   digits 7–12  random, never given twice within the block of the first six digits
 *
 * Pure functions; the registry keeps the numbers issued (store.ts) and asks issuePersonalId for a new one.
 */
import { randomInt } from 'node:crypto';

export type Sex = 'male' | 'female';

/** The earliest and latest year of birth the century codes cover. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2399;

/** 12 digits. */
export function isPersonalId(value: unknown): value is string {
  return typeof value === 'string' && /^\d{12}$/.test(value);
}

/** A real calendar day written YYYY-MM-DD (2025-02-29 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A province's 2-digit administrative code (01 … 96), as the portal's administrative units carry it. */
export function isProvinceCode(value: unknown): value is string {
  return typeof value === 'string' && /^\d{2}$/.test(value) && Number(value) >= 1 && Number(value) <= 96;
}

/** The first six digits of the number of a person born on `dateOfBirth` and registered in `provinceCode`. */
export function personalIdPrefix(provinceCode: string, sex: Sex, dateOfBirth: string): string {
  if (!isProvinceCode(provinceCode)) {
    throw new RangeError(
      `provinceCode must be a 2-digit province code from 01 to 96 (got ${JSON.stringify(provinceCode)})`,
    );
  }
  if (sex !== 'male' && sex !== 'female') {
    throw new RangeError(`sex must be "male" or "female" (got ${JSON.stringify(sex)})`);
  }
  if (!isCalendarDate(dateOfBirth)) {
    throw new RangeError(`dateOfBirth must be a date written YYYY-MM-DD (got ${JSON.stringify(dateOfBirth)})`);
  }
  const year = Number(dateOfBirth.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`the century codes cover births from ${FIRST_YEAR} to ${LAST_YEAR} (got ${year})`);
  }
  const century = Math.floor((year - FIRST_YEAR) / 100); // 0 for the 1900s … 4 for the 2300s
  const centuryAndSex = century * 2 + (sex === 'female' ? 1 : 0);
  return `0${provinceCode}${centuryAndSex}${String(year % 100).padStart(2, '0')}`;
}

/** How many numbers one block of six leading digits holds. */
export const BLOCK_SIZE = 1_000_000;

/**
 * A new number in the prefix's block, drawn at random and never one `taken` says was issued. Throws when
 * the block is full (a million people of one sex born in one year in one province).
 */
export function issuePersonalId(
  prefix: string,
  taken: (personalId: string) => boolean,
  issuedInBlock: number,
  random: (max: number) => number = (max) => randomInt(max),
): string {
  if (!/^\d{6}$/.test(prefix)) throw new RangeError(`a prefix is 6 digits (got ${JSON.stringify(prefix)})`);
  if (issuedInBlock >= BLOCK_SIZE) throw new Error(`every number of block ${prefix} has been issued`);
  // Drawn until free: while the block is not nearly full this takes one or two draws; the sweep after many
  // misses keeps it finite however full it is.
  for (let draw = 0; draw < 64; draw++) {
    const candidate = `${prefix}${String(random(BLOCK_SIZE)).padStart(6, '0')}`;
    if (!taken(candidate)) return candidate;
  }
  const start = random(BLOCK_SIZE);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const candidate = `${prefix}${String((start + i) % BLOCK_SIZE).padStart(6, '0')}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`every number of block ${prefix} has been issued`);
}
