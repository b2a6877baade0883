import { sexInVietnamese, vietnameseDate } from '../fields';
import type { ApplicationData, RegistryRecord, ResultDocument, ResultFact } from '../procedure-form';

interface Parent {
  absent: boolean;
  fullName?: string;
  dateOfBirth?: string;
  ethnicity?: string;
  nationality?: string;
  personalId?: string;
  residence?: string;
}
interface Birth {
  child: { fullName: string; sex: 'male' | 'female'; dateOfBirth: string; timeOfBirth?: string };
  birthPlace: { kind: 'facility' | 'other'; facilityName?: string; address: string };
  origin: { ethnicity: string; nationality: string; homeTown: string };
  mother: Parent;
  father: Parent;
  informant: { fullName: string; relation: string };
}

const birth = (application: ApplicationData) => application as unknown as Birth;
const placeOf = (b: Birth) =>
  b.birthPlace.kind === 'facility' && b.birthPlace.facilityName
    ? `${b.birthPlace.facilityName}, ${b.birthPlace.address}`
    : b.birthPlace.address;

/** The new citizen the population registry gives a personal ID number to. */
export function birthRegistryRecord(application: ApplicationData): RegistryRecord {
  const b = birth(application);
  return {
    kind: 'birth',
    fullName: b.child.fullName,
    sex: b.child.sex,
    dateOfBirth: b.child.dateOfBirth,
    placeOfBirth: placeOf(b),
    ...(!b.mother.absent && b.mother.personalId ? { motherPersonalId: b.mother.personalId } : {}),
    ...(!b.father.absent && b.father.personalId ? { fatherPersonalId: b.father.personalId } : {}),
  };
}

function parentFacts(role: 'mẹ' | 'cha', parent: Parent): ResultFact[] {
  if (parent.absent || !parent.fullName) return [{ label: `Họ, chữ đệm, tên người ${role}`, value: '—' }];
  return [
    { label: `Họ, chữ đệm, tên người ${role}`, value: parent.fullName },
    { label: 'Năm sinh', value: (parent.dateOfBirth ?? '').slice(0, 4) },
    { label: 'Dân tộc', value: parent.ethnicity ?? '' },
    { label: 'Quốc tịch', value: parent.nationality ?? '' },
    { label: 'Nơi cư trú', value: parent.residence ?? '' },
  ];
}

/**
 * The birth-registration extract (trích lục khai sinh): the facts of the form in the
 * order of the Ministry of Justice's template (Circular 04/2020/TT-BTP), with the
 * personal ID number the population registry assigned to the child.
 */
export function birthResult(
  application: ApplicationData,
  context: { personalId: string | null; registeredOn: string },
): ResultDocument {
  const b = birth(application);
  return {
    title: 'TRÍCH LỤC KHAI SINH',
    numberSuffix: 'TLKS',
    facts: [
      { label: 'Họ, chữ đệm, tên', value: b.child.fullName },
      { label: 'Ngày, tháng, năm sinh', value: vietnameseDate(b.child.dateOfBirth) },
      { label: 'Giới tính', value: sexInVietnamese[b.child.sex] },
      { label: 'Dân tộc', value: b.origin.ethnicity },
      { label: 'Quốc tịch', value: b.origin.nationality },
      { label: 'Nơi sinh', value: placeOf(b) },
      { label: 'Quê quán', value: b.origin.homeTown },
      { label: 'Số định danh cá nhân', value: context.personalId ?? '—' },
      ...parentFacts('mẹ', b.mother),
      ...parentFacts('cha', b.father),
      { label: 'Người đi khai sinh', value: b.informant.fullName },
      { label: 'Ngày đăng ký', value: vietnameseDate(context.registeredOn) },
    ],
    summary: [
      { label: 'Người được khai sinh', value: b.child.fullName },
      { label: 'Ngày sinh', value: vietnameseDate(b.child.dateOfBirth) },
      { label: 'Ngày đăng ký', value: vietnameseDate(context.registeredOn) },
    ],
  };
}
