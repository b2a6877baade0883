import { isCalendarDate, isProvinceCode, issuePersonalId, personalIdPrefix } from './personal-id';
import { DEMO_PEOPLE } from './seed';

describe('personal ID numbers (Decree 137/2015 art. 13, Circular 07/2016 art. 7 / 59/2021)', () => {
  it('starts with the 3-digit province of registration: the 2-digit code left-padded with 0', () => {
    expect(personalIdPrefix('01', 'male', '2025-06-01').slice(0, 3)).toBe('001');
    expect(personalIdPrefix('79', 'male', '2025-06-01').slice(0, 3)).toBe('079');
    expect(personalIdPrefix('48', 'female', '2025-06-01').slice(0, 3)).toBe('048');
  });

  it('codes century and sex in the fourth digit', () => {
    const digit = (sex: 'male' | 'female', date: string) => personalIdPrefix('01', sex, date)[3];
    expect([digit('male', '1900-01-01'), digit('female', '1999-12-31')]).toEqual(['0', '1']);
    expect([digit('male', '2000-01-01'), digit('female', '2099-12-31')]).toEqual(['2', '3']);
    expect([digit('male', '2100-01-01'), digit('female', '2199-12-31')]).toEqual(['4', '5']);
    expect([digit('male', '2200-06-15'), digit('female', '2299-06-15')]).toEqual(['6', '7']);
    expect([digit('male', '2300-06-15'), digit('female', '2399-12-31')]).toEqual(['8', '9']);
  });

  it('ends the prefix with the last two digits of the year', () => {
    expect(personalIdPrefix('01', 'male', '1940-03-02')).toBe('001040');
    expect(personalIdPrefix('01', 'female', '1995-04-12')).toBe('001195');
    expect(personalIdPrefix('01', 'female', '2001-02-28')).toBe('001301');
    expect(personalIdPrefix('79', 'male', '2026-11-30')).toBe('079226');
    expect(personalIdPrefix('01', 'female', '2100-01-01')).toBe('001500');
  });

  it('refuses what has no code', () => {
    expect(() => personalIdPrefix('1', 'male', '2025-01-01')).toThrow('provinceCode must be a 2-digit province code');
    expect(() => personalIdPrefix('001', 'male', '2025-01-01')).toThrow('provinceCode');
    expect(() => personalIdPrefix('00', 'male', '2025-01-01')).toThrow('provinceCode');
    expect(() => personalIdPrefix('01', 'other' as 'male', '2025-01-01')).toThrow('sex must be "male" or "female"');
    expect(() => personalIdPrefix('01', 'male', '2025-02-29')).toThrow('dateOfBirth must be a date');
    expect(() => personalIdPrefix('01', 'male', '1899-12-31')).toThrow('births from 1900 to 2399 (got 1899)');
    expect(() => personalIdPrefix('01', 'male', '2400-01-01')).toThrow('(got 2400)');
  });

  it('knows calendar days and province codes', () => {
    expect(['2024-02-29', '2025-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2025-02-29', '2025-13-01', '2025-1-01', '20250101', 20250101].some(isCalendarDate)).toBe(false);
    expect(['01', '79', '96'].every(isProvinceCode)).toBe(true);
    expect(['00', '97', '1', '001', 1].some(isProvinceCode)).toBe(false);
  });

  it('draws the last six digits at random and never gives a number twice', () => {
    const issued = new Set<string>();
    // A tiny random source: only 20 values, so collisions are frequent and must be drawn again.
    let seed = 7;
    const random = () => (seed = (seed * 31 + 11) % 97) % 20;
    for (let i = 0; i < 20; i++) {
      const id = issuePersonalId('001225', (n) => issued.has(n), issued.size, random);
      expect(id).toMatch(/^001225\d{6}$/);
      expect(issued.has(id)).toBe(false);
      issued.add(id);
    }
    expect(issued.size).toBe(20);
    expect(issuePersonalId('001225', (n) => issued.has(n), issued.size)).toMatch(/^001225\d{6}$/);
  });

  it('says when a block is full', () => {
    expect(() => issuePersonalId('001225', () => true, 1_000_000)).toThrow('every number of block 001225');
    expect(() => issuePersonalId('00122', () => false, 0)).toThrow('a prefix is 6 digits');
  });

  it('gives every demonstration person a number that obeys the rules', () => {
    for (const person of DEMO_PEOPLE) {
      expect(person.personalId).toMatch(/^\d{12}$/);
      expect(person.personalId.slice(0, 6)).toBe(personalIdPrefix('01', person.sex, person.dateOfBirth));
    }
    expect(new Set(DEMO_PEOPLE.map((p) => p.personalId)).size).toBe(DEMO_PEOPLE.length);
  });
});
