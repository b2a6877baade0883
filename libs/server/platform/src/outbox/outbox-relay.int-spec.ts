import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually } from '@portal/testing';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { outboxJobId, redisOptionsFromUrl } from '../queues/queues';
import { writeToOutbox } from './outbox';
import { outboxRelayFor } from './outbox-relay';

const config = loadConfig();
const root = join(__dirname, '../../../../..');
const QUEUE = 'outbox-probe';

function startRelayProcess(): ChildProcess {
  // `node --import tsx` keeps the relay in this very process, so SIGKILL reaches it.
  return spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'outbox-relay.process.ts')], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('outbox relay', () => {
  let dataSource: DataSource;
  let queue: Queue;
  let worker: Worker;
  const runs: string[] = [];

  beforeAll(async () => {
    dataSource = await new DataSource(buildDataSourceOptions(config, 'outbox-test')).initialize();
    await dataSource.query(`CREATE TABLE IF NOT EXISTS probe_state (id serial PRIMARY KEY, note text)`);
    const connection = redisOptionsFromUrl(config.REDIS_URL);
    queue = new Queue(QUEUE, { connection, prefix: config.QUEUE_PREFIX });
    worker = new Worker(
      QUEUE,
      async (job) => {
        runs.push(String(job.id));
      },
      { connection, prefix: config.QUEUE_PREFIX },
    );
  });

  afterAll(async () => {
    await worker.close();
    await queue.close();
    await dataSource.destroy();
  });

  async function announce(note: string): Promise<string> {
    return dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO probe_state (note) VALUES ($1)`, [note]);
      await writeToOutbox(manager, [{ queue: QUEUE, name: 'probe', payload: { note } }]);
      const [row] = await manager.query(`SELECT max(id)::text AS id FROM outbox_message`);
      return row.id as string;
    });
  }

  async function publishedAt(id: string): Promise<Date | null> {
    const [row] = await dataSource.query(`SELECT published_at FROM outbox_message WHERE id = $1`, [id]);
    return row.published_at;
  }

  it('refuses to write outside a transaction, where the job could outlive a failed state change', async () => {
    await expect(writeToOutbox(dataSource.manager, [{ queue: QUEUE, name: 'probe', payload: {} }])).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message`);
    await expect(
      dataSource.transaction(async (manager) => {
        await writeToOutbox(manager, [{ queue: QUEUE, name: 'probe', payload: { note: 'rolled back' } }]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const after = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('runs a job exactly once when the relay is killed between enqueueing it and recording that', async () => {
    const id = await announce('first');

    // Hold the relay inside its "mark as published" statement, after the job is in Redis.
    await dataSource.query(`
      CREATE OR REPLACE FUNCTION test_stall_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$`);
    await dataSource.query(
      `CREATE TRIGGER test_stall_outbox BEFORE UPDATE ON outbox_message FOR EACH ROW EXECUTE FUNCTION test_stall_outbox()`,
    );

    const relayProcess = startRelayProcess();
    try {
      await eventually(() => queue.getJob(outboxJobId(id)), 30_000, 'the relay enqueueing the job');
      await eventually(
        async () => {
          const [row] = await dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'outbox-relay' AND query LIKE 'UPDATE outbox_message%'`,
          );
          return row.n === 1;
        },
        15_000,
        'the relay reaching its UPDATE',
      );
    } finally {
      relayProcess.kill('SIGKILL');
      await once(relayProcess, 'exit');
    }
    // PostgreSQL notices a vanished client only when it next talks to it; end the orphaned session now.
    await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'outbox-relay%'`,
    );
    await dataSource.query(`DROP TRIGGER test_stall_outbox ON outbox_message`);

    expect(await publishedAt(id)).toBeNull();
    await eventually(() => runs.includes(outboxJobId(id)), 15_000, 'the job running');

    // A new relay finds the row unpublished and publishes it again under the same job id.
    const relay = outboxRelayFor(config, { pollIntervalMs: 100 });
    relay.start();
    try {
      await eventually(() => publishedAt(id), 15_000, 'the row being marked published');
      // A later message, run after anything that could still be queued before it.
      const later = await announce('later');
      await eventually(() => runs.includes(outboxJobId(later)), 15_000, 'the later job running');
    } finally {
      await relay.stop();
    }

    expect(runs.filter((run) => run === outboxJobId(id))).toHaveLength(1);
    const [state] = await dataSource.query(`SELECT count(*)::int AS n FROM probe_state WHERE note = 'first'`);
    expect(state.n).toBe(1);
  });

  it('wakes on commit and publishes a burst of messages, each once', async () => {
    const relay = outboxRelayFor(config, {
      batchSize: 50,
      pollIntervalMs: 60_000, // only NOTIFY can wake it in time
    });
    relay.start();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 120; i++) ids.push(await announce(`burst ${i}`));
      await eventually(() => ids.every((id) => runs.includes(outboxJobId(id))), 30_000, 'all 120 jobs running');
      for (const id of ids) expect(runs.filter((run) => run === outboxJobId(id))).toHaveLength(1);
    } finally {
      await relay.stop();
    }
  });
});
