import * as z from 'zod';
import { isoDate, requiredText } from './procedures/fields';
import type { LocalizedText } from './common';

/** A day off of state agencies: no working day for the time limits of dossiers. */
export interface HolidayView {
  day: string;
  name: LocalizedText;
}

/** The years the calendar can hold. */
export const HOLIDAY_YEARS = { from: 2020, to: 2100 } as const;

/** An administrator adds a day off. */
export const newHolidaySchema = z.object({
  day: isoDate.refine((v) => Number(v.slice(0, 4)) >= HOLIDAY_YEARS.from && Number(v.slice(0, 4)) <= HOLIDAY_YEARS.to, {
    message: 'date',
  }),
  name: requiredText(100),
  nameEn: requiredText(100),
});
export type NewHoliday = z.input<typeof newHolidaySchema>;

export const holidayYearSchema = z.object({
  year: z.coerce
    .number({ message: 'wrongType' })
    .int({ message: 'wrongType' })
    .min(HOLIDAY_YEARS.from, { message: 'wrongType' })
    .max(HOLIDAY_YEARS.to, { message: 'wrongType' }),
});
