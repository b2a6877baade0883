import 'reflect-metadata';
import { DemoDataSeeder } from '@portal/server/demo-data';
import { FileStore } from '@portal/server/dossiers';
import { createHash } from 'node:crypto';
import { checkReportAggregates } from '@portal/server/reports';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/**
 * The demonstration dossiers `npm start` seeds: written as the portal writes dossiers (history,
 * payments, ratings, the worker's jobs for the signed results), once per database, and counted
 * right by the report aggregates. Run inside a transaction that is rolled back, so the other
 * specs of the run never see them.
 */
describe('demonstration data', () => {
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(() => api?.stop());

  it('seeds a year of dossiers in every state once, and the report aggregates count them right', async () => {
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const files = api.app.get(FileStore, { strict: false });
      const seeder = new DemoDataSeeder(api.dataSource, files);
      // What is there before (the other specs' dossiers), to tell the demonstration's apart.
      await runner.query(`CREATE TEMP TABLE dossier_before ON COMMIT DROP AS SELECT id FROM dossier`);
      const before = Number((await runner.query(`SELECT count(*) FROM dossier`))[0].count);
      expect(await seeder.seedIn(runner.manager, { dossiers: 320 })).toEqual({ dossiers: 320, alreadyThere: false });
      expect(await seeder.seedIn(runner.manager, { dossiers: 320 })).toEqual({ dossiers: 0, alreadyThere: true });
      const q = (sql: string) => runner.query(sql) as Promise<Record<string, unknown>[]>;
      expect(Number((await q(`SELECT count(*) FROM dossier`))[0].count)).toBe(before + 320);
      const demo = `SELECT * FROM dossier WHERE id NOT IN (SELECT id FROM dossier_before)`;
      const statuses = (await q(`SELECT DISTINCT status FROM (${demo}) d`)).map((r) => r['status']);
      for (const status of [
        'new',
        'received',
        'processing',
        'supplement_requested',
        'processed',
        'returned',
        'refused',
      ])
        expect(statuses).toContain(status);
      // Over the past year, across every ward, each with its history from the first step to its state.
      const [span] = await q(
        `SELECT count(DISTINCT unit_code)::int AS wards, min(submitted_at) < now() - interval '300 days' AS a_year,
                bool_and(e.first_to IS NOT NULL AND e.last_to = d.status) AS history
           FROM (${demo}) d CROSS JOIN LATERAL (
             SELECT (array_agg(to_status ORDER BY occurred_at, id))[1] AS first_to,
                    (array_agg(to_status ORDER BY occurred_at DESC, id DESC))[1] AS last_to
               FROM dossier_event WHERE dossier_id = d.id AND to_status IS NOT NULL) e`,
      );
      expect(span).toMatchObject({ a_year: true, history: true });
      const [wards] = await q(`SELECT count(*)::int AS n FROM administrative_unit WHERE tier = 'commune'`);
      expect(span['wards']).toBe(wards['n']);
      const [facts] = await q(`
        SELECT count(*) FILTER (WHERE finished_at IS NULL AND due_at < now() AND status <> 'supplement_requested')::int AS overdue,
               count(*) FILTER (WHERE paid_online)::int AS paid,
               count(*) FILTER (WHERE applicant_eid_verified)::int AS eid_verified,
               (SELECT count(*)::int FROM dossier_rating r WHERE r.dossier_id = ANY(array_agg(d.id))) AS rated,
               (SELECT count(*)::int FROM outbox_message o
                 WHERE o.job_name = 'issue-result' AND (o.payload->>'dossierId')::uuid = ANY(array_agg(d.id))) AS results_queued,
               (SELECT count(*)::int FROM outbox_message o JOIN payment p ON p.id = (o.payload->>'paymentId')::uuid
                 WHERE o.job_name = 'issue-receipt' AND p.dossier_id = ANY(array_agg(d.id))) AS receipts_queued
          FROM (${demo}) d`);
      for (const fact of ['overdue', 'paid', 'eid_verified', 'rated', 'results_queued', 'receipts_queued'])
        expect({ fact, some: Number(facts[fact]) > 0 }).toEqual({ fact, some: true });
      // The online applicants uploaded their papers (the index's 4.2): each a PDF kept as uploads are.
      const [uploads] = await q(`
        SELECT bool_and(has_uploaded_papers = (channel = 'online'))::boolean AS flagged,
               count(*) FILTER (WHERE channel = 'online')::int AS online FROM (${demo}) d`);
      expect(uploads).toMatchObject({ flagged: true });
      const papers = (await q(
        `SELECT a.storage_key, a.size_bytes, a.sha256, a.paper_code FROM attachment a
          WHERE a.dossier_id IN (SELECT id FROM (${demo}) d)`,
      )) as Array<{ storage_key: string; size_bytes: number; sha256: string; paper_code: string }>;
      expect(papers.length).toBeGreaterThanOrEqual(Number(uploads['online']));
      const handle = await files.open(papers[0].storage_key);
      const bytes = await handle?.readFile();
      await handle?.close();
      expect(bytes?.subarray(0, 5).toString()).toBe('%PDF-');
      expect(
        createHash('sha256')
          .update(bytes ?? Buffer.alloc(0))
          .digest('hex'),
      ).toBe(papers[0].sha256);
      // The aggregates the reports read equal a direct count over every dossier, these included.
      expect(await checkReportAggregates(runner.manager as unknown as DataSource)).toEqual([]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
