import { daysBetween, todayInVietnam } from '../fields';
import type { ApplicationData, Channel, FeeCase, ProcedureForm, ReportIssue } from '../procedure-form';
import { birthRegistryRecord, birthResult } from './result';
import type { BirthApplication } from './steps';

/** Registration within this many days of the birth is on time and free (Law on Civil Status, art. 15). */
export const ON_TIME_DAYS = 60;

/** Whole days from the birth to the registration date (both YYYY-MM-DD). */
export function daysSinceBirth(dateOfBirth: string, on: string): number {
  return daysBetween(dateOfBirth, on);
}

export function isLateRegistration(dateOfBirth: string, on: string = todayInVietnam()): boolean {
  return daysSinceBirth(dateOfBirth, on) > ON_TIME_DAYS;
}

const birth = (application: ApplicationData) => application as unknown as BirthApplication;

/**
 * The papers a birth registration must carry: the medical birth certificate, and the
 * marriage certificate when both parents are named. At the counter nothing is
 * uploaded: the clerk has seen the originals.
 */
export function birthPapers(
  application: { mother?: { absent?: boolean }; father?: { absent?: boolean } },
  channel: Channel,
): string[] {
  if (channel === 'counter') return [];
  const bothParentsNamed = application.mother?.absent === false && application.father?.absent === false;
  return ['medical_birth_certificate', ...(bothParentsNamed ? ['marriage_certificate'] : [])];
}

/** The marriage certificate when both parents are named (the papers page is not there at the counter). */
export function marriageCertificateRule(application: ApplicationData, report: ReportIssue, channel: Channel): void {
  const papers = application['papers'] as Record<string, string | undefined> | undefined;
  if (
    papers &&
    birthPapers(birth(application), channel).includes('marriage_certificate') &&
    !papers['marriage_certificate']
  )
    report(['papers', 'marriage_certificate'], 'marriageCertificate');
}

/** What birth registration and the linked procedure share: who the dossier is about, who to contact, duplicates. */
export const birthRegistrationParts: Omit<ProcedureForm, 'code' | 'steps' | 'crossPageRules' | 'feeCase'> = {
  requiredPapers: (application, channel) => birthPapers(birth(application), channel),
  subject: (application) => ({ fullName: birth(application).child.fullName }),
  contact: (application) => {
    const { fullName, phone, email } = birth(application).informant;
    return { fullName, phone, ...(email ? { email } : {}) };
  },
  unitCode: (application) => birth(application).ward.unitCode,
  intakeChecks: ['papers', 'duplicates'],
  registryRecord: birthRegistryRecord,
  result: birthResult,
  // The same child: name and date of birth, with the mother's or the father's personal ID number.
  duplicateKeys: (application) => {
    const { child, mother, father } = birth(application);
    const of = `birth:${child.fullName.toLocaleLowerCase('vi')}|${child.dateOfBirth}`;
    return [mother, father]
      .filter((parent) => parent && !parent.absent && parent.personalId)
      .map((parent) => `${of}|${parent.personalId}`);
  },
};

/** More than 60 days after the birth is late registration (a fee); otherwise on time. */
export function birthFeeCase(application: ApplicationData, today: string): FeeCase {
  // Asked of a draft too (the check-your-answers page): a missing date is not late.
  const dateOfBirth = birth(application).child?.dateOfBirth;
  return dateOfBirth && isLateRegistration(dateOfBirth, today) ? 'late' : 'on_time';
}
