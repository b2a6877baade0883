/**
 * npm run bench:submit — dossier submissions through the real API (session,
 * CSRF, validation of the whole application, dossier + event + paper link +
 * e-mail + outbox + audit in one transaction), beside this machine's ceilings
 * in the same run: a bare API endpoint (GET /api/health/live) and pgbench's
 * TPC-B-like transactions on the same PostgreSQL.
 * BENCH_SUBMISSIONS (default 2,000) and BENCH_CONCURRENCY (default 32).
 */
import 'reflect-metadata';
import { createApp } from '../src/create-app';
import { migratedDatabase } from '../src/testing/volume';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { hashPassword, IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import {
  aBirthApplication,
  BrowserClient,
  deleteRedisKeys,
  dropDatabase,
  newRunId,
  testRedisUrl,
} from '@portal/testing';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(
  count: number,
  work: (i: number) => Promise<void>,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const runId = newRunId();
  const database = `portal_bench_${runId}`;
  const databaseUrl = await migratedDatabase(database);
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const config = {
    ...loadConfig({}),
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `bench-${runId}`,
    LOG_LEVEL: 'silent' as const,
    DATABASE_POOL_SIZE: 20,
    UPLOAD_DIR: uploadDir,
  };
  const app = await createApp(config);
  await app.get(IdentitySeeder).seed();
  await app.get(CatalogueSeeder).seed();
  await app.listen(0, '127.0.0.1');
  const base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  try {
    console.log(`Submission benchmark: ${submissions} submissions, ${concurrency} at a time, Node ${process.version}`);
    // Citizens with complete drafts whose papers are uploaded, made directly in the database.
    const passwordHash = await hashPassword('matkhau123');
    const browsers: BrowserClient[] = [];
    for (let c = 0; c < concurrency; c++) {
      const email = `bench.${c}@example.vn`;
      await dataSource.query(
        `INSERT INTO app_user (email, full_name, password_hash, roles) VALUES ($1, 'Trần Thị Mai', $2, ARRAY['citizen'])`,
        [email, passwordHash],
      );
      const browser = await new BrowserClient(base).start();
      await browser.post('/auth/login', { login: email, password: 'matkhau123' });
      browsers.push(browser);
    }
    const drafts: string[] = [];
    for (let i = 0; i < submissions; i++) {
      const [owner] = await dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [
        `bench.${i % concurrency}@example.vn`,
      ]);
      const [paper] = await dataSource.query(
        `INSERT INTO attachment (owner_id, paper_code, file_name, mime_type, size_bytes, sha256, storage_key)
         VALUES ($1, 'medical_birth_certificate', 'giay-chung-sinh.pdf', 'application/pdf', 100, repeat('a', 64), $2) RETURNING id`,
        [owner.id, randomBytes(16).toString('hex')],
      );
      const data = aBirthApplication(
        { medical_birth_certificate: paper.id },
        {
          child: {
            fullName: 'Nguyễn Minh Khang',
            sex: 'male',
            dateOfBirth: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
          },
        },
      );
      const [draft] = await dataSource.query(
        `INSERT INTO dossier_draft (owner_id, procedure_code, data, completed_steps) VALUES ($1, '1.001193', $2, $3) RETURNING id`,
        [owner.id, JSON.stringify(data), Object.keys(data)],
      );
      drafts.push(draft.id);
    }

    const bare = await timed(submissions, async (i) => {
      const response = await browsers[i % concurrency].get('/health/live');
      if (response.status !== 200) throw new Error(`health ${response.status}`);
    });
    const submit = await timed(submissions, async (i) => {
      const response = await browsers[i % concurrency].post(`/drafts/${drafts[i]}/submit`);
      if (response.status !== 201) throw new Error(`submit ${response.status}: ${await response.text()}`);
    });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM dossier`);
    if (n !== submissions) throw new Error(`expected ${submissions} dossiers, found ${n}`);

    const url = new URL(databaseUrl);
    const pgbenchArgs = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
    spawnSync('pgbench', [...pgbenchArgs, '-i', '-q', '-s', '5', database], { encoding: 'utf8' });
    const pgbench = spawnSync(
      'pgbench',
      [...pgbenchArgs, '-c', String(Math.min(concurrency, 16)), '-j', '2', '-T', '10', database],
      {
        encoding: 'utf8',
      },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(pgbench.stdout)?.[1] ?? NaN);

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.table([
      {
        path: 'GET /api/health/live (bare endpoint ceiling)',
        'per second': Math.round(bare.perSecond),
        p50: ms(bare.p50),
        p99: ms(bare.p99),
      },
      {
        path: 'POST /api/drafts/:id/submit',
        'per second': Math.round(submit.perSecond),
        p50: ms(submit.p50),
        p99: ms(submit.p99),
      },
      { path: 'pgbench TPC-B-like (database ceiling)', 'per second': Math.round(tps), p50: '', p99: '' },
    ]);
    console.log(
      `Submissions: ${Math.round(submit.perSecond)}/s = ${((submit.perSecond / bare.perSecond) * 100).toFixed(0)}% of the bare endpoint, ` +
        `${((submit.perSecond / tps) * 100).toFixed(0)}% of pgbench's TPS; p99 ${ms(submit.p99)} (target ≥ 1,000/s, p99 < 100 ms).`,
    );
  } finally {
    await app.close();
    await dropDatabase(database);
    await deleteRedisKeys(`bench-${runId}`);
    rmSync(uploadDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
