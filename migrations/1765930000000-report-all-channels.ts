import type { MigrationInterface, QueryRunner } from 'typeorm';
import { contributions, FORM06_MEASURES, INDEX_MEASURES } from './1765620000000-service-index-measures';

const MEASURES = [...FORM06_MEASURES, ...INDEX_MEASURES];

/**
 * The counters kept for every channel together as well (channel `*`), beside each channel's (docs/reports.md):
 * what was open at a period's start — the sum of every bucket before it, the largest read of a report — is read
 * from a third of the rows when no channel is asked for, as for the index of every ward of the country. Readers
 * take either the `*` rows or the channels' rows, never both. The `*` rows are made here from the channels'.
 */
export class ReportAllChannels1765930000000 implements MigrationInterface {
  name = 'ReportAllChannels1765930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(contributions(true, true, true));
    await db.query(`
      INSERT INTO report_count (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
      SELECT c.grain, c.bucket, c.unit_code, c.procedure_code, '*', ${MEASURES.map((m) => `sum(c.${m})::int`).join(', ')}
        FROM report_count c
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 2, 3, 4`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(contributions(true, true));
    await db.query(`DELETE FROM report_count WHERE channel = '*'`);
  }
}
