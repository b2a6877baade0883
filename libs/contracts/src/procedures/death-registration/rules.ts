import { daysBetween } from '../fields';
import type { ApplicationData, Channel, FeeCase, ReportIssue } from '../procedure-form';
import type { DeathApplication } from './steps';

/** A death registered within this many days of it is on time and free (Law on Civil Status 2014, art. 33). */
export const DEATH_ON_TIME_DAYS = 15;

const death = (application: ApplicationData) => application as unknown as DeathApplication;

/** More than 15 days after the death is late registration: the late fee. */
export function deathFeeCase(application: ApplicationData, today: string): FeeCase {
  // Asked of a draft too (the check-your-answers page): a missing date is not late.
  const dateOfDeath = death(application).death?.dateOfDeath;
  return dateOfDeath && daysBetween(dateOfDeath, today) > DEATH_ON_TIME_DAYS ? 'late' : 'on_time';
}

/**
 * The papers to upload: the death notice (giấy báo tử) or a paper replacing it, and a letter of
 * authorisation when the declarant registers on a relative's behalf (relation "authorised").
 * The declaration itself is the form. At the counter the clerk sees the originals: nothing.
 */
export function deathPapers(application: ApplicationData, channel: Channel): string[] {
  if (channel === 'counter') return [];
  return ['death_notice', ...(death(application).declarant?.relation === 'authorised' ? ['authorisation'] : [])];
}

/** The death cannot come before the birth; an authorised declarant uploads the authorisation. */
export function deathCrossPageRules(application: ApplicationData, report: ReportIssue, channel: Channel): void {
  const { deceased, death: event, papers } = death(application);
  if (event.dateOfDeath < deceased.dateOfBirth) report(['death', 'dateOfDeath'], 'deathBeforeBirth');
  if (papers && deathPapers(application, channel).includes('authorisation') && !papers['authorisation'])
    report(['papers', 'authorisation'], 'authorisationRequired');
}

/** The same death: the deceased's personal ID number, or their name with the dates of birth and death. */
export function deathDuplicateKeys(application: ApplicationData): string[] {
  const { deceased, death: event } = death(application);
  return [
    ...(deceased.personalId ? [`death:id:${deceased.personalId}`] : []),
    `death:${deceased.fullName.toLocaleLowerCase('vi')}|${deceased.dateOfBirth}|${event.dateOfDeath}`,
  ];
}
