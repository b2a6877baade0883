import 'reflect-metadata';
import type { OfficeDossier } from '@portal/contracts';
import { AgencyFanOutProcessor } from '@portal/server/dossiers';
import { QueueNames, redisOptionsFromUrl } from '@portal/server/platform';
import { Queue } from 'bullmq';
import {
  aLinkedBirthApplication,
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  eventually,
  uploadPaper,
} from '@portal/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

const root = join(__dirname, '../../..');

describe('the linked procedure fans out to the residence and health-insurance agencies', () => {
  const port = 41000 + Math.floor(Math.random() * 2000);
  const agenciesConfig = { AGENCIES_URL: `http://127.0.0.1:${port}`, AGENCIES_TOKEN: 'integration-test-token' };
  let agencies: ChildProcess;
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    // The agencies' stand-in, in a process of its own; it fails every first request.
    agencies = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/agencies-mock/src/main.ts')], {
      env: {
        ...process.env,
        AGENCIES_PORT: String(port),
        AGENCIES_TOKEN: agenciesConfig.AGENCIES_TOKEN,
        AGENCIES_FAIL_FIRST: 'true',
      },
      stdio: 'ignore',
    });
    await eventually(
      async () => (await fetch(`${agenciesConfig.AGENCIES_URL}/health`)).ok,
      20_000,
      'the agencies stand-in',
    );
    api = await startApi({
      config: agenciesConfig,
      processor: { queue: QueueNames.agencyFanOut, build: (db, config) => new AgencyFanOutProcessor(db, config) },
    });
    ({ base, dataSource } = api);
  });

  afterAll(async () => {
    await api.stop();
    agencies.kill('SIGTERM');
  });

  it('after the leader signs, both agencies register the child, each once, despite a failed first try', async () => {
    const { browser } = await aSignedInCitizen(base);
    const certificate = await uploadPaper(browser, 'medical_birth_certificate');
    const draft = await aDraft(
      browser,
      aLinkedBirthApplication({ medical_birth_certificate: certificate }),
      'LT.KS-TT-BHYT',
    );
    const { code } = (await (await browser.post(`/drafts/${draft.id}/submit`)).json()) as { code: string };

    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const leader = await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn');
    let dossier = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    for (const action of ['receive', 'start', 'propose_approval']) {
      dossier = (await (
        await clerk.post(`/office/dossiers/${code}/actions/${action}`, { version: dossier.version })
      ).json()) as OfficeDossier;
    }
    const signed = await leader.post(`/office/dossiers/${code}/actions/sign`, { version: dossier.version });
    expect(((await signed.json()) as OfficeDossier).status).toBe('processed');

    const agencyEvents = () =>
      dataSource.query(
        `SELECT e.action, e.details->>'reference' AS reference FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
          WHERE d.code = $1 AND e.action LIKE 'agency-%' ORDER BY e.action`,
        [code],
      );
    await eventually(async () => (await agencyEvents()).length === 2, 30_000, 'both agencies answering');
    const events = await agencyEvents();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['agency-health-insurance', 'agency-residence']);
    expect(events[0].reference).toMatch(/^BHYT-/);
    expect(events[1].reference).toMatch(/^CT-/);

    // Each agency's job failed its first try (the stand-in refuses every first request) and succeeded on a retry.
    const [{ id }] = await dataSource.query(`SELECT id FROM dossier WHERE code = $1`, [code]);
    const queue = new Queue(QueueNames.agencyFanOut, {
      connection: redisOptionsFromUrl(api.config.REDIS_URL),
      prefix: api.config.QUEUE_PREFIX,
    });
    try {
      const jobs = await queue.getJobs(['completed']);
      const ours = jobs.filter((job) => job.data.dossierId === id);
      expect(ours.map((job) => [job.name, job.attemptsMade]).sort()).toEqual([
        ['health-insurance', 2],
        ['residence', 2],
      ]);
      expect(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        failed: 0,
      });
    } finally {
      await queue.close();
    }
    expect(await agencyEvents()).toHaveLength(2);
  });

  it('sends a plain birth registration to no agency', async () => {
    const { browser } = await aSignedInCitizen(base);
    const code = await aSubmittedBirthRegistration(browser);
    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const leader = await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn');
    let dossier = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    for (const action of ['receive', 'start', 'propose_approval']) {
      dossier = (await (
        await clerk.post(`/office/dossiers/${code}/actions/${action}`, { version: dossier.version })
      ).json()) as OfficeDossier;
    }
    const signed = await leader.post(`/office/dossiers/${code}/actions/sign`, { version: dossier.version });
    expect(((await signed.json()) as OfficeDossier).status).toBe('processed');
    const [queued] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message o JOIN dossier d ON d.id::text = o.payload->>'dossierId'
        WHERE o.queue = $1 AND d.code = $2`,
      [QueueNames.agencyFanOut, code],
    );
    expect(queued.n).toBe(0);
  });
});
