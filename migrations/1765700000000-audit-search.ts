import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditors' search of the audit trail: the events about one thing (a dossier, a payment), and
 * those of one action or action prefix (`report.`), each newest first.
 */
export class AuditSearch1765700000000 implements MigrationInterface {
  name = 'AuditSearch1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX audit_event_target ON audit_event (target_type, target_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_event_action ON audit_event (action text_pattern_ops, occurred_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_event_action`);
    await db.query(`DROP INDEX audit_event_target`);
  }
}
