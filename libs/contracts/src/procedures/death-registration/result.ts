import { sexInVietnamese, vietnameseDate } from '../fields';
import type { ApplicationData, RegistryRecord, ResultDocument } from '../procedure-form';
import type { DeathApplication } from './steps';

const death = (application: ApplicationData) => application as unknown as DeathApplication;

const places: Record<DeathApplication['death']['placeKind'], string> = {
  health_facility: 'Tại cơ sở y tế',
  home: 'Tại nhà',
  other: 'Nơi khác',
};
const causes: Record<DeathApplication['death']['cause'], string> = {
  illness: 'Bệnh',
  old_age: 'Già yếu',
  accident: 'Tai nạn',
  other: 'Khác',
};

/** The death the population registry records against the person (by ID number when known). */
export function deathRegistryRecord(application: ApplicationData): RegistryRecord {
  const d = death(application);
  return {
    kind: 'death',
    ...(d.deceased.personalId ? { personalId: d.deceased.personalId } : {}),
    fullName: d.deceased.fullName,
    dateOfBirth: d.deceased.dateOfBirth,
    dateOfDeath: d.death.dateOfDeath,
  };
}

/** The death-registration extract (trích lục khai tử), in the order of the Ministry of Justice's template. */
export function deathResult(
  application: ApplicationData,
  context: { personalId: string | null; registeredOn: string },
): ResultDocument {
  const d = death(application);
  const at = d.death.timeOfDeath
    ? `${d.death.timeOfDeath}, ngày ${vietnameseDate(d.death.dateOfDeath)}`
    : vietnameseDate(d.death.dateOfDeath);
  return {
    title: 'TRÍCH LỤC KHAI TỬ',
    numberSuffix: 'TLKT',
    facts: [
      { label: 'Họ, chữ đệm, tên người đã chết', value: d.deceased.fullName },
      { label: 'Ngày, tháng, năm sinh', value: vietnameseDate(d.deceased.dateOfBirth) },
      { label: 'Giới tính', value: sexInVietnamese[d.deceased.sex] },
      { label: 'Số định danh cá nhân', value: context.personalId ?? d.deceased.personalId ?? '—' },
      { label: 'Nơi cư trú cuối cùng', value: d.deceased.lastResidence },
      { label: 'Đã chết vào lúc', value: at },
      { label: 'Nơi chết', value: `${places[d.death.placeKind]}: ${d.death.placeAddress}` },
      { label: 'Nguyên nhân chết', value: causes[d.death.cause] },
      { label: 'Người đi khai tử', value: d.declarant.fullName },
      { label: 'Ngày đăng ký', value: vietnameseDate(context.registeredOn) },
    ],
    summary: [
      { label: 'Người đã chết', value: d.deceased.fullName },
      { label: 'Ngày chết', value: vietnameseDate(d.death.dateOfDeath) },
      { label: 'Ngày đăng ký', value: vietnameseDate(context.registeredOn) },
    ],
  };
}
