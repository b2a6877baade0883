import 'reflect-metadata';
import { todayInVietnam, type ProcessingReport } from '@portal/contracts';
import { loadVolume } from '@portal/server/demo-data';
import { checkReportAggregates, rebuildReportAggregates } from '@portal/server/reports';
import {
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  deleteRedisKeys,
  dropDatabase,
  newRunId,
} from '@portal/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';
import { migratedDatabase, workflowRun } from './testing/volume';

/** The national-scale seeder (`npm run seed:volume`), run small in a database of its own. */
describe('the volume seeder', () => {
  const runId = newRunId();
  const database = `portal_volume_test_${runId}`;
  let api: ApiUnderTest;

  beforeAll(async () => {
    const url = await migratedDatabase(database);
    api = await startApi({ config: { DATABASE_URL: url, QUEUE_PREFIX: `volume-${runId}` } });
  }, 60_000);

  afterAll(async () => {
    await api.stop();
    await dropDatabase(database);
    await deleteRedisKeys(`volume-${runId}`);
  });

  it('fills the country with two years of dossiers whose counters a rebuild makes equal to a direct count', async () => {
    const indexes = `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i
                       JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                      WHERE t.relname IN ('dossier', 'dossier_event') ORDER BY 1`;
    const indexesBefore = await api.dataSource.query(indexes);
    const progress: number[] = [];
    const outcome = await loadVolume(api.dataSource, {
      dossiers: 6000,
      wards: 120,
      provinces: 6,
      batch: 2500,
      onProgress: (n) => progress.push(n),
    });
    expect(outcome).toMatchObject({ dossiers: 6000, wards: 120 });
    // The indexes put aside for the load are all back, and valid (the history's on every partition too).
    expect(await api.dataSource.query(indexes)).toEqual(indexesBefore);
    expect(indexesBefore.every((i: { valid: boolean }) => i.valid)).toBe(true);
    const [{ partitionsWithout }] = await api.dataSource.query(`
      SELECT count(*)::int AS "partitionsWithout" FROM pg_inherits p
       WHERE p.inhparent = 'dossier_event'::regclass
         AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = p.inhrelid AND i.indkey::text = '2 1')`);
    expect(partitionsWithout).toBe(0);
    expect(progress).toEqual([2500, 5000, 6000]);
    expect(outcome.events).toBeGreaterThan(2 * 6000);

    const [facts] = await api.dataSource.query(`
      SELECT count(*)::int AS dossiers, count(DISTINCT code)::int AS codes, count(DISTINCT unit_code)::int AS wards,
             min(submitted_at) AS first, max(submitted_at) AS last,
             count(*) FILTER (WHERE finished_at IS NULL AND due_at < now())::int AS open_overdue,
             count(*) FILTER (WHERE status = 'returned' AND has_result)::int AS delivered,
             count(*) FILTER (WHERE status = 'supplement_requested')::int AS waiting,
             count(*) FILTER (WHERE channel = 'online')::int AS online
        FROM dossier`);
    expect(facts.dossiers).toBe(6000);
    expect(facts.codes).toBe(6000);
    expect(facts.wards).toBeGreaterThan(100);
    // Two years back, evenly: the first dossiers about 24 months ago.
    expect(Date.now() - new Date(facts.first).getTime()).toBeGreaterThan(600 * 86_400_000);
    for (const key of ['open_overdue', 'delivered', 'waiting']) expect(facts[key]).toBeGreaterThan(0);
    expect(facts.online / facts.dossiers).toBeGreaterThan(0.5);
    // Every event belongs to a dossier and every dossier has its history.
    const [history] = await api.dataSource.query(`
      SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM dossier d WHERE d.id = e.dossier_id))::int AS orphans,
             count(DISTINCT e.dossier_id)::int AS dossiers
        FROM dossier_event e`);
    expect(history).toEqual({ orphans: 0, dossiers: 6000 });

    // Loaded with the counting triggers off: nothing counted until the rebuild, then every counter right.
    expect((await checkReportAggregates(api.dataSource)).length).toBeGreaterThan(0);
    expect(await rebuildReportAggregates(api.dataSource)).toBeGreaterThan(0);
    expect(await checkReportAggregates(api.dataSource)).toEqual([]);

    // The report reads them: the whole country over the two years received every dossier that entered.
    const auditor = await aSignedInAccount(api.base, 'auditor@demo.dichvucong.vn');
    // Up to today in Viet Nam (after 17:00 UTC it is already tomorrow there, and dossiers were received then).
    const to = todayInVietnam();
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 800 * 86_400_000).toISOString().slice(0, 10);
    const report = (await (
      await auditor.get(`/reports/processing?from=${from}&to=${to}&groupBy=province`)
    ).json()) as ProcessingReport;
    const [{ entered }] = await api.dataSource.query(
      `SELECT count(*)::int AS entered FROM dossier d CROSS JOIN LATERAL report_facts(d) f`,
    );
    expect(report.totals.figures.receivedTotal).toBe(entered);
    expect(new Set(report.rows.map((r) => r.unitCode)).size).toBe(6);
  }, 120_000);

  it('keeps the counters right through a run of the workflow, and new codes carry on after the seeded ones', async () => {
    const taken = await workflowRun(api.base, 60);
    expect(Object.values(taken).reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
    expect(Object.keys(taken)).toEqual(expect.arrayContaining(['receive', 'sign']));
    expect(await checkReportAggregates(api.dataSource)).toEqual([]);

    const citizen = await aSignedInCitizen(api.base);
    const code = await aSubmittedBirthRegistration(citizen.browser);
    const [{ seeded }] = await api.dataSource.query(
      `SELECT count(*)::int AS seeded FROM dossier WHERE code LIKE $1 AND code <> $2`,
      [`${code.slice(0, code.lastIndexOf('-'))}-%`, code],
    );
    expect(Number(code.slice(code.lastIndexOf('-') + 1))).toBe(seeded + 1);
  }, 120_000);
});
