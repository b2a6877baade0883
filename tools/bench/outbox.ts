/**
 * npm run bench:outbox — how fast state changes reach a BullMQ processor through
 * the transactional outbox, beside this machine's own ceilings measured in the
 * same run:
 *   1. bare PostgreSQL: the same transaction without the outbox row;
 *   2. bare BullMQ: add → process, no database at all;
 *   3. the outbox: transaction (state + outbox row) → relay → BullMQ → processor.
 * Uses the local PostgreSQL and Redis (TEST_DATABASE_ADMIN_URL, TEST_REDIS_URL) in a
 * database and key prefix of its own, removed at the end. BENCH_JOBS sets the size.
 */
import 'reflect-metadata';
import { buildDataSourceOptions, outboxRelayFor, redisOptionsFromUrl } from '@portal/server/platform';
import { createDatabase, deleteRedisKeys, dropDatabase, newRunId, testRedisUrl } from '@portal/testing';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

const jobs = Number(process.env.BENCH_JOBS ?? 5000);
const writers = Number(process.env.BENCH_WRITERS ?? 16);

interface Result {
  name: string;
  seconds: number;
  perSecond: number;
  p50?: number;
  p95?: number;
  p99?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summarise(name: string, startedAt: number, latencies?: number[]): Result {
  const seconds = (performance.now() - startedAt) / 1000;
  const result: Result = { name, seconds, perSecond: jobs / seconds };
  if (latencies) {
    const sorted = [...latencies].sort((a, b) => a - b);
    Object.assign(result, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) });
  }
  return result;
}

async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function main(): Promise<void> {
  const runId = newRunId();
  const databaseName = `portal_bench_${runId}`;
  const prefix = `bench-${runId}`;
  const databaseUrl = await createDatabase(databaseName);
  const redisUrl = testRedisUrl();
  const connection = redisOptionsFromUrl(redisUrl);
  const results: Result[] = [];
  const config = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: writers, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix };
  const setup = await new DataSource(buildDataSourceOptions(config, 'bench-setup')).initialize();
  await setup.runMigrations();
  await setup.query(`CREATE TABLE bench_state (id bigserial PRIMARY KEY, note text NOT NULL)`);
  await setup.destroy();
  const pool = new Pool({ connectionString: databaseUrl, max: writers });

  try {
    console.log(`Outbox benchmark: ${jobs} jobs, ${writers} concurrent writers, Node ${process.version}`);

    // 1. Ceiling: the bare transaction.
    let started = performance.now();
    await inParallel(jobs, async (i) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_state (note) VALUES ($1)', [`bare ${i}`]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    results.push(summarise('PostgreSQL transaction alone (ceiling)', started));

    // 2. Ceiling: bare BullMQ add → process.
    {
      const latencies: number[] = [];
      const queue = new Queue('bench-bare', { connection, prefix });
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const worker = new Worker(
        'bench-bare',
        async (job) => {
          latencies.push(performance.timeOrigin + performance.now() - job.data.t);
          if (latencies.length === jobs) done();
        },
        { connection, prefix, concurrency: 50 },
      );
      started = performance.now();
      await inParallel(jobs, async () => {
        await queue.add('bench', { t: performance.timeOrigin + performance.now() }, { removeOnComplete: true });
      });
      await finished;
      results.push(summarise('BullMQ add → process alone (ceiling)', started, latencies));
      await worker.close();
      await queue.close();
    }

    // 3. The outbox path.
    {
      const latencies: number[] = [];
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      const worker = new Worker(
        'bench-outbox',
        async (job) => {
          latencies.push(performance.timeOrigin + performance.now() - job.data.t);
          if (latencies.length === jobs) done();
        },
        { connection, prefix, concurrency: 50 },
      );
      const relay = outboxRelayFor(config);
      relay.start();
      started = performance.now();
      await inParallel(jobs, async (i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO bench_state (note) VALUES ($1)', [`outbox ${i}`]);
          await client.query(
            `INSERT INTO outbox_message (queue, job_name, payload) VALUES ('bench-outbox', 'bench', $1)`,
            [JSON.stringify({ t: performance.timeOrigin + performance.now() })],
          );
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      });
      await finished;
      results.push(summarise('state + outbox → relay → BullMQ → processor', started, latencies));
      await relay.stop();
      await worker.close();
    }

    const ms = (value?: number) => (value === undefined ? '' : `${value.toFixed(1)} ms`);
    console.table(
      results.map((r) => ({
        path: r.name,
        'jobs/s': Math.round(r.perSecond),
        seconds: r.seconds.toFixed(2),
        'p50 latency': ms(r.p50),
        'p95 latency': ms(r.p95),
        'p99 latency': ms(r.p99),
      })),
    );
    const [pg, bull, outbox] = results;
    console.log(
      `Outbox throughput = ${((outbox.perSecond / Math.min(pg.perSecond, bull.perSecond)) * 100).toFixed(0)}% of the slower ceiling ` +
        `(PostgreSQL ${Math.round(pg.perSecond)}/s, BullMQ ${Math.round(bull.perSecond)}/s); ` +
        `commit-to-pickup p50 ${ms(outbox.p50)} against BullMQ's own ${ms(bull.p50)}.`,
    );
  } finally {
    await pool.end();
    await dropDatabase(databaseName);
    await deleteRedisKeys(prefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
