/**
 * npm run bench:reports -- --dossiers N — the auditors' reports, the citizen-service index, the
 * drill-down and the clerk's inbox, timed through the real API over N dossiers (the volume database
 * of `npm run seed:volume`, made first if it does not hold N), each beside a direct count over the
 * same dossiers and the bare endpoint's time in the same run. Then a run of the workflow through
 * the API and `reports:check` after it.
 * Options: --database (portal_volume), --requests per case (60), --workflow actions (300), --check,
 * --only words (the cases whose name holds them).
 */
import 'reflect-metadata';
import { monthsUpTo, todayInVietnam } from '@portal/contracts';
import { aSignedInAccount, type BrowserClient } from '@portal/testing';
import type { ApiUnderTest } from '../src/testing/api-under-test';
import { workflowRun } from '../src/testing/volume';
import { checkVolume, volumeArgs, volumeDatabase } from './volume-seed';

interface Timing {
  case: string;
  p50: number;
  p95: number;
  max: number;
  target?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timed(name: string, requests: number, run: (i: number) => Promise<void>, target?: number) {
  for (let i = 0; i < 3; i++) await run(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const at = performance.now();
    await run(i);
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  return { case: name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], target };
}

/** A GET that must answer 200. */
const ok = (browser: BrowserClient, path: string) => async () => {
  const response = await browser.get(path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
};

/** The direct count: form 06's figures for the period summed from the dossiers themselves, as reports:check does. */
async function directCount(api: ApiUnderTest, from: string, to: string, unitCode: string | null): Promise<number> {
  const at = performance.now();
  await api.dataSource.query(
    `SELECT count(*) FILTER (WHERE f.intake_day BETWEEN $1 AND $2) AS received,
            count(*) FILTER (WHERE f.intake_day < $1) AS carried_over,
            count(*) FILTER (WHERE f.close_day BETWEEN $1 AND $2) AS resolved,
            count(*) FILTER (WHERE f.close_day BETWEEN $1 AND $2 AND f.timeliness = 'late') AS resolved_late,
            count(*) FILTER (WHERE f.close_day IS NULL OR f.close_day > $2) AS in_progress,
            count(*) FILTER (WHERE (f.close_day IS NULL OR f.close_day > $2) AND f.overdue_from_day <= $2) AS overdue
       FROM dossier d CROSS JOIN LATERAL report_facts(d) f
      WHERE f.intake_day <= $2 AND (f.close_day IS NULL OR f.close_day >= $1)
        AND ($3::text IS NULL OR d.unit_code = $3)`,
    [from, to, unitCode],
  );
  return performance.now() - at;
}

async function main(): Promise<void> {
  const args = volumeArgs(process.argv.slice(2));
  const requests = Number(args['requests'] ?? 60);
  const actions = Number(args['workflow'] ?? 300);
  const api = await volumeDatabase(args);
  try {
    const base = api.base;
    const auditor = await aSignedInAccount(base, 'auditor@demo.dichvucong.vn');
    const leader = await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn');
    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const today = todayInVietnam();
    // The last 24 months, the current one last: each request asks another month.
    const months = monthsUpTo(today.slice(0, 7), 24);
    const month = (i: number) => months[months.length - 1 - (i % months.length)];
    const tabs = ['to_receive', 'in_progress', 'waiting_papers', 'to_sign', 'overdue', 'finished'];
    const [{ dossiers, wards }] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM dossier)::int AS dossiers,
              (SELECT count(*) FROM administrative_unit WHERE tier = 'commune')::int AS wards`,
    );
    const [{ ward }] = await api.dataSource.query(
      `SELECT count(*)::int AS ward FROM dossier WHERE unit_code = '00004'`,
    );
    console.log(
      `${dossiers.toLocaleString('en-US')} dossiers across ${wards} wards (Ba Đình: ${ward.toLocaleString('en-US')}); ` +
        `${requests} requests per case, one at a time, after a warm-up; Node ${process.version}`,
    );

    // A portal that has run a while holds its counters (2.4 GB with their indexes at 5 M dossiers) in the OS's page
    // cache; right after a seeding or a check that read the 19 GB of dossiers it does not. Read them once first, so
    // that the figures are those of a running portal rather than of its first minute (pg_prewarm, PostgreSQL's own).
    const warmed = performance.now();
    try {
      await api.dataSource.query(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
      const [{ pages }] = await api.dataSource.query(
        `SELECT (pg_prewarm('report_count', 'read') + pg_prewarm('report_count_pkey', 'read')
                 + pg_prewarm('report_count_unit', 'read'))::bigint AS pages`,
      );
      console.log(
        `  counters read into memory first: ${Math.round((Number(pages) * 8) / 1024)} MB in ${((performance.now() - warmed) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      console.log(`  counters not read into memory first (pg_prewarm: ${(error as Error).message})`);
    }

    const few = Math.max(10, Math.round(requests / 3));
    const names = ['Nguyễn', 'Trần Thị', 'Lê Minh'];
    // Each case: who asks, how often, the address of the i-th request, and the target for its p95.
    const cases: Array<[string, BrowserClient, number, (i: number) => string, number?]> = [
      ['GET /api/health/live (bare endpoint)', auditor, requests, () => '/health/live'],
      [
        'form 06: the country, a month, by province',
        auditor,
        requests,
        (i) => `/reports/processing?month=${month(i)}&groupBy=province`,
        200,
      ],
      [
        'form 06: the country, a year, by province',
        auditor,
        requests,
        (i) => `/reports/processing?year=${i % 2 ? today.slice(0, 4) : Number(today.slice(0, 4)) - 1}&groupBy=province`,
        200,
      ],
      [
        "form 06: a ward's month (its leader)",
        leader,
        requests,
        (i) => `/reports/processing?month=${month(i)}&unitCode=00004`,
        200,
      ],
      ['trend: 12 months of the country', auditor, few, () => '/reports/processing/trend?months=12', 200],
      [
        'index (766): every ward of the country, a month',
        auditor,
        requests,
        (i) => `/reports/service-index?month=${month(i)}`,
        200,
      ],
      [
        "index (766): a province's wards, a month",
        auditor,
        requests,
        (i) => `/reports/service-index?month=${month(i)}&provinceCode=01`,
        200,
      ],
      [
        "index (766): a ward's month (its leader)",
        leader,
        requests,
        (i) => `/reports/service-index?month=${month(i)}&unitCode=00004`,
        200,
      ],
      [
        'drill-down: a ward, resolved in a month, page 1',
        auditor,
        requests,
        (i) => `/reports/processing/dossiers?column=resolvedTotal&month=${month(i)}&unitCode=00004`,
      ],
      [
        'drill-down: the country, received online in a month, page 1',
        auditor,
        few,
        (i) => `/reports/processing/dossiers?column=receivedOnline&month=${month(i)}`,
      ],
      [
        "inbox: Ba Đình's clerk, each tab in turn",
        clerk,
        requests,
        (i) => `/office/dossiers?tab=${tabs[i % tabs.length]}`,
        50,
      ],
      [
        "inbox: Ba Đình's clerk, searching a name",
        clerk,
        requests,
        (i) => `/office/dossiers?tab=finished&q=${encodeURIComponent(names[i % names.length])}`,
        50,
      ],
    ];
    const timings: Timing[] = [];
    // `--only index`: the cases whose name holds the words (the country's drill-down alone takes minutes).
    const only = typeof args['only'] === 'string' ? args['only'].toLowerCase() : undefined;
    for (const [name, browser, count, path, target] of cases)
      if (!only || name.toLowerCase().includes(only))
        timings.push(await timed(name, count, (i) => ok(browser, path(i))(), target));

    const lastMonth = months[months.length - 2];
    const monthEnd = new Date(Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    const direct: Timing[] = [];
    for (const [name, unit] of [
      ['direct count of form 06 over the dossiers: the country, a month', null],
      ["direct count of form 06 over the dossiers: a ward's month", '00004'],
    ] as const) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) runs.push(await directCount(api, `${lastMonth}-01`, monthEnd, unit));
      runs.sort((a, b) => a - b);
      direct.push({ case: name, p50: runs[1], p95: runs[2], max: runs[2] });
    }

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.table(
      [...timings, ...direct].map((t) => ({
        case: t.case,
        p50: ms(t.p50),
        p95: ms(t.p95),
        max: ms(t.max),
        target: t.target ? `p95 < ${t.target} ms ${t.p95 < t.target ? 'met' : 'MISSED'}` : '',
      })),
    );
    const country = timings[1];
    console.log(
      `The country's month from the counters: p95 ${ms(country.p95)}, ${(direct[0].p50 / country.p50).toFixed(0)}× faster ` +
        `than counting it from the dossiers (${ms(direct[0].p50)}); the bare endpoint takes ${ms(timings[0].p50)}.`,
    );

    if (actions > 0) {
      const at = performance.now();
      const taken = await workflowRun(base, actions);
      console.log(
        `  workflow run through the API: ${Object.entries(taken)
          .map(([a, n]) => `${n} ${a}`)
          .join(', ')} in ${((performance.now() - at) / 1000).toFixed(1)} s`,
      );
      await checkVolume(api, 'after the workflow run');
    }
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
