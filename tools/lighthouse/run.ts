/**
 * `npm run lighthouse`: Lighthouse (mobile preset) on the citizen's public pages of the production build.
 *
 * Builds what is not built yet (Nx caches), starts the built portal with `tools/dev/start.ts` — the
 * launcher `npm start` and the browser tests use — on a database and queue prefix of this run's own
 * (removed at the end), runs Lighthouse in Debian's Chromium on each page several times (the machine is
 * shared, so the median is reported), prints the four category scores and the bytes transferred, and
 * exits non-zero when performance is below 95 or accessibility below 100 on any page.
 *
 *   npm run lighthouse                           # build if needed, 3 runs per page
 *   npm run lighthouse -- --no-build --runs 5    # use dist/ as it is
 *   npm run lighthouse -- /status /sign-in       # other pages
 *
 * The reports of the median runs are written to tmp/lighthouse/<page>.report.{html,json}, every run's
 * to tmp/lighthouse/<page>.run<n>.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { adminDatabaseUrl, deleteRedisKeys, dropDatabase, newRunId, testRedisUrl } from '@portal/testing';

const root = resolve(__dirname, '../..');
const reportDir = join(root, 'tmp/lighthouse');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const runs = Number(option('--runs') ?? 3);
const build = !args.includes('--no-build');
const pages = args.filter((arg, i) => arg.startsWith('/') && args[i - 1] !== '--runs');
/** The landing page (which is the procedure catalogue), a procedure page and the status lookup. */
const defaultPages = ['/', '/procedures/1.001193', '/status'];
const thresholds = { performance: 95, accessibility: 100 };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const runId = newRunId();
const port = Number(process.env.LIGHTHOUSE_PORT ?? 4510);
const baseUrl = `http://127.0.0.1:${port}`;
const database = `portal_lighthouse_${runId}`;
const queuePrefix = `lighthouse-${runId}`;

interface Measurement {
  scores: Record<(typeof categories)[number], number>;
  totalBytes: number;
  scriptBytes: number;
  metrics: Record<string, number>;
  report: { html: string; json: string };
}

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** The launcher, with its own ports, data folder, database and queue prefix (as the browser tests run it). */
function startPortal(): ChildProcess {
  const databaseUrl = new URL(adminDatabaseUrl());
  databaseUrl.pathname = `/${database}`;
  const portal = spawn(process.execPath, [require.resolve('tsx/cli'), 'tools/dev/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: queuePrefix,
      PORTAL_DATA_DIR: join(root, 'tmp/lighthouse-data'),
      PUBLIC_URL: baseUrl,
      MAIL_CATCHER_SMTP_PORT: String(port + 15),
      AGENCIES_PORT: String(port + 40),
      MAIL_CATCHER_HTTP_PORT: String(port + 70),
      EID_PROVIDER_PORT: String(port + 90),
      PAY_GATEWAY_PORT: String(port + 50),
      POPULATION_REGISTRY_PORT: String(port + 60),
      LOG_LEVEL: 'warn',
    },
  });
  for (const stream of [portal.stdout, portal.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      portalOutput += chunk.toString();
    });
  }
  portal.once('exit', (code) => {
    if (!stoppingPortal) {
      say(`✗ the portal stopped (exit code ${code}):\n${portalOutput}`);
      process.exitCode = 1;
    }
  });
  return portal;
}

/** What the launcher has said so far, for when the portal does not come up. */
let portalOutput = '';

let stoppingPortal = false;

async function stopPortal(portal: ChildProcess): Promise<void> {
  stoppingPortal = true;
  if (portal.exitCode === null && portal.signalCode === null) {
    await new Promise<void>((done) => {
      const timer = setTimeout(() => portal.kill('SIGKILL'), 20_000);
      portal.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      portal.kill('SIGTERM');
    });
  }
  await dropDatabase(database).catch((error: unknown) => say(`could not drop ${database}: ${String(error)}`));
  await deleteRedisKeys(queuePrefix).catch((error: unknown) =>
    say(`could not delete ${queuePrefix}:*: ${String(error)}`),
  );
}

async function waitForReady(portal: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && portal.exitCode === null) {
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `the portal did not become ready at ${baseUrl} within ${timeoutMs / 1000} s; the launcher said:\n${portalOutput}`,
  );
}

async function measure(url: string): Promise<Measurement> {
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launch({ chromePath, chromeFlags });
  try {
    // No config: Lighthouse's default is the mobile preset (Moto G Power, simulated slow 4G, 4× CPU slowdown).
    const result = await lighthouse(url, { port: chrome.port, output: ['html', 'json'], logLevel: 'error' });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const summary = (lhr.audits['resource-summary']?.details as { items?: Array<Record<string, unknown>> } | undefined)
      ?.items;
    const transfer = (type: string): number =>
      Number(summary?.find((item) => item['resourceType'] === type)?.['transferSize'] ?? 0);
    const metric = (id: string): number => Number(lhr.audits[id]?.numericValue ?? NaN);
    const scores = Object.fromEntries(
      categories.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    ) as Measurement['scores'];
    const [html, json] = result.report as string[];
    return {
      scores,
      totalBytes: transfer('total'),
      scriptBytes: transfer('script'),
      metrics: {
        FCP: metric('first-contentful-paint'),
        LCP: metric('largest-contentful-paint'),
        TBT: metric('total-blocking-time'),
        CLS: metric('cumulative-layout-shift'),
        SI: metric('speed-index'),
      },
      report: { html, json },
    };
  } finally {
    await chrome.kill();
  }
}

/** Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART, NO_FCP): try again, twice. */
async function measureWithRetry(url: string): Promise<Measurement> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(url);
    } catch (error) {
      if (attempt >= 3) throw error;
      say(`  (${error instanceof Error ? error.message : String(error)}; trying again)`);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The file name of a page's reports: `landing` for `/`. */
const reportName = (page: string): string =>
  page === '/' ? 'landing' : page.replace(/^\//, '').replace(/[^\w.-]+/g, '_');

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  if (build) {
    say('Building (Nx skips what is built already)…');
    const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('the build failed');
  }
  say(`Starting the built portal at ${baseUrl} on database ${database}…`);
  const portal = startPortal();
  let failed = false;
  try {
    await waitForReady(portal, 180_000);
    mkdirSync(reportDir, { recursive: true });
    const rows: string[] = [];
    for (const page of pages.length ? pages : defaultPages) {
      const url = new URL(page, baseUrl).toString();
      await fetch(url); // the first request of a fresh process is slower than any citizen's
      const measurements: Measurement[] = [];
      for (let i = 0; i < runs; i++) {
        const m = await measureWithRetry(url);
        measurements.push(m);
        writeFileSync(join(reportDir, `${reportName(page)}.run${i + 1}.json`), m.report.json);
        say(
          `  ${page} run ${i + 1}/${runs}: ${categories.map((c) => `${c} ${m.scores[c]}`).join(', ')}; ` +
            `${kb(m.totalBytes)} (JS ${kb(m.scriptBytes)}); ` +
            Object.entries(m.metrics)
              .map(([k, v]) => `${k} ${k === 'CLS' ? v.toFixed(3) : `${Math.round(v)} ms`}`)
              .join(', '),
        );
      }
      const score = (c: (typeof categories)[number]): number => median(measurements.map((m) => m.scores[c]));
      const medianRun = [...measurements].sort((a, b) => a.scores.performance - b.scores.performance)[
        Math.floor(measurements.length / 2)
      ];
      const name = reportName(page);
      writeFileSync(join(reportDir, `${name}.report.html`), medianRun.report.html);
      writeFileSync(join(reportDir, `${name}.report.json`), medianRun.report.json);
      const performance = score('performance');
      const accessibility = score('accessibility');
      const ok = performance >= thresholds.performance && accessibility >= thresholds.accessibility;
      if (!ok) failed = true;
      rows.push(
        `${ok ? '✓' : '✗'} ${page.padEnd(24)} ${categories.map((c) => String(score(c)).padStart(5)).join(' ')}` +
          `  ${kb(median(measurements.map((m) => m.totalBytes))).padStart(7)}` +
          `  ${kb(median(measurements.map((m) => m.scriptBytes))).padStart(7)}` +
          `  ${median(measurements.map((m) => m.metrics.CLS)).toFixed(3)}`,
      );
    }
    say('');
    say(`Median of ${runs} run(s), Lighthouse mobile preset (reports in tmp/lighthouse/):`);
    say(`  ${'page'.padEnd(24)}  perf  a11y   b-p   seo  transfer       JS    CLS`);
    for (const row of rows) say(row);
    say('');
    say(
      failed
        ? `✗ below the bar (performance ≥ ${thresholds.performance}, accessibility ≥ ${thresholds.accessibility})`
        : '✓ every page meets the bar',
    );
  } finally {
    await stopPortal(portal);
  }
  process.exit(failed ? 1 : (process.exitCode ?? 0));
}

main().catch((error: unknown) => {
  say(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
