/**
 * The demonstration people the registry holds from its first start: the deceased and the informant of the
 * portal's death-registration tests, parents for birth registrations, the eID stand-in's demo identities
 * (apps/eid-provider), and one person already recorded deceased. All registered in Hà Nội (001). Made up:
 * any likeness to a real person's number is chance.
 */
import type { Person } from './store';

type Demo = Omit<Person, 'createdAt' | 'source'>;

export const DEMO_PEOPLE: readonly Demo[] = [
  // The deceased in the portal's death-registration tests, and a son who declares the death.
  { personalId: '001040001234', fullName: 'Nguyễn Văn Bảy', sex: 'male', dateOfBirth: '1940-03-02', status: 'alive' },
  { personalId: '001070005678', fullName: 'Nguyễn Văn Tám', sex: 'male', dateOfBirth: '1970-05-05', status: 'alive' },
  // Parents for birth registrations.
  { personalId: '001195012345', fullName: 'Trần Thị Mai', sex: 'female', dateOfBirth: '1995-04-12', status: 'alive' },
  { personalId: '001092054321', fullName: 'Nguyễn Văn Hùng', sex: 'male', dateOfBirth: '1992-09-03', status: 'alive' },
  { personalId: '001194033333', fullName: 'Đỗ Thị Hạnh', sex: 'female', dateOfBirth: '1994-02-20', status: 'alive' },
  // The eID stand-in's demo identities.
  { personalId: '001090012345', fullName: 'Trần Minh Khoa', sex: 'male', dateOfBirth: '1990-04-15', status: 'alive' },
  {
    personalId: '001195004321',
    fullName: 'Lê Thị Hồng Nhung',
    sex: 'female',
    dateOfBirth: '1995-11-02',
    status: 'alive',
  },
  { personalId: '001087007788', fullName: 'Phạm Quốc Huy', sex: 'male', dateOfBirth: '1987-07-23', status: 'alive' },
  { personalId: '001301002468', fullName: 'Đặng Thu Trang', sex: 'female', dateOfBirth: '2001-02-28', status: 'alive' },
  { personalId: '001079013579', fullName: 'Vũ Đức Thắng', sex: 'male', dateOfBirth: '1979-09-09', status: 'alive' },
  // Already recorded deceased (by a death registration before the portal's time): a second one answers 409.
  {
    personalId: '001038007777',
    fullName: 'Phạm Văn Lộc',
    sex: 'male',
    dateOfBirth: '1938-01-01',
    status: 'deceased',
    dateOfDeath: '2025-12-20',
    deathDossierCode: 'SEED-KT-2025-0001',
  },
];
