import { reportRates, type ReportFigures, type ReportRates } from '@portal/contracts';

/** The counters summed over the buckets before the period (from the start of the counters). */
export interface CountsBefore {
  intake: number;
  closed: number;
  overdueFrom: number;
  overdueClosed: number;
}

/** The counters summed over the buckets of the period, reception split by channel. */
export interface CountsWithin extends CountsBefore {
  intakeOnline: number;
  intakeCounter: number;
  intakePost: number;
  intakeFee: number;
  intakePaid: number;
  closedEarly: number;
  closedOnTime: number;
  closedLate: number;
  closedDays: number;
  closedApproved: number;
  closedResult: number;
  closedSupplement: number;
  closedRefused: number;
}

/**
 * Form 06's figures from the counters (docs/reports.md): what was open at the period's start is
 * what entered before it less what closed before it; what is open at its end is that, plus what
 * entered, less what closed within it. Overdue-while-open is counted the same way, from the day
 * after the due day until the close.
 */
export function reportFigures(before: CountsBefore, within: CountsWithin): ReportFigures {
  const carriedOver = before.intake - before.closed;
  const receivedInPerson = within.intakeCounter + within.intakePost;
  const received = within.intakeOnline + receivedInPerson;
  const inProgressTotal = carriedOver + received - within.closed;
  const inProgressOverdue = before.overdueFrom - before.overdueClosed + within.overdueFrom - within.overdueClosed;
  return {
    receivedTotal: received + carriedOver,
    receivedOnline: within.intakeOnline,
    receivedInPerson,
    receivedCounter: within.intakeCounter,
    receivedPost: within.intakePost,
    carriedOver,
    resolvedTotal: within.closed,
    resolvedEarly: within.closedEarly,
    resolvedOnTime: within.closedOnTime,
    resolvedOverdue: within.closedLate,
    inProgressTotal,
    inProgressWithinTime: inProgressTotal - inProgressOverdue,
    inProgressOverdue,
    feeBearing: within.intakeFee,
    paidOnline: within.intakePaid,
    approved: within.closedApproved,
    electronicResult: within.closedResult,
    supplementRequested: within.closedSupplement,
    refused: within.closedRefused,
    processingDays: within.closedDays,
  };
}

/** Whether a row has anything to show (a ward and procedure whose dossiers all closed long ago has not). */
export function hasFigures(figures: ReportFigures): boolean {
  return Object.values(figures).some((value) => value !== 0);
}

export function withRates(figures: ReportFigures): { figures: ReportFigures; rates: ReportRates } {
  return { figures, rates: reportRates(figures) };
}
