import { DEATH_REGISTRATION } from '../../procedure-codes';
import { fieldProblems } from '../../validation';
import {
  applicationSchema,
  contactOf,
  duplicateKeysOf,
  feeCaseOf,
  requiredPapersOf,
  subjectOf,
  registryRecordOf,
  resultOf,
  unitCodeOf,
} from '../registry';
import { deathStep, deceasedStep, declarantStep } from '.';

const codes = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : fieldProblems(result.error as never, 'vi').map((p) => `${p.field}:${p.code}`);

const daysAgo = (n: number) => new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
const paper = '6f1c1a52-5d0e-4c51-9a57-3d1f7a0e9b11';

const application = (over: Record<string, unknown> = {}) => ({
  deceased: {
    fullName: 'Nguyễn Văn Bảy',
    sex: 'male',
    dateOfBirth: '1940-03-02',
    personalId: '001040001234',
    lastResidence: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
  },
  death: {
    dateOfDeath: daysAgo(3),
    timeOfDeath: '04:15',
    placeKind: 'health_facility',
    placeAddress: 'Bệnh viện Bạch Mai, Thành phố Hà Nội',
    cause: 'illness',
  },
  declarant: { fullName: 'Nguyễn Văn Tám', relation: 'child', personalId: '001070005678', phone: '0912345678' },
  ward: { unitCode: '00004' },
  delivery: { extraCopies: 0, method: 'collect' },
  papers: { death_notice: paper },
  ...over,
});

describe('death registration (1.000656)', () => {
  it('accepts a complete application', () => {
    expect(codes(applicationSchema(DEATH_REGISTRATION).safeParse(application()))).toEqual([]);
  });

  it('checks each page', () => {
    expect(codes(deceasedStep.safeParse({ fullName: 'X1', sex: 'x', dateOfBirth: '1940-02-30' }))).toEqual([
      'fullName:personName',
      'sex:choose',
      'dateOfBirth:date',
      'lastResidence:required',
    ]);
    expect(codes(deceasedStep.safeParse({ ...application().deceased, personalId: '123' }))).toEqual([
      'personalId:personalId',
    ]);
    expect(codes(deceasedStep.safeParse({ ...application().deceased, personalId: '' }))).toEqual([]);
    expect(
      codes(deathStep.safeParse({ ...application().death, dateOfDeath: daysAgo(-2), placeKind: 'sea', cause: '' })),
    ).toEqual(['dateOfDeath:dateInFuture', 'placeKind:choose', 'cause:choose']);
    expect(codes(declarantStep.safeParse({ ...application().declarant, relation: 'mother' }))).toEqual([
      'relation:declarantRelation',
    ]);
  });

  it('refuses a death before the birth', () => {
    const before = application({ death: { ...application().death, dateOfDeath: '1939-12-31' } });
    expect(codes(applicationSchema(DEATH_REGISTRATION).safeParse(before))).toEqual([
      'death.dateOfDeath:deathBeforeBirth',
    ]);
  });

  it('asks an authorised declarant for the authorisation, online only', () => {
    const authorised = application({ declarant: { ...application().declarant, relation: 'authorised' } });
    expect(codes(applicationSchema(DEATH_REGISTRATION).safeParse(authorised))).toEqual([
      'papers.authorisation:authorisationRequired',
    ]);
    expect(requiredPapersOf(DEATH_REGISTRATION, authorised, 'online')).toEqual(['death_notice', 'authorisation']);
    expect(requiredPapersOf(DEATH_REGISTRATION, application(), 'online')).toEqual(['death_notice']);
    expect(requiredPapersOf(DEATH_REGISTRATION, authorised, 'counter')).toEqual([]);
    const { papers: _papers, ...atTheCounter } = authorised;
    expect(codes(applicationSchema(DEATH_REGISTRATION, 'counter').safeParse(atTheCounter))).toEqual([]);
  });

  it('is free within 15 days of the death, late after', () => {
    const on = (days: number) => application({ death: { ...application().death, dateOfDeath: daysAgo(days) } });
    expect(feeCaseOf(DEATH_REGISTRATION, on(15))).toBe('on_time');
    expect(feeCaseOf(DEATH_REGISTRATION, on(16))).toBe('late');
    expect(feeCaseOf(DEATH_REGISTRATION, { deceased: {} })).toBe('on_time');
  });

  it('is about the deceased, and the declarant is the contact', () => {
    const a = application({ declarant: { ...application().declarant, email: 'tam@example.vn' } });
    expect(subjectOf(DEATH_REGISTRATION, a)).toEqual({ fullName: 'Nguyễn Văn Bảy' });
    expect(contactOf(DEATH_REGISTRATION, a)).toEqual({
      fullName: 'Nguyễn Văn Tám',
      phone: '0912345678',
      email: 'tam@example.vn',
    });
    expect(unitCodeOf(DEATH_REGISTRATION, a)).toBe('00004');
  });

  it('knows the same death by the personal ID number, or by the name and the dates', () => {
    const keys = duplicateKeysOf(DEATH_REGISTRATION, application());
    expect(keys).toEqual([`death:id:001040001234`, `death:nguyễn văn bảy|1940-03-02|${daysAgo(3)}`]);
    const withoutId = application({ deceased: { ...application().deceased, personalId: undefined } });
    expect(duplicateKeysOf(DEATH_REGISTRATION, withoutId)).toEqual([keys[1]]);
  });
});

describe('the death-registration extract', () => {
  it('tells the registry of the death and prints the facts', () => {
    const a = application();
    expect(registryRecordOf(DEATH_REGISTRATION, a)).toMatchObject({ kind: 'death', fullName: 'Nguyễn Văn Bảy' });
    const doc = resultOf(DEATH_REGISTRATION, a, { personalId: null, registeredOn: '2026-12-02' });
    expect(doc.title).toBe('TRÍCH LỤC KHAI TỬ');
    expect(doc.facts.find((f) => f.label === 'Họ, chữ đệm, tên người đã chết')?.value).toBe('Nguyễn Văn Bảy');
    expect(doc.facts.find((f) => f.label === 'Nguyên nhân chết')?.value).toBe('Bệnh');
  });
});
