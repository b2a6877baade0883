import { dueMarks, warningAt } from './clock';

const t = (iso: string) => new Date(`${iso}+07:00`);

describe('the legal clock', () => {
  it('warns at three quarters of the working time', () => {
    expect(warningAt(t('2026-11-02T08:00:00'), t('2026-11-06T08:00:00'), 0)).toEqual(t('2026-11-05T08:00:00'));
  });

  it('moves the warning by the time paused, as the due date moved', () => {
    // Four days of working time, plus two days waiting for papers: due on the 8th, warned on the 7th.
    expect(warningAt(t('2026-11-02T08:00:00'), t('2026-11-08T08:00:00'), 2 * 86_400)).toEqual(t('2026-11-07T08:00:00'));
  });

  it('marks due soon, then overdue, only while the ward works the dossier', () => {
    const dossier = { clockStart: t('2026-11-02T08:00:00'), due: t('2026-11-06T08:00:00'), pausedSeconds: 0 };
    expect(dueMarks('processing', dossier, t('2026-11-04T08:00:00').getTime())).toEqual({
      dueSoon: false,
      overdue: false,
    });
    expect(dueMarks('processing', dossier, t('2026-11-05T09:00:00').getTime())).toEqual({
      dueSoon: true,
      overdue: false,
    });
    expect(dueMarks('received', dossier, t('2026-11-06T09:00:00').getTime())).toEqual({
      dueSoon: false,
      overdue: true,
    });
    expect(dueMarks('supplement_requested', dossier, t('2026-11-06T09:00:00').getTime())).toEqual({
      dueSoon: false,
      overdue: false,
    });
    expect(dueMarks('processed', dossier, t('2026-11-06T09:00:00').getTime())).toEqual({
      dueSoon: false,
      overdue: false,
    });
  });
});
