import { checkBirth, checkDeath, normaliseName, vietnamToday } from './requests';

const TODAY = '2026-12-01';
const birth = {
  dossierCode: 'HS-01-261201-0001',
  fullName: 'Nguyễn Minh Anh',
  sex: 'female',
  dateOfBirth: '2026-11-30',
  provinceCode: '01',
};

describe('population registry requests', () => {
  it('takes a birth, trimming the name and dropping empty parents', () => {
    expect(checkBirth({ ...birth, fullName: '  Nguyễn   Minh Anh ', motherPersonalId: '' }, TODAY)).toEqual({
      ok: true,
      value: birth,
    });
    expect(
      checkBirth({ ...birth, placeOfBirth: 'Bệnh viện 108', fatherPersonalId: '001092054321' }, TODAY),
    ).toMatchObject({ ok: true, value: { placeOfBirth: 'Bệnh viện 108', fatherPersonalId: '001092054321' } });
  });

  it('names every wrong field of a birth', () => {
    expect(checkBirth('x', TODAY)).toEqual({ ok: false, fields: { body: 'the body must be a JSON object' } });
    const result = checkBirth(
      { dossierCode: '', fullName: 'A<b>', sex: 'M', dateOfBirth: '2026-12-02', provinceCode: 1 },
      TODAY,
    );
    expect(result).toEqual({
      ok: false,
      fields: {
        dossierCode: expect.stringContaining('1 to 64 letters'),
        fullName: 'fullName has characters a name cannot have',
        sex: 'sex must be "male" or "female"',
        dateOfBirth: 'dateOfBirth is in the future',
        provinceCode: expect.stringContaining('2-digit province code'),
      },
    });
    expect(checkBirth({ ...birth, motherPersonalId: '001195012345', fatherPersonalId: '001195012345' }, TODAY)).toEqual(
      { ok: false, fields: { fatherPersonalId: 'the father’s and the mother’s numbers are the same' } },
    );
    expect(checkBirth({ ...birth, fullName: 'x'.repeat(101) }, TODAY)).toEqual({
      ok: false,
      fields: { fullName: 'fullName is longer than 100 characters' },
    });
  });

  it('takes a death with or without a number, not before the birth', () => {
    const death = { dossierCode: 'HS-01-261201-0002', fullName: 'Nguyễn Văn Bảy', dateOfDeath: '2026-11-28' };
    expect(checkDeath(death, TODAY)).toEqual({ ok: true, value: death });
    expect(checkDeath({ ...death, personalId: '001040001234', dateOfBirth: '1940-03-02' }, TODAY)).toEqual({
      ok: true,
      value: { ...death, personalId: '001040001234', dateOfBirth: '1940-03-02' },
    });
    expect(checkDeath({ ...death, dateOfBirth: '2026-11-29' }, TODAY)).toEqual({
      ok: false,
      fields: { dateOfDeath: 'dateOfDeath is before dateOfBirth' },
    });
    expect(checkDeath({ ...death, personalId: '1234', dateOfDeath: undefined }, TODAY)).toEqual({
      ok: false,
      fields: {
        personalId: 'personalId must be a personal ID number of 12 digits',
        dateOfDeath: 'dateOfDeath must be a date written YYYY-MM-DD',
      },
    });
  });

  it('writes a name one way and knows the day in Viet Nam', () => {
    expect(normaliseName(' Nguye\u0302\u0303n  Văn ')).toBe('Nguyễn Văn');
    // 18:00 UTC is already the next day at UTC+7.
    expect(vietnamToday(Date.UTC(2026, 11, 1, 18, 0))).toBe('2026-12-02');
    expect(vietnamToday(Date.UTC(2026, 11, 1, 16, 59))).toBe('2026-12-01');
  });
});
