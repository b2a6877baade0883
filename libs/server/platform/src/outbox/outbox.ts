import type { EntityManager } from 'typeorm';

export interface OutboxEntry {
  /** The BullMQ queue that runs the job. */
  queue: string;
  /** The job name the processor switches on. */
  name: string;
  /** Ids and small facts only, never whole records or personal data. */
  payload: Record<string, unknown>;
  /** Run the job no earlier than this (a delayed BullMQ job, kept in Redis across restarts). */
  runAt?: Date;
}

/**
 * Writes jobs to the outbox inside the caller's transaction, so they commit or
 * vanish together with the state change that caused them. The relay in the
 * worker moves them to BullMQ after the commit.
 */
export async function writeToOutbox(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('writeToOutbox must run inside the transaction of the state change it announces');
  }
  const values: string[] = [];
  const params: unknown[] = [];
  entries.forEach((entry, i) => {
    values.push(`($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
    params.push(entry.queue, entry.name, JSON.stringify(entry.payload), entry.runAt ?? null);
  });
  await manager.query(
    `INSERT INTO outbox_message (queue, job_name, payload, run_at) VALUES ${values.join(', ')}`,
    params,
  );
}
