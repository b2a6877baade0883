import { childStep, daysSinceBirth, informantStep, isLateRegistration, motherStep } from '.';
import { BIRTH_REGISTRATION, LINKED_BIRTH_REGISTRATION } from '../../procedure-codes';
import { fieldProblems } from '../../validation';
import { todayInVietnam } from '../fields';
import { applicationSchema, registryRecordOf, resultOf } from '../registry';

const codes = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : fieldProblems(result.error as never, 'vi').map((p) => `${p.field}:${p.code}`);

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const validApplication = (over: Record<string, unknown> = {}) => ({
  child: { fullName: 'Nguyễn Minh Khang', sex: 'male', dateOfBirth: daysAgo(10), timeOfBirth: '08:30' },
  birthPlace: {
    kind: 'facility',
    facilityName: 'Bệnh viện Phụ sản Hà Nội',
    address: 'Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội',
  },
  origin: { ethnicity: 'Kinh', nationality: 'Việt Nam', homeTown: 'Xã Phù Đổng, Thành phố Hà Nội' },
  mother: {
    absent: false,
    fullName: 'Trần Thị Mai',
    dateOfBirth: '1995-04-12',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    personalId: '001195012345',
    residence: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
  },
  father: { absent: true },
  informant: { fullName: 'Trần Thị Mai', relation: 'mother', personalId: '001195012345', phone: '0912345678' },
  ward: { unitCode: '00004' },
  delivery: { extraCopies: 0, method: 'collect' },
  papers: { medical_birth_certificate: '3f1c8f0e-8a7b-4c1e-9d2a-0b6e2c1d4a5f' },
  ...over,
});

describe('birth registration form', () => {
  it('accepts a complete application with one parent named', () => {
    expect(applicationSchema(BIRTH_REGISTRATION).safeParse(validApplication()).success).toBe(true);
  });

  it('refuses a date of birth in the future', () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(codes(childStep.safeParse({ fullName: 'Lê An', sex: 'female', dateOfBirth: tomorrow }))).toEqual([
      'dateOfBirth:dateInFuture',
    ]);
  });

  it('refuses impossible dates and times', () => {
    expect(
      codes(childStep.safeParse({ fullName: 'Lê An', sex: 'female', dateOfBirth: '2025-02-30', timeOfBirth: '25:00' })),
    ).toEqual(['dateOfBirth:date', 'timeOfBirth:time']);
  });

  it('wants names in Vietnamese letters', () => {
    expect(codes(childStep.safeParse({ fullName: 'Nguyen <b>An</b>', sex: 'male', dateOfBirth: daysAgo(1) }))).toEqual([
      'fullName:personName',
    ]);
  });

  it("requires the informant's relation to the child", () => {
    expect(
      codes(informantStep.safeParse({ fullName: 'Trần Mai', personalId: '001195012345', phone: '0912345678' })),
    ).toEqual(['relation:relation']);
  });

  it('lets a parent be absent, and then asks nothing more about them', () => {
    expect(motherStep.safeParse({ absent: true, fullName: '' }).success).toBe(true);
  });

  it('asks for the marriage certificate when both parents are named', () => {
    const father = { ...validApplication().mother, fullName: 'Nguyễn Văn Hùng', personalId: '001090054321' };
    expect(codes(applicationSchema(BIRTH_REGISTRATION).safeParse(validApplication({ father })))).toEqual([
      'papers.marriage_certificate:marriageCertificate',
    ]);
  });

  it('keeps the linked procedure to children under six', () => {
    const application = validApplication({
      child: { fullName: 'Nguyễn Minh Khang', sex: 'male', dateOfBirth: daysAgo(7 * 365) },
      residence: {
        permanentAddress: 'Số 12 phố Đội Cấn, Phường Ba Đình',
        householdHeadName: 'Trần Văn Bình',
        householdHeadRelation: 'Ông ngoại',
      },
      healthInsurance: { initialClinic: 'Trạm y tế Phường Ba Đình' },
    });
    expect(codes(applicationSchema(LINKED_BIRTH_REGISTRATION).safeParse(application))).toEqual([
      'child.dateOfBirth:underSix',
    ]);
  });

  it('counts registration within 60 days as on time, later as late', () => {
    expect(daysSinceBirth('2026-01-01', '2026-03-02')).toBe(60);
    expect(isLateRegistration('2026-01-01', '2026-03-02')).toBe(false);
    expect(isLateRegistration('2026-01-01', '2026-03-03')).toBe(true);
  });

  it('knows the date in Viet Nam, seven hours ahead of UTC', () => {
    expect(todayInVietnam(new Date('2026-11-25T16:59:00Z'))).toBe('2026-11-25');
    expect(todayInVietnam(new Date('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
  });
});

describe('the birth-registration extract', () => {
  it('tells the registry of the new citizen and prints the facts with the number it gave', () => {
    const application = validApplication();
    expect(registryRecordOf(BIRTH_REGISTRATION, application)).toEqual({
      kind: 'birth',
      fullName: 'Nguyễn Minh Khang',
      sex: 'male',
      dateOfBirth: application.child.dateOfBirth,
      placeOfBirth: 'Bệnh viện Phụ sản Hà Nội, Số 929 đường La Thành, Phường Giảng Võ, Thành phố Hà Nội',
      motherPersonalId: '001195012345',
    });
    const doc = resultOf(BIRTH_REGISTRATION, application, { personalId: '001226000123', registeredOn: '2026-12-02' });
    expect(doc.title).toBe('TRÍCH LỤC KHAI SINH');
    const fact = (label: string) => doc.facts.find((f) => f.label === label)?.value;
    expect(fact('Họ, chữ đệm, tên')).toBe('Nguyễn Minh Khang');
    expect(fact('Giới tính')).toBe('Nam');
    expect(fact('Số định danh cá nhân')).toBe('001226000123');
    expect(fact('Ngày đăng ký')).toBe('02/12/2026');
    expect(fact('Họ, chữ đệm, tên người cha')).toBe('—');
    expect(doc.summary.map((f) => f.label)).toEqual(['Người được khai sinh', 'Ngày sinh', 'Ngày đăng ký']);
    // The linked procedure issues the same extract.
    expect(
      resultOf(LINKED_BIRTH_REGISTRATION, application, { personalId: null, registeredOn: '2026-12-02' }).title,
    ).toBe('TRÍCH LỤC KHAI SINH');
  });
});
