import { expect, test } from '@playwright/test';
import type { DossierDetail, OfficeDossier } from '@portal/contracts';
import {
  aBirthApplication,
  aLinkedBirthApplication,
  aSignedInAccount,
  aSignedInCitizen,
  createDatabase,
  deleteRedisKeys,
  dropDatabase,
  newRunId,
  testRedisUrl,
  type BrowserClient,
} from '@portal/testing';
import { Queue } from 'bullmq';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * 1,000 dossiers through the whole workflow — submitted online, intake-checked,
 * received, some sent back for a paper and resent, proposed, signed, the linked
 * ones fanned out to both partner agencies, the citizen told by e-mail at each
 * step — by the built API and the built worker, against real PostgreSQL and
 * Redis, the mail catcher over SMTP and the agencies stand-in over HTTP (which
 * fails every first request). The worker is killed with SIGKILL twice in the
 * middle. Afterwards every dossier is in the state its path leads to, has
 * exactly one event per transition, every e-mail and agency call was made, and
 * no job was lost or failed: the outbox and BullMQ took up what the dead worker
 * left.
 */
const root = join(__dirname, '../../..');
const DOSSIERS = 1000;
const CITIZENS = 20;
const CONCURRENCY = 16;
const base = Number(process.env.E2E_PORT ?? 4310) + 20;
const ports = { api: base, smtp: base + 1, mailWeb: base + 2, agencies: base + 3, registry: base + 4 };

type Path = 'approved' | 'supplement' | 'refused' | 'linked';
/** Every tenth dossier waits for a paper, every twentieth is refused at sign-off, one in ten is the linked procedure. */
const pathOf = (i: number): Path =>
  i % 10 === 0 ? 'supplement' : i % 20 === 5 ? 'refused' : i % 10 === 3 ? 'linked' : 'approved';

function expectedActions(path: Path): string[] {
  const steps =
    path === 'supplement'
      ? ['request_supplement', 'resubmit', 'propose_approval', 'sign']
      : path === 'refused'
        ? ['start', 'propose_refusal', 'sign']
        : ['start', 'propose_approval', 'sign'];
  const agencies = path === 'linked' ? ['agency-health-insurance', 'agency-residence'] : [];
  // A signed approval issues the signed electronic result (the worker's documents job).
  const result = path === 'refused' ? [] : ['result-issued'];
  return ['submit', 'intake-check', 'receive', ...steps, ...agencies, ...result].sort();
}
/** The citizen's e-mails: the receipt, then "received", "papers needed", and the outcome. */
/** Submitted, received, (papers asked for,) decided, and — approved — the electronic result ready. */
const expectedMails = (path: Path) => (path === 'supplement' ? 5 : path === 'refused' ? 3 : 4);

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 120_000) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what} (last: ${String(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function ok<T>(response: Promise<Response>, what: string): Promise<T> {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

test('1,000 dossiers through the whole workflow while the worker is killed twice: every one ends right, once', async () => {
  test.setTimeout(720_000);
  const runId = newRunId();
  const database = `portal_chaos_${runId}`;
  const prefix = `chaos-${runId}`;
  const databaseUrl = await createDatabase(database);
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-chaos-'));
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    PORT: String(ports.api),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${ports.api}`,
    UPLOAD_DIR: uploadDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    EID_CLIENT_SECRET: randomBytes(32).toString('hex'),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    MAIL_CATCHER_SMTP_PORT: String(ports.smtp),
    MAIL_CATCHER_HTTP_PORT: String(ports.mailWeb),
    MAIL_CATCHER_CAPACITY: '10000',
    AGENCIES_URL: `http://127.0.0.1:${ports.agencies}`,
    AGENCIES_PORT: String(ports.agencies),
    AGENCIES_TOKEN: randomBytes(24).toString('hex'),
    AGENCIES_DELAY_MS: '10,100',
    PAYMENT_HASH_SECRET: randomBytes(24).toString('hex'),
    DOCUMENT_KEY_SECRET: randomBytes(32).toString('hex'),
    POPULATION_REGISTRY_URL: `http://127.0.0.1:${ports.registry}`,
    POPULATION_REGISTRY_PORT: String(ports.registry),
    POPULATION_REGISTRY_TOKEN: randomBytes(24).toString('hex'),
    POPULATION_REGISTRY_DATA_DIR: join(uploadDir, 'population-registry'),
  };
  const run = (script: string) =>
    spawn(process.execPath, [join(root, 'dist/apps', script)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const processes: ChildProcess[] = [];
  const db = new Client({ connectionString: databaseUrl });
  let worker: ChildProcess | undefined;
  const kills: string[] = [];
  const killedAt: number[] = [];
  try {
    for (const command of ['migrate', 'seed']) {
      const result = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), command], {
        env,
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
    }
    processes.push(
      run('mail-catcher/main.js'),
      run('agencies-mock/main.js'),
      run('population-registry/main.js'),
      run('api/main.js'),
    );
    const api = `http://127.0.0.1:${ports.api}/api`;
    await until(
      'the API',
      () =>
        fetch(`${api}/health/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      (s) => s === 200,
    );
    const startWorker = () => {
      worker = run('worker/main.js');
    };
    startWorker();
    await db.connect();

    // Citizens register through the API; their complete applications are drafts made directly in the
    // database (filling 1,000 forms page by page is not what this test is about), and submitted through the API.
    const citizens: { browser: BrowserClient; id: string }[] = [];
    for (let c = 0; c < CITIZENS; c++) {
      const { browser, email } = await aSignedInCitizen(api);
      const [{ id }] = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [email])).rows;
      citizens.push({ browser, id });
    }
    const drafts: string[] = [];
    for (let i = 0; i < DOSSIERS; i++) {
      const owner = citizens[i % CITIZENS].id;
      const paper = await db.query(
        `INSERT INTO attachment (owner_id, paper_code, file_name, mime_type, size_bytes, sha256, storage_key)
         VALUES ($1, 'medical_birth_certificate', 'giay-chung-sinh.pdf', 'application/pdf', 100, repeat('a', 64), $2) RETURNING id`,
        [owner, randomBytes(16).toString('hex')],
      );
      const linked = pathOf(i) === 'linked';
      const papers = { medical_birth_certificate: paper.rows[0].id };
      const data = linked ? aLinkedBirthApplication(papers) : aBirthApplication(papers);
      const draft = await db.query(
        `INSERT INTO dossier_draft (owner_id, procedure_code, data, completed_steps) VALUES ($1, $2, $3, $4) RETURNING id`,
        [owner, linked ? 'LT.KS-TT-BHYT' : '1.001193', JSON.stringify(data), Object.keys(data)],
      );
      drafts.push(draft.rows[0].id);
    }

    const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    const killWorkerWhen = (what: string, sql: string, atLeast: number) =>
      until(
        what,
        () => count(sql),
        (n) => n >= atLeast,
        300_000,
      ).then(async (n) => {
        worker?.kill('SIGKILL');
        await new Promise((resolve) => worker?.once('exit', resolve));
        kills.push(`${what}: ${n}`);
        killedAt.push(n);
        await new Promise((resolve) => setTimeout(resolve, 500)); // the outbox fills while no worker runs
        startWorker();
      });

    const started = Date.now();
    // First kill: during the intake checks and receipt e-mails of the submissions.
    const firstKill = killWorkerWhen(
      'intake checks done at the first kill',
      `SELECT count(*) AS n FROM dossier_event WHERE action = 'intake-check'`,
      DOSSIERS / 5,
    );
    const phases: string[] = [];
    const phase = (name: string, since: number) => phases.push(`${name} ${((Date.now() - since) / 1000).toFixed(1)} s`);
    const codes: string[] = [];
    await inParallel(DOSSIERS, async (i) => {
      const submitted = await ok<{ code: string }>(
        citizens[i % CITIZENS].browser.post(`/drafts/${drafts[i]}/submit`),
        `submission ${i}`,
      );
      codes[i] = submitted.code;
    });
    phase('submissions', started);
    await firstKill;

    const working = Date.now();
    // Second kill: in the middle of the clerks' and leaders' work, with e-mails and agency calls under way.
    const secondKill = killWorkerWhen(
      'signatures done at the second kill',
      `SELECT count(*) AS n FROM dossier_event WHERE action = 'sign'`,
      DOSSIERS / 2,
    );
    const clerk = await aSignedInAccount(api, 'clerk.badinh@demo.dichvucong.vn');
    const leader = await aSignedInAccount(api, 'leader.badinh@demo.dichvucong.vn');
    const act = (who: BrowserClient, code: string, action: string, body: Record<string, unknown>) =>
      ok<OfficeDossier>(who.post(`/office/dossiers/${code}/actions/${action}`, body), `${action} on ${code}`);
    await inParallel(DOSSIERS, async (i) => {
      const code = codes[i];
      const path = pathOf(i);
      let dossier = await ok<OfficeDossier>(clerk.get(`/office/dossiers/${code}`), `view ${code}`);
      dossier = await act(clerk, code, 'receive', { version: dossier.version });
      if (path === 'supplement') {
        dossier = await act(clerk, code, 'request_supplement', {
          version: dossier.version,
          reason: 'Giấy chứng sinh bị mờ, vui lòng chụp lại.',
          papers: ['medical_birth_certificate'],
        });
        const citizen = citizens[i % CITIZENS].browser;
        const mine = await ok<DossierDetail>(citizen.get(`/dossiers/${code}`), `my dossier ${code}`);
        const resent = await ok<DossierDetail>(
          citizen.post(`/dossiers/${code}/actions/resubmit`, { version: mine.version }),
          `resubmit ${code}`,
        );
        dossier = await ok<OfficeDossier>(clerk.get(`/office/dossiers/${code}`), `view ${code}`);
        expect(resent.status).toBe('processing');
      } else {
        dossier = await act(clerk, code, 'start', { version: dossier.version });
      }
      dossier =
        path === 'refused'
          ? await act(clerk, code, 'propose_refusal', {
              version: dossier.version,
              reason: 'Người đi đăng ký không có quan hệ với trẻ.',
            })
          : await act(clerk, code, 'propose_approval', { version: dossier.version });
      dossier = await act(leader, code, 'sign', { version: dossier.version });
      expect(dossier.status).toBe(path === 'refused' ? 'stopped' : 'processed');
    });
    phase('clerks and leaders', working);
    await secondKill;
    const catchingUp = Date.now();

    // The worker catches up: every outbox message published, every notification sent, every agency answered.
    const linkedCount = Array.from({ length: DOSSIERS }, (_, i) => pathOf(i)).filter((p) => p === 'linked').length;
    const approvedCount = Array.from({ length: DOSSIERS }, (_, i) => pathOf(i)).filter((p) => p !== 'refused').length;
    await until(
      'the worker to catch up',
      async () => {
        const parts = [
          await count(`SELECT count(*) AS n FROM outbox_message WHERE published_at IS NULL`),
          await count(`SELECT count(*) AS n FROM notification WHERE status <> 'sent'`),
          await count(`SELECT count(*) AS n FROM dossier_event WHERE action LIKE 'agency-%'`),
        ];
        if (process.env.CHAOS_DEBUG) console.log(new Date().toISOString(), parts.join(' '));
        return (
          (await count(`SELECT count(*) AS n FROM outbox_message WHERE published_at IS NULL`)) +
          (await count(`SELECT count(*) AS n FROM notification WHERE status <> 'sent'`)) +
          (2 * linkedCount - (await count(`SELECT count(*) AS n FROM dossier_event WHERE action LIKE 'agency-%'`))) +
          (approvedCount - (await count(`SELECT count(*) AS n FROM dossier_result`)))
        );
      },
      (left) => left === 0,
      540_000,
    );
    phase('worker catching up afterwards', catchingUp);
    const seconds = (Date.now() - started) / 1000;

    // Every dossier ends in the state its path leads to, with exactly one event per transition.
    const rows = (
      await db.query(
        `SELECT d.code, d.status, array_agg(e.action ORDER BY e.action) FILTER (WHERE e.action <> 'view') AS actions,
                (SELECT count(*)::int FROM notification n WHERE n.dossier_id = d.id AND n.status = 'sent') AS mails
           FROM dossier d JOIN dossier_event e ON e.dossier_id = d.id GROUP BY d.id`,
      )
    ).rows as { code: string; status: string; actions: string[]; mails: number }[];
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.size).toBe(DOSSIERS);
    const wrong = codes
      .map((code, i) => {
        const path = pathOf(i);
        const row = byCode.get(code);
        const want = {
          status: path === 'refused' ? 'stopped' : 'processed',
          actions: expectedActions(path),
          mails: expectedMails(path),
        };
        const got = { status: row?.status, actions: row?.actions, mails: row?.mails };
        return JSON.stringify(got) === JSON.stringify(want) ? null : { code, path, want, got };
      })
      .filter(Boolean);
    expect(wrong.slice(0, 5)).toEqual([]);
    // One signed result and one personal ID number per approved dossier, whatever the kills interrupted.
    const results = (
      await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT personal_id)::int AS ids, count(DISTINCT dossier_id)::int AS dossiers
           FROM dossier_result WHERE personal_id ~ '^[0-9]{12}$'`,
      )
    ).rows[0];
    expect(results).toEqual({ n: approvedCount, ids: approvedCount, dossiers: approvedCount });

    // Every e-mail reached the SMTP server, each under its own Message-ID. A crash between the server's acceptance
    // and the mark sends it again under the same Message-ID (for the recipient to recognise): at most the five
    // e-mails in flight (the notifications worker's concurrency) at each of the two kills.
    const mails = await ok<{ messageId: string | null }[]>(
      fetch(`http://127.0.0.1:${ports.mailWeb}/api/messages`),
      'the mail catcher',
    );
    const expectedTotal = codes.reduce((sum, _, i) => sum + expectedMails(pathOf(i)), 0) + CITIZENS;
    const sentIds = (await db.query(`SELECT '<' || id || '@dichvucong.local>' AS id FROM notification`)).rows.map(
      (r: { id: string }) => r.id,
    );
    expect(sentIds).toHaveLength(expectedTotal);
    expect(new Set(mails.map((m) => m.messageId))).toEqual(new Set(sentIds));
    const resent = mails.length - expectedTotal;
    expect(resent).toBeLessThanOrEqual(2 * 5);

    // No job was lost, none failed for good, none is left waiting.
    for (const name of ['dossier-intake', 'notifications', 'agency-fan-out', 'documents']) {
      const redis = new URL(testRedisUrl());
      const connection = {
        host: redis.hostname,
        port: Number(redis.port || 6379),
        password: redis.password ? decodeURIComponent(redis.password) : undefined,
        db: Number(redis.pathname.slice(1) || 0),
      };
      const queue = new Queue(name, { connection, prefix });
      const counts = await queue.getJobCounts('waiting', 'active', 'failed', 'prioritized');
      await queue.close();
      expect({ name, ...counts }).toEqual({ name, waiting: 0, active: 0, failed: 0, prioritized: 0 });
    }
    // Both kills came in the middle of the work they were aimed at.
    expect(killedAt[0]).toBeLessThan(DOSSIERS);
    expect(killedAt[1]).toBeLessThan(DOSSIERS);
    console.log(
      `${DOSSIERS} dossiers through the workflow (${linkedCount} linked, with retried agency calls), ` +
        `${expectedTotal} e-mails (${resent} sent again after a kill), two SIGKILLs (${kills.join('; ')}): ` +
        `${seconds.toFixed(1)} s (${phases.join(', ')})`,
    );
  } finally {
    worker?.kill('SIGKILL');
    for (const child of processes) child.kill('SIGTERM');
    await db.end().catch(() => undefined);
    await dropDatabase(database);
    await deleteRedisKeys(prefix);
    rmSync(uploadDir, { recursive: true, force: true });
  }
});
