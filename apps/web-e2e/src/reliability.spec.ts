import { expect, test } from '@playwright/test';
import { createDatabase, deleteRedisKeys, dropDatabase, newRunId, testRedisUrl } from '@portal/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The built worker is killed with SIGKILL twice while it works through 1,000
 * submitted dossiers: afterwards every dossier has had its intake check exactly
 * once, every outbox message was published, and no job was lost or failed.
 */
const root = join(__dirname, '../../..');
const DOSSIERS = 1000;

test('1,000 dossiers through the worker while it is killed twice: none lost, none done twice', async () => {
  test.setTimeout(180_000);
  const runId = newRunId();
  const database = `portal_chaos_${runId}`;
  const databaseUrl = await createDatabase(database);
  const env = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `chaos-${runId}`,
    LOG_LEVEL: 'warn',
    SMTP_URL: 'smtp://127.0.0.1:9', // nothing listens: this run sends no mail
  };
  const db = new Client({ connectionString: databaseUrl });
  let worker: ChildProcess | undefined;
  try {
    for (const command of ['migrate', 'seed']) {
      const result = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), command], {
        env,
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
    }
    await db.connect();
    // 1,000 submitted dossiers, each with its intake job in the outbox, as a submission leaves them.
    await db.query(`
      WITH created AS (
        INSERT INTO dossier (code, procedure_code, unit_code, channel, status, data, submitted_at)
        SELECT 'HS-01-000000-' || lpad(n::text, 6, '0'), '1.001193', '00004', 'online', 'new',
               jsonb_build_object('child', jsonb_build_object('fullName', 'Trẻ ' || n, 'dateOfBirth', '2026-11-01'),
                                  'mother', jsonb_build_object('absent', true), 'father', jsonb_build_object('absent', true)),
               now()
          FROM generate_series(1, ${DOSSIERS}) AS n
        RETURNING id)
      INSERT INTO outbox_message (queue, job_name, payload)
      SELECT 'dossier-intake', 'intake-check', jsonb_build_object('dossierId', id) FROM created`);

    const checked = async () =>
      Number(
        (await db.query(`SELECT count(DISTINCT dossier_id) AS n FROM dossier_event WHERE action = 'intake-check'`))
          .rows[0].n,
      );
    const startWorker = () =>
      spawn(process.execPath, [join(root, 'dist/apps/worker/main.js')], {
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    const killWhenSome = async (target: number) => {
      await expect.poll(checked, { timeout: 60_000, intervals: [50] }).toBeGreaterThan(target);
      worker?.kill('SIGKILL');
      await new Promise((resolve) => worker?.once('exit', resolve));
    };

    const started = Date.now();
    worker = startWorker();
    await killWhenSome(0);
    const afterFirstKill = await checked();
    worker = startWorker();
    await killWhenSome(afterFirstKill);
    expect(await checked()).toBeLessThan(DOSSIERS); // the second kill came in the middle of the work
    worker = startWorker();
    await expect.poll(checked, { timeout: 120_000 }).toBe(DOSSIERS);
    console.log(`${DOSSIERS} intake checks with two SIGKILLs: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const twice = await db.query(
      `SELECT dossier_id FROM dossier_event WHERE action = 'intake-check' GROUP BY dossier_id HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
    const unpublished = await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`);
    expect(unpublished.rows[0].n).toBe(0);
  } finally {
    worker?.kill('SIGKILL');
    await db.end().catch(() => undefined);
    await dropDatabase(database);
    await deleteRedisKeys(`chaos-${runId}`);
  }
});
