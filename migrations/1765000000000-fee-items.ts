import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a dossier costs, line by line, as the citizen was shown it when submitting:
 * the registration's own case, extra certified copies, posting the paper result
 * (`[{ case, label, quantity, unitAmount, amount }]`). `fee_amount` stays their total.
 * Dossiers written before have one line, their fee case's.
 */
export class FeeItems1765000000000 implements MigrationInterface {
  name = 'FeeItems1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN fee_items jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`
      UPDATE dossier d
         SET fee_items = jsonb_build_array(jsonb_build_object(
               'case', c.fee_case,
               'label', COALESCE(
                 (SELECT rule->'label' FROM procedure p, jsonb_array_elements(p.fees) rule
                   WHERE p.code = d.procedure_code AND rule->>'case' = c.fee_case LIMIT 1),
                 jsonb_build_object('vi', c.fee_case, 'en', c.fee_case)),
               'quantity', 1, 'unitAmount', d.fee_amount, 'amount', d.fee_amount))
        FROM (VALUES (true, 'late'), (false, 'on_time')) AS c (late, fee_case)
       WHERE c.late = d.late_registration
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier DROP COLUMN fee_items`);
  }
}
