import type { MigrationInterface, QueryRunner } from 'typeorm';
import { contributions, FORM06_MEASURES, INDEX_MEASURES } from './1765620000000-service-index-measures';

const MEASURES = [...FORM06_MEASURES, ...INDEX_MEASURES];

/**
 * The counters kept per province as well as per ward (docs/reports.md): `report_contributions`
 * yields each contribution for the dossier's ward and again for its province, so the triggers,
 * the rebuild and the check keep and count both. A report of the country by province, or of a
 * province, reads its 34 provinces' rows instead of 3,321 wards'. Readers pick one tier: a ward's
 * code, the communes (by ward) or the provinces, never both (they would count each dossier twice).
 * The province rows are made here from the ward rows.
 */
export class ReportProvinceRollup1765800000000 implements MigrationInterface {
  name = 'ReportProvinceRollup1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(contributions(true, true));
    await db.query(`
      INSERT INTO report_count (grain, bucket, unit_code, procedure_code, channel, ${MEASURES.join(', ')})
      SELECT c.grain, c.bucket, u.parent_code, c.procedure_code, c.channel,
             ${MEASURES.map((m) => `sum(c.${m})::int`).join(', ')}
        FROM report_count c JOIN administrative_unit u ON u.code = c.unit_code AND u.parent_code IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5
       ORDER BY 1, 2, 3, 4, 5`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION report_contributions`);
    await db.query(contributions(true));
    await db.query(
      `DELETE FROM report_count WHERE unit_code IN (SELECT code FROM administrative_unit WHERE tier = 'province')`,
    );
  }
}
