/**
 * npm run bench:export -- --dossiers N — the background export of a year of the country's dossiers (the
 * list behind form 06's "received in all"), over the volume database of `npm run seed:volume` (made first
 * if it does not hold N). The export is asked for through the API as an auditor, then made here by the
 * worker's runner, as the worker makes it, while this process's memory is sampled: rows per second, the
 * file's size, and the resident memory and heap at each quarter of the way (flat when the export streams).
 * Beside it, the machine's ceiling: the same list read by the database alone (the cursor drained, nothing
 * written). Options: --database (portal_volume), --format xlsx|csv|both (both), --year (last year).
 */
import 'reflect-metadata';
import type { DossierExport, DossierExportFormat } from '@portal/contracts';
import { DossierExportRunner, dossierListSql } from '@portal/server/reports';
import { aSignedInAccount } from '@portal/testing';
import { volumeArgs, volumeDatabase } from './volume-seed';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const args = volumeArgs(process.argv.slice(2));
  const year = Number(args['year'] ?? new Date().getUTCFullYear() - 1);
  const formats: DossierExportFormat[] =
    args['format'] === 'xlsx' || args['format'] === 'csv' ? [args['format']] : ['csv', 'xlsx'];
  const api = await volumeDatabase(args);
  try {
    const auditor = await aSignedInAccount(api.base, 'auditor@demo.dichvucong.vn');
    const runner = new DossierExportRunner(api.dataSource, api.config);
    const query = { year, column: 'receivedTotal' as const };

    // The ceiling: the list's own query, drained through a cursor by the database, nothing written.
    const drain = api.dataSource.createQueryRunner();
    await drain.connect();
    let at = performance.now();
    let drained = 0;
    try {
      await drain.query('BEGIN READ ONLY');
      const sql = dossierListSql({
        column: query.column,
        period: { from: `${year}-01-01`, to: `${year}-12-31` },
        place: { unitCode: null, provinceCode: null },
      });
      await drain.query(`DECLARE ceiling NO SCROLL CURSOR FOR ${sql.sql}`, sql.params);
      for (;;) {
        const rows = (await drain.query(`FETCH 2000 FROM ceiling`)) as unknown[];
        if (!rows.length) break;
        drained += rows.length;
      }
      await drain.query('COMMIT');
    } finally {
      await drain.release();
    }
    const ceiling = (performance.now() - at) / 1000;
    console.log(
      `bench:export — the dossiers received in all in ${year} across the country: ${thousands(drained)} rows\n` +
        `  the database alone (cursor drained, nothing written): ${ceiling.toFixed(1)} s, ${thousands(drained / ceiling)} rows/s`,
    );

    for (const format of formats) {
      const asked = await auditor.post('/reports/exports', { ...query, format, lang: 'vi' });
      if (asked.status !== 202) throw new Error(`the export was refused: ${asked.status} ${await asked.text()}`);
      const { id } = (await asked.json()) as DossierExport;
      global.gc?.();
      const start = process.memoryUsage();
      let peakRss = start.rss;
      let peakHeap = start.heapUsed;
      const marks: string[] = [];
      let nextMark = 0.25;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 100);
      at = performance.now();
      const outcome = await runner.run(id, ({ written, total }) => {
        if (total && written / total >= nextMark) {
          const m = process.memoryUsage();
          marks.push(`${Math.round(nextMark * 100)}%: rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}`);
          nextMark += 0.25;
        }
      });
      clearInterval(sampler);
      const took = (performance.now() - at) / 1000;
      if (!outcome) throw new Error('the export did not run');
      console.log(
        `  ${format.toUpperCase()}: ${thousands(outcome.rows)} rows in ${took.toFixed(1)} s, ${thousands(outcome.rows / took)} rows/s ` +
          `(${(ceiling / took).toFixed(2)}× the database alone), file ${mb(outcome.sizeBytes)}\n` +
          `    memory before: rss ${mb(start.rss)}, heap ${mb(start.heapUsed)}; ${marks.join('; ')}; ` +
          `peak rss ${mb(peakRss)}, heap ${mb(peakHeap)}`,
      );
    }
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
