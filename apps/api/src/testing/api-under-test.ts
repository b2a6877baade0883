import type { INestApplication } from '@nestjs/common';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig, outboxRelayFor, redisOptionsFromUrl, type AppConfig } from '@portal/server/platform';
import { type Job, Worker } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';

export interface ApiUnderTest {
  app: INestApplication;
  /** The API's base URL, ending in /api. */
  base: string;
  dataSource: DataSource;
  config: AppConfig;
  stop(): Promise<void>;
}

/**
 * The API as production builds it, seeded, on a free port, with uploads in a
 * temporary folder; optionally with the outbox relay and one queue's processor,
 * as the worker would run them.
 */
export async function startApi(
  options: {
    config?: Partial<AppConfig>;
    processor?: {
      queue: string;
      build: (dataSource: DataSource, config: AppConfig) => { process(job: Job): Promise<unknown> };
    };
  } = {},
): Promise<ApiUnderTest> {
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-api-'));
  const config: AppConfig = { ...loadConfig(), UPLOAD_DIR: uploadDir, ...options.config };
  const app = await createApp(config);
  await app.get(IdentitySeeder).seed();
  await app.get(CatalogueSeeder).seed();
  await app.listen(0, '127.0.0.1');
  const base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  let worker: Worker | undefined;
  const relay = options.processor ? outboxRelayFor(config, { pollIntervalMs: 100 }) : undefined;
  if (options.processor) {
    const processor = options.processor.build(dataSource, config);
    worker = new Worker(options.processor.queue, (job) => processor.process(job), {
      connection: redisOptionsFromUrl(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    relay?.start();
  }
  return {
    app,
    base,
    dataSource,
    config,
    async stop() {
      await relay?.stop();
      await worker?.close();
      await app.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
