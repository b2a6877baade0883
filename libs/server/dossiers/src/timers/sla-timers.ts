import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueNames, shortJobWorker, writeToOutbox } from '@portal/server/platform';
import { clockRunning, warningAt } from '@portal/server/workflow';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';

export type SlaTimerKind = 'sla-warning' | 'sla-overdue';

export interface SlaTimerJob {
  dossierId: string;
  /** The due time the timer was set for; a dossier whose due time has moved ignores it. */
  dueAt: string;
}

/**
 * Sets a dossier's two timers (a warning at 75 % of its working time (see warningAt), "overdue" at its
 * due time) as delayed jobs, through the outbox of the caller's transaction.
 * When the clock pauses and the due time moves, new timers are set and the old
 * ones find a different due time and do nothing.
 */
export async function scheduleSlaTimers(
  manager: EntityManager,
  timer: { dossierId: string; clockStart: Date; due: Date; pausedSeconds: number },
): Promise<void> {
  const payload: SlaTimerJob = { dossierId: timer.dossierId, dueAt: timer.due.toISOString() };
  await writeToOutbox(manager, [
    {
      queue: QueueNames.slaTimers,
      name: 'sla-warning',
      payload: { ...payload },
      runAt: warningAt(timer.clockStart, timer.due, timer.pausedSeconds),
    },
    { queue: QueueNames.slaTimers, name: 'sla-overdue', payload: { ...payload }, runAt: timer.due },
  ]);
}

/**
 * Records "due soon" and "overdue" in a dossier's history when its timer fires.
 * Idempotent: the same timer (kind and due time) is recorded once; a timer of a
 * dossier that is finished, paused or due at another time does nothing.
 */
@Processor(QueueNames.slaTimers, shortJobWorker)
export class SlaTimerProcessor extends WorkerHost {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job<SlaTimerJob>): Promise<{ recorded: boolean }> {
    const kind = job.name as SlaTimerKind;
    if (kind !== 'sla-warning' && kind !== 'sla-overdue') throw new Error(`unknown timer ${job.name}`);
    return this.dataSource.transaction(async (manager) => {
      const [dossier] = await manager.query(
        `SELECT id, status, due_at, paused_at FROM dossier WHERE id = $1 FOR UPDATE`,
        [job.data.dossierId],
      );
      const current =
        dossier &&
        clockRunning(dossier.status) &&
        !dossier.paused_at &&
        dossier.due_at &&
        new Date(dossier.due_at).toISOString() === job.data.dueAt;
      if (!current) return { recorded: false };
      const [seen] = await manager.query(
        `SELECT 1 FROM dossier_event WHERE dossier_id = $1 AND action = $2 AND details->>'dueAt' = $3`,
        [dossier.id, kind, job.data.dueAt],
      );
      if (seen) return { recorded: false };
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_role, action, details) VALUES ($1, 'system', $2, $3)`,
        [dossier.id, kind, JSON.stringify({ dueAt: job.data.dueAt })],
      );
      return { recorded: true };
    });
  }
}
