/**
 * Calendar arithmetic for legal time limits (DESIGN.md §4), in Viet Nam's time
 * (UTC+7, no daylight saving). Plain TypeScript: no framework, no I/O.
 *
 * - Working days are Monday to Friday, less public holidays.
 * - A dossier received after 15:00, or on a day off, counts from the next working day.
 * - A limit of 0 working days means "the same working day": due at the end of that day.
 * - A limit of n working days is due at the end of the n-th working day after the day it counts from.
 */
import { VIETNAM_UTC_OFFSET_MS } from '@portal/contracts';

export const CUT_OFF_HOUR = 15;
export const END_OF_DAY_HOUR = 17;

/** Public holidays (and compensatory days off) as YYYY-MM-DD in Viet Nam. */
export type HolidayCalendar = ReadonlySet<string>;

function localDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

function localHour(instant: Date): number {
  return new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MS).getUTCHours();
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: HolidayCalendar): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

export function nextWorkingDay(day: string, holidays: HolidayCalendar): string {
  let next = addDays(day, 1);
  while (!isWorkingDay(next, holidays)) next = addDays(next, 1);
  return next;
}

/**
 * Working days after `from` up to and including `to` (both YYYY-MM-DD): a dossier's processing
 * days from its reception day to its finish day, as the database's `report_working_days` counts them.
 */
export function workingDaysBetween(from: string, to: string, holidays: HolidayCalendar): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count;
}

/** The working day a dossier received at this instant counts from. */
export function countingDay(receivedAt: Date, holidays: HolidayCalendar): string {
  const day = localDay(receivedAt);
  if (isWorkingDay(day, holidays) && localHour(receivedAt) < CUT_OFF_HOUR) return day;
  return nextWorkingDay(day, holidays);
}

/** A working day's hours, to put a time limit in working hours into working days. */
export const WORKING_HOURS_PER_DAY = 8;

/** A procedure's time limit (the catalogue's amount and unit) in whole working days, as due dates count it. */
export function timeLimitInWorkingDays(amount: number, unit: string): number {
  return unit === 'working_hours' ? Math.ceil(amount / WORKING_HOURS_PER_DAY) : amount;
}

/** The instant a dossier received at `receivedAt` with a limit of `workingDays` falls due. */
export function dueAt(receivedAt: Date, workingDays: number, holidays: HolidayCalendar): Date {
  let day = countingDay(receivedAt, holidays);
  for (let i = 0; i < workingDays; i++) day = nextWorkingDay(day, holidays);
  return new Date(Date.parse(`${day}T${String(END_OF_DAY_HOUR).padStart(2, '0')}:00:00Z`) - VIETNAM_UTC_OFFSET_MS);
}
