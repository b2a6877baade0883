import type { DefaultJobOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';

/**
 * Queues are named by what they do. Job data carries ids, never whole records.
 * Add a queue here when a domain starts using one; the API reports its depth.
 */
export const QueueNames = {
  housekeeping: 'housekeeping',
  notifications: 'notifications',
  dossierIntake: 'dossier-intake',
  slaTimers: 'sla-timers',
  agencyFanOut: 'agency-fan-out',
  payments: 'payments',
  documents: 'documents',
  reportExports: 'report-exports',
} as const;
export type QueueName = (typeof QueueNames)[keyof typeof QueueNames];
export const knownQueues: readonly string[] = Object.values(QueueNames);

/**
 * Completed jobs are kept for a day so that a job the outbox relay publishes a
 * second time (after a crash between enqueue and commit) finds its twin by id
 * and is not run again.
 */
export const defaultJobOptions: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * Worker options for short jobs: a job whose worker died (SIGKILL, lost node)
 * holds a lock that lapses after 10 s, and another worker takes it up again
 * within 5 s more, instead of BullMQ's default 30 + 30 s. A live worker renews
 * its lock every 5 s, so a job may run far longer than 10 s.
 */
export const shortJobWorker = { lockDuration: 10_000, stalledInterval: 5_000 } as const;

/** ioredis options from a redis:// URL, as BullMQ wants them (no per-request retry limit). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ job id of an outbox row: the same row always gives the same job. */
export function outboxJobId(outboxId: string | number): string {
  return `outbox-${outboxId}`;
}
