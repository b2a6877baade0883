import { Queue } from 'bullmq';
import { Client, Pool } from 'pg';
import type { AppConfig } from '../config/config';
import { defaultJobOptions, outboxJobId, redisOptionsFromUrl } from '../queues/queues';

export interface OutboxRelayOptions {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (e.g. after a lost connection). */
  pollIntervalMs?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, error?: unknown) => void;
}

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
  run_at: Date | null;
}

/**
 * Moves committed outbox rows into BullMQ.
 *
 * In one Postgres transaction it locks a batch of unpublished rows
 * (SKIP LOCKED, so several relays share the work), adds each as a job whose id
 * is derived from the row id, then marks the rows published and commits. A crash
 * after the add and before the commit leaves the rows unpublished; the next pass
 * adds them again under the same job ids, which BullMQ ignores while the first
 * copy exists, so the job still runs once.
 *
 * Plain TypeScript with no framework, so it can run in any process.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private readonly queues = new Map<string, Queue>();
  private listener?: Client;
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  /** Set by a notification that arrives while a pass is running. */
  private woken = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2, application_name: 'outbox-relay' });
    this.pool.on('error', (error) => this.log('warn', 'outbox relay: idle database connection failed', error));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.woken = true;
    this.wake?.();
    await this.loopDone;
    await this.listener?.end().catch(() => undefined);
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.pool.end();
  }

  /** Publishes one batch; returns how many rows it moved. */
  async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    // A connection lost mid-pass (database restart, terminated session) surfaces as the
    // failed query below; without this listener it would also crash the process.
    const onError = (error: Error) => this.log('warn', 'outbox relay: database connection lost during a pass', error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, queue, job_name, payload, run_at FROM outbox_message
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const byQueue = new Map<string, OutboxRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [queueName, queueRows] of byQueue) {
        await this.queue(queueName).addBulk(
          queueRows.map((row) => ({
            name: row.job_name,
            data: row.payload,
            opts: {
              jobId: outboxJobId(row.id),
              ...(row.run_at ? { delay: Math.max(0, new Date(row.run_at).getTime() - Date.now()) } : {}),
            },
          })),
        );
      }
      await client.query(`UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release();
    }
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisOptionsFromUrl(this.options.redisUrl),
        prefix: this.options.queuePrefix,
        defaultJobOptions,
      });
      queue.on('error', (error) => this.log('warn', `outbox relay: queue ${name} error`, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.woken = false;
      try {
        await this.ensureListener();
        const moved = await this.publishBatch();
        if (moved === this.batchSize) continue;
      } catch (error) {
        this.log('error', 'outbox relay: pass failed; retrying', error);
      }
      if (!this.woken && this.running) await this.sleepUntilWoken();
    }
  }

  private sleepUntilWoken(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) return;
    const listener = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'outbox-relay-listen',
    });
    listener.on('notification', () => {
      this.woken = true;
      this.wake?.();
    });
    listener.on('error', (error) => {
      this.log('warn', 'outbox relay: notification connection lost; polling until it is back', error);
      if (this.listener === listener) this.listener = undefined;
      listener.end().catch(() => undefined);
    });
    await listener.connect();
    await listener.query('LISTEN outbox_message');
    this.listener = listener;
  }

  private log(level: 'info' | 'warn' | 'error', message: string, error?: unknown): void {
    this.options.log?.(level, message, error);
  }
}

/** A relay for the configured database, Redis and queue prefix. */
export function outboxRelayFor(
  config: Pick<AppConfig, 'DATABASE_URL' | 'REDIS_URL' | 'QUEUE_PREFIX'>,
  options: Partial<Omit<OutboxRelayOptions, 'databaseUrl' | 'redisUrl' | 'queuePrefix'>> = {},
): OutboxRelay {
  return new OutboxRelay({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    queuePrefix: config.QUEUE_PREFIX,
    ...options,
  });
}
