import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox messages may ask for their job to run later: the SLA timers of a dossier. */
export class Timers1764600000000 implements MigrationInterface {
  name = 'Timers1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_message ADD COLUMN run_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_message DROP COLUMN run_at`);
  }
}
