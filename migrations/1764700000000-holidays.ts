import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The holiday calendar the working-day arithmetic counts with, kept by the
 * administrators (`/admin/holidays`), seeded with the days off of state agencies
 * in 2025–2027: the Labour Code 2019 art. 112 and the Prime Minister's decisions
 * on Tết and compensatory days (2027: the statutory days until its decision).
 */
const seed: Array<[string, string, string]> = [
  ['2025-01-01', 'Tết Dương lịch', "New Year's Day"],
  ['2025-01-27', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết)'],
  ['2025-01-28', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết)'],
  ['2025-01-29', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết)'],
  ['2025-01-30', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết)'],
  ['2025-01-31', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Tết)'],
  ['2025-04-07', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day'],
  ['2025-04-30', 'Ngày Chiến thắng', 'Reunification Day'],
  ['2025-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'],
  ['2025-05-02', 'Nghỉ bù', 'Compensatory day off'],
  ['2025-09-01', 'Quốc khánh', 'National Day'],
  ['2025-09-02', 'Quốc khánh', 'National Day'],
  ['2026-01-01', 'Tết Dương lịch', "New Year's Day"],
  ['2026-01-02', 'Nghỉ bù', 'Compensatory day off'],
  ['2026-02-16', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'],
  ['2026-02-17', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'],
  ['2026-02-18', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'],
  ['2026-02-19', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'],
  ['2026-02-20', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Tết)'],
  ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)', 'Hung Kings Commemoration Day (in lieu)'],
  ['2026-04-30', 'Ngày Chiến thắng', 'Reunification Day'],
  ['2026-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'],
  ['2026-09-01', 'Quốc khánh', 'National Day'],
  ['2026-09-02', 'Quốc khánh', 'National Day'],
  ['2027-01-01', 'Tết Dương lịch', "New Year's Day"],
  ['2027-02-05', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Tết)'],
  ['2027-02-08', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Tết)'],
  ['2027-02-09', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Tết)'],
  ['2027-02-10', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Tết)'],
  ['2027-02-11', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Tết)'],
  ['2027-04-16', 'Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day'],
  ['2027-04-30', 'Ngày Chiến thắng', 'Reunification Day'],
  ['2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)', 'International Labour Day (in lieu)'],
  ['2027-09-02', 'Quốc khánh', 'National Day'],
  ['2027-09-03', 'Quốc khánh', 'National Day'],
];

export class Holidays1764700000000 implements MigrationInterface {
  name = 'Holidays1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE holiday (
        day        date PRIMARY KEY,
        name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        name_en    text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `INSERT INTO holiday (day, name, name_en)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
      [seed.map((h) => h[0]), seed.map((h) => h[1]), seed.map((h) => h[2])],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE holiday`);
  }
}
