import type { Language } from '@portal/contracts';

/** The personal ID number with all but its last four digits hidden, e.g. ••••••••2345. */
export function maskPersonalId(personalId: string): string {
  return `${'•'.repeat(Math.max(personalId.length - 4, 0))}${personalId.slice(-4)}`;
}

const englishDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date (YYYY-MM-DD): 15/04/1990 in Vietnamese, 15 April 1990 in English. */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-');
  return language === 'vi' ? `${day}/${month}/${year}` : englishDate.format(new Date(`${isoDate}T00:00:00Z`));
}
