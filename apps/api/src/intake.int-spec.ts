import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { IntakeProcessor } from '@portal/server/dossiers';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig, outboxRelayFor, QueueNames, redisOptionsFromUrl, type OutboxRelay } from '@portal/server/platform';
import {
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  eventually,
  vietnamDaysAgo,
} from '@portal/testing';
import type { OfficeDossier } from '@portal/contracts';
import { Worker } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

describe('automatic intake checks after submission (outbox → BullMQ → processor)', () => {
  const config = loadConfig();
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let worker: Worker;
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-intake-'));

  beforeAll(async () => {
    app = await createApp({ ...config, UPLOAD_DIR: uploadDir });
    await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    const processor = new IntakeProcessor(dataSource);
    worker = new Worker(QueueNames.dossierIntake, (job) => processor.process(job), {
      connection: redisOptionsFromUrl(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    relay = outboxRelayFor(config, { pollIntervalMs: 100 });
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await worker.close();
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const intake = (code: string) =>
    eventually(
      async () =>
        (
          await dataSource.query(
            `SELECT e.details FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
              WHERE d.code = $1 AND e.action = 'intake-check'`,
            [code],
          )
        )[0]?.details,
      20_000,
      `the intake check of ${code}`,
    );

  it('records complete papers, and flags a second application for the same birth as a possible duplicate', async () => {
    // A name of this test's own: other tests of the run register children too.
    const child = { fullName: 'Hoàng Bảo Ngọc', sex: 'female', dateOfBirth: vietnamDaysAgo(4) };
    const first = await aSubmittedBirthRegistration((await aSignedInCitizen(base)).browser, { child });
    expect(await intake(first)).toEqual({ papersComplete: true, missingPapers: [], duplicateOf: [] });

    const second = await aSubmittedBirthRegistration((await aSignedInCitizen(base)).browser, { child });
    expect(await intake(second)).toMatchObject({ papersComplete: true, duplicateOf: expect.arrayContaining([first]) });
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'intake-check'`,
      [second],
    );
    expect(n).toBe(1);

    // The clerk sees what the check found; the citizen's own timeline shows no internal step.
    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const seen = (await (await clerk.get(`/office/dossiers/${second}`)).json()) as OfficeDossier;
    expect(seen.timeline.find((e) => e.action === 'intake-check')?.details).toMatchObject({ duplicateOf: [first] });
  });
});
