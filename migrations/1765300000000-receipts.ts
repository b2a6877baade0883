import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The electronic receipt (biên lai điện tử) of each successful payment: its numbers in one series, and
 * what its verification needs (the signing ward's certificate fingerprint, and the minimum the public
 * verification page shows: the payer, the amount, the dossier).
 */
export class Receipts1765300000000 implements MigrationInterface {
  name = 'Receipts1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE receipt_number_seq`);
    await db.query(`
      ALTER TABLE payment_receipt
        ADD COLUMN signer_fingerprint char(64) NOT NULL,
        ADD COLUMN summary jsonb NOT NULL,
        ADD COLUMN issuer_unit varchar(10) NOT NULL REFERENCES administrative_unit (code)
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE payment_receipt DROP COLUMN issuer_unit, DROP COLUMN summary, DROP COLUMN signer_fingerprint`,
    );
    await db.query(`DROP SEQUENCE receipt_number_seq`);
  }
}
