import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: browser sessions (connect-pg-simple's table), failed-login counters
 * (rate-limiter-flexible's table), a general audit trail for events that are not
 * a dossier's, and when each user last signed in.
 */
export class Accounts1764200000000 implements MigrationInterface {
  name = 'Accounts1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_session (
        sid    varchar PRIMARY KEY,
        sess   json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await db.query(`CREATE INDEX user_session_expire ON user_session (expire)`);

    await db.query(`
      CREATE TABLE login_throttle (
        key    varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    await db.query(`
      CREATE TABLE audit_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id    uuid REFERENCES app_user (id),
        action      varchar(64) NOT NULL,
        target_type varchar(32),
        target_id   text,
        details     jsonb,
        request_id  varchar(64),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_event_actor ON audit_event (actor_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_event_time ON audit_event (occurred_at DESC)`);
    await db.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);

    await db.query(`ALTER TABLE app_user ADD COLUMN last_login_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user DROP COLUMN last_login_at`);
    await db.query(`DROP TABLE audit_event`);
    await db.query(`DROP FUNCTION audit_event_append_only`);
    await db.query(`DROP TABLE login_throttle`);
    await db.query(`DROP TABLE user_session`);
  }
}
