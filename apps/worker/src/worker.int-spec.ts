import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, outboxJobId, redisOptionsFromUrl, writeToOutbox } from '@portal/server/platform';
import { Queue } from 'bullmq';
import { eventually } from '@portal/testing';
import { DataSource } from 'typeorm';
import { WorkerModule } from './worker.module';

describe('worker process', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(loadConfig()), { logger: false });
    worker.enableShutdownHooks();
    dataSource = worker.get(DataSource);
  });

  afterAll(async () => {
    await worker.close();
  });

  it('carries an outbox message through its relay to a processor: old published rows are cleaned up', async () => {
    await dataSource.query(
      `INSERT INTO outbox_message (queue, job_name, payload, created_at, published_at)
       VALUES ('elsewhere', 'old', '{}', now() - interval '30 days', now() - interval '30 days')`,
    );
    const id: string = await dataSource.transaction(async (manager) => {
      await writeToOutbox(manager, [{ queue: 'housekeeping', name: 'outbox-cleanup', payload: {} }]);
      return (await manager.query(`SELECT max(id)::text AS id FROM outbox_message`))[0].id;
    });

    const config = loadConfig();
    const queue = new Queue('housekeeping', {
      connection: redisOptionsFromUrl(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      const job = await eventually(
        async () => {
          const found = await queue.getJob(outboxJobId(id));
          return found?.finishedOn ? found : undefined;
        },
        20_000,
        'the outbox job finishing',
      );
      expect(job.failedReason).toBeUndefined();
    } finally {
      await queue.close();
    }
    await eventually(
      async () =>
        (await dataSource.query(`SELECT published_at FROM outbox_message WHERE id = $1`, [id]))[0].published_at,
      10_000,
      'the outbox row being marked published',
    );
    const [old] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'old'`);
    expect(old.n).toBe(0);
  });
});
