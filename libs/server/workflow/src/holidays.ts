import type { HolidayCalendar } from './working-days';

/**
 * Days off for state agencies in 2025, 2026 and 2027 (Labour Code 2019 art. 112 and
 * the Prime Minister's yearly decisions on Tết and compensatory days). The admin
 * calendar (DESIGN.md §1) will manage this list; until then it is the default.
 */
export const vietnamHolidays: HolidayCalendar = new Set([
  // 2025
  '2025-01-01',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31', // Tết Ất Tỵ (25/1–2/2 incl. weekends)
  '2025-04-07', // Giỗ Tổ Hùng Vương
  '2025-04-30',
  '2025-05-01',
  '2025-05-02',
  '2025-09-01',
  '2025-09-02',
  // 2026
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20', // Tết Bính Ngọ (14/2–22/2 incl. weekends)
  '2026-04-27', // Giỗ Tổ Hùng Vương (26/4 is a Sunday)
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  // 2027: the statutory days of the Labour Code, with compensatory days for those falling on a weekend
  // (Tết Đinh Mùi: 29 Tết to 4 Tết = 5–9 February; 6–7 February are a weekend). The Prime Minister's
  // decision for 2027 may move Tết days; the admin calendar will carry it.
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16', // Giỗ Tổ Hùng Vương (10/3 âm lịch)
  '2027-04-30',
  '2027-05-03', // for 1 May, a Saturday
  '2027-09-02',
  '2027-09-03',
]);
