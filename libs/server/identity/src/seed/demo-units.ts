import type { UnitKind, UnitTier } from '../units/administrative-unit.entity';

export interface UnitSeed {
  code: string;
  name: string;
  nameEn: string;
  tier: UnitTier;
  kind: UnitKind;
  parentCode: string | null;
}

/**
 * Hà Nội and some of its wards as they stand since the two-tier reorganisation
 * of 1 July 2025 (Resolution 1656/NQ-UBTVQH15). Codes follow the national list
 * of administrative units.
 */
export const demoUnits: UnitSeed[] = [
  { code: '01', name: 'Thành phố Hà Nội', nameEn: 'Ha Noi City', tier: 'province', kind: 'city', parentCode: null },
  { code: '00004', name: 'Phường Ba Đình', nameEn: 'Ba Dinh Ward', tier: 'commune', kind: 'ward', parentCode: '01' },
  { code: '00008', name: 'Phường Ngọc Hà', nameEn: 'Ngoc Ha Ward', tier: 'commune', kind: 'ward', parentCode: '01' },
  { code: '00025', name: 'Phường Giảng Võ', nameEn: 'Giang Vo Ward', tier: 'commune', kind: 'ward', parentCode: '01' },
  {
    code: '00070',
    name: 'Phường Hoàn Kiếm',
    nameEn: 'Hoan Kiem Ward',
    tier: 'commune',
    kind: 'ward',
    parentCode: '01',
  },
  { code: '00082', name: 'Phường Cửa Nam', nameEn: 'Cua Nam Ward', tier: 'commune', kind: 'ward', parentCode: '01' },
];
