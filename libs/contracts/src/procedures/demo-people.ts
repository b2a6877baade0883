/**
 * Made-up but plausible people for the demonstration data (`cli.js demo-data`): Vietnamese
 * names, personal ID numbers shaped as the citizen ID is (province, century and sex, year of
 * birth, six digits), phone numbers and addresses in the ward. Drawn from a seeded random
 * source, so the same seed gives the same people.
 */
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = {
  male: ['Văn', 'Minh', 'Đức', 'Quốc', 'Gia', 'Hữu', 'Thanh', 'Công'],
  female: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Bảo', 'Hoài', 'Diệu'],
};
const GIVEN = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Hải',
    'Hùng',
    'Khang',
    'Khánh',
    'Long',
    'Nam',
    'Phong',
    'Phúc',
    'Quân',
    'Sơn',
    'Trung',
    'Tú',
    'Việt',
    'Vinh',
  ],
  female: [
    'Anh',
    'Châu',
    'Dung',
    'Giang',
    'Hà',
    'Hạnh',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Ngân',
    'Nhi',
    'Quỳnh',
    'Tâm',
    'Thảo',
    'Trang',
    'Uyên',
    'Vy',
    'Yến',
  ],
};
const STREETS = [
  'phố Đội Cấn',
  'phố Kim Mã',
  'phố Liễu Giai',
  'phố Giảng Võ',
  'phố Hàng Bông',
  'phố Quán Thánh',
  'phố Phan Đình Phùng',
  'phố Nguyễn Thái Học',
];
const HOME_TOWNS = [
  'Xã Phù Đổng, Thành phố Hà Nội',
  'Phường Hải Châu, Thành phố Đà Nẵng',
  'Xã Nam Trực, Tỉnh Ninh Bình',
  'Phường Vinh Tân, Tỉnh Nghệ An',
  'Xã Thanh Hà, Thành phố Hải Phòng',
];

export type DemoSex = 'male' | 'female';

export interface DemoPerson {
  fullName: string;
  sex: DemoSex;
  dateOfBirth: string;
  personalId: string;
  phone: string;
}

/** A small seeded random source (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class DemoPeople {
  constructor(readonly random: () => number) {}

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  sex(): DemoSex {
    return this.chance(0.5) ? 'male' : 'female';
  }

  name(sex: DemoSex, family = this.pick(FAMILY)): string {
    return `${family} ${this.pick(MIDDLE[sex])} ${this.pick(GIVEN[sex])}`;
  }

  familyName(): string {
    return this.pick(FAMILY);
  }

  /** A person born in the given years, with a citizen ID of that province (its 3-digit code), sex and year. */
  person(sex: DemoSex, born: { from: number; to: number }, provinceCode: string, family?: string): DemoPerson {
    const year = this.int(born.from, born.to);
    const dateOfBirth = `${year}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`;
    const centurySex = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    const personalId = `${provinceCode.padStart(3, '0')}${centurySex}${String(year).slice(2)}${String(this.int(0, 999_999)).padStart(6, '0')}`;
    const phone = `09${this.int(0, 9)}${String(this.int(0, 9_999_999)).padStart(7, '0')}`;
    return { fullName: this.name(sex, family), sex, dateOfBirth, personalId, phone };
  }

  /** A street address in the ward, e.g. `Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội`. */
  address(unitName: string, provinceName: string): string {
    return `Số ${this.int(1, 199)} ${this.pick(STREETS)}, ${unitName}, ${provinceName}`;
  }

  homeTown(): string {
    return this.pick(HOME_TOWNS);
  }
}

/** Where and when a demonstration application is made, and who makes it up. */
export interface DemoContext {
  people: DemoPeople;
  unitCode: string;
  unitName: string;
  provinceCode: string;
  provinceName: string;
  /** The day of what is registered (the birth, the death), YYYY-MM-DD. */
  eventDay: string;
  /** Extra paper copies ordered, and whether the paper goes by post. */
  extraCopies: number;
  post: boolean;
}
