import { EidClaimsRejected, identityFromClaims } from './eid-claims';

describe('identityFromClaims', () => {
  const claims = {
    sub: '9dcabc3a-29bc-474a-802c-8c4a2aa91d86',
    personal_id: '001090012345',
    name: 'Trần Minh Khoa',
    birthdate: '1990-04-15',
    gender: 'male',
    address: { formatted: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội' },
    // Claims the portal does not keep are ignored.
    sid: 'abc',
    auth_time: 1764000000,
  };

  it('maps the eID claims to the identity an account keeps', () => {
    expect(identityFromClaims(claims)).toEqual({
      subject: '9dcabc3a-29bc-474a-802c-8c4a2aa91d86',
      personalId: '001090012345',
      fullName: 'Trần Minh Khoa',
      dateOfBirth: '1990-04-15',
      sex: 'male',
      permanentAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
    });
  });

  it('stores names and addresses in one Unicode form (NFC) with single spaces', () => {
    const identity = identityFromClaims({
      ...claims,
      name: '  Lê Thị   Hồng Nhung '.normalize('NFD'),
      gender: 'female',
      address: { formatted: 'Số 27 phố Hoàng Hoa Thám,\nPhường Ngọc Hà, Thành phố Hà Nội'.normalize('NFD') },
    });
    expect(identity.fullName).toBe('Lê Thị Hồng Nhung');
    expect(identity.fullName).toBe('Lê Thị Hồng Nhung'.normalize('NFC'));
    expect(identity.permanentAddress).toBe('Số 27 phố Hoàng Hoa Thám, Phường Ngọc Hà, Thành phố Hà Nội');
    expect(identity.sex).toBe('female');
  });

  it.each([
    ['a personal ID number of 9 digits (an old identity card)', { personal_id: '012345678' }, ['personal_id']],
    ['a personal ID number with letters', { personal_id: '00109001234A' }, ['personal_id']],
    ['no personal ID number', { personal_id: undefined }, ['personal_id']],
    ['a date of birth that is not a date', { birthdate: '1990-02-30' }, ['birthdate']],
    ['a date of birth in another format', { birthdate: '15/04/1990' }, ['birthdate']],
    ['a sex the portal does not record', { gender: 'other' }, ['gender']],
    ['an address as a bare string', { address: 'Số 12 phố Đội Cấn' }, ['address']],
    ['an empty address', { address: { formatted: '   ' } }, ['address.formatted']],
    ['an empty name', { name: '' }, ['name']],
    ['no subject', { sub: undefined }, ['sub']],
  ])('refuses %s, naming the claim but not its value', (_case, change, names) => {
    let thrown: unknown;
    try {
      identityFromClaims({ ...claims, ...change });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EidClaimsRejected);
    expect((thrown as EidClaimsRejected).claims).toEqual(names);
    expect((thrown as Error).message).not.toContain('Trần');
    expect((thrown as Error).message).not.toContain('001090012345');
  });

  it('refuses a date of birth after today', () => {
    expect(() => identityFromClaims({ ...claims, birthdate: '2030-01-01' }, new Date('2026-11-25T10:00:00Z'))).toThrow(
      EidClaimsRejected,
    );
  });

  it('names every bad claim at once', () => {
    expect(() => identityFromClaims({ sub: 'x' })).toThrow(
      "the eID's claims were missing or malformed: personal_id, name, birthdate, gender, address",
    );
  });
});
