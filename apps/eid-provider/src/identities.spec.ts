import { authenticate, claimsOf, DEMO_IDENTITY_PASSWORD, demoIdentities, findBySubject } from './identities';

describe('demo identities', () => {
  it('are five people with 12-digit personal ID numbers that agree with their sex and year of birth', () => {
    expect(demoIdentities).toHaveLength(5);
    for (const identity of demoIdentities) {
      expect(identity.personalId).toMatch(/^001\d{9}$/);
      // The 4th digit: century and sex (0 male / 1 female in the 1900s, 2 / 3 in the 2000s); then the year.
      const century = identity.birthdate.startsWith('19') ? 0 : 2;
      expect(Number(identity.personalId[3])).toBe(century + (identity.gender === 'female' ? 1 : 0));
      expect(identity.personalId.slice(4, 6)).toBe(identity.birthdate.slice(2, 4));
      expect(identity.permanentAddress).toMatch(/, Phường [^,]+, Thành phố Hà Nội$/);
    }
    expect(new Set(demoIdentities.map((identity) => identity.subject)).size).toBe(5);
  });

  it('signs in with the personal ID number (spaces ignored) and the demo password', () => {
    expect(authenticate('001 090 012 345', DEMO_IDENTITY_PASSWORD)?.fullName).toBe('Trần Minh Khoa');
    expect(authenticate('001090012345', 'wrong password')).toBeUndefined();
    expect(authenticate('001090099999', DEMO_IDENTITY_PASSWORD)).toBeUndefined();
    expect(authenticate('', '')).toBeUndefined();
  });

  it('releases the claims the portal needs, with the address as OpenID Connect formats it', () => {
    const khoa = findBySubject('9dcabc3a-29bc-474a-802c-8c4a2aa91d86');
    expect(khoa && claimsOf(khoa)).toEqual({
      sub: '9dcabc3a-29bc-474a-802c-8c4a2aa91d86',
      personal_id: '001090012345',
      name: 'Trần Minh Khoa',
      birthdate: '1990-04-15',
      gender: 'male',
      address: { formatted: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội' },
    });
  });
});
