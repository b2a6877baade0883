/**
 * The legal clock of a dossier: it runs while the ward works the dossier, stops
 * while the ward waits for the citizen, and the due date moves by each pause.
 * The inbox's marks and the SLA timers both read it from here.
 */

/** The share of the working time after which a dossier is "due soon" (the SLA warning). */
export const WARNING_SHARE = 0.75;

/** Statuses in which the ward's clock runs (not while waiting for papers, not once finished). */
export const clockRunningStatuses: readonly string[] = ['new', 'received', 'processing'];

export function clockRunning(status: string): boolean {
  return clockRunningStatuses.includes(status);
}

/**
 * When a dossier becomes due soon: three quarters of its working time after the
 * clock started (receipt; submission before that), later by the time paused —
 * that is, a quarter of the working time before the due date.
 */
export function warningAt(clockStart: Date, due: Date, pausedSeconds: number): Date {
  const working = due.getTime() - clockStart.getTime() - pausedSeconds * 1000;
  return new Date(due.getTime() - Math.max(0, working) * (1 - WARNING_SHARE));
}

/** The marks beside a due date, as the inbox and the dossier page show them. */
export function dueMarks(
  status: string,
  dossier: { clockStart: Date | string | null; due: Date | string | null; pausedSeconds: number },
  now = Date.now(),
): { dueSoon: boolean; overdue: boolean } {
  if (!clockRunning(status) || !dossier.due) return { dueSoon: false, overdue: false };
  const due = new Date(dossier.due);
  if (due.getTime() < now) return { dueSoon: false, overdue: true };
  const start = dossier.clockStart ? new Date(dossier.clockStart) : null;
  return { dueSoon: !!start && warningAt(start, due, dossier.pausedSeconds).getTime() <= now, overdue: false };
}
