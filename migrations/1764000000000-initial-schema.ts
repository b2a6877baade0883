import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first tables of DESIGN.md §3: administrative units, users, procedures,
 * dossiers, dossier events and the transactional outbox.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE administrative_unit (
        code        varchar(10) PRIMARY KEY,
        name        text NOT NULL,
        name_en     text NOT NULL,
        tier        varchar(16) NOT NULL CHECK (tier IN ('province', 'commune')),
        kind        varchar(16) NOT NULL CHECK (kind IN ('city', 'province', 'ward', 'commune', 'special_zone')),
        parent_code varchar(10) REFERENCES administrative_unit (code),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CHECK ((tier = 'province') = (parent_code IS NULL))
      )`);
    await db.query(`CREATE INDEX administrative_unit_parent ON administrative_unit (parent_code)`);

    await db.query(`
      CREATE TABLE app_user (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email         text UNIQUE CHECK (email = lower(email)),
        phone         varchar(20) UNIQUE,
        full_name     text NOT NULL,
        password_hash text,
        eid_subject   text UNIQUE,
        roles         text[] NOT NULL CHECK (
                        cardinality(roles) > 0
                        AND roles <@ ARRAY['citizen', 'clerk', 'leader', 'auditor', 'admin']::text[]),
        unit_code     varchar(10) REFERENCES administrative_unit (code),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        version       integer NOT NULL DEFAULT 1,
        CHECK (email IS NOT NULL OR phone IS NOT NULL OR eid_subject IS NOT NULL),
        -- clerks and leaders belong to exactly one unit
        CHECK (NOT (roles && ARRAY['clerk', 'leader']::text[]) OR unit_code IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE procedure (
        code                varchar(32) PRIMARY KEY,
        name                text NOT NULL,
        name_en             text NOT NULL,
        field               text NOT NULL,
        field_en            text NOT NULL,
        description         text NOT NULL,
        description_en      text NOT NULL,
        handling_agency     text NOT NULL,
        handling_agency_en  text NOT NULL,
        service_level       varchar(16) NOT NULL CHECK (service_level IN ('full', 'partial')),
        handling_tier       varchar(16) NOT NULL CHECK (handling_tier IN ('commune', 'province')),
        time_limit_amount   integer NOT NULL CHECK (time_limit_amount >= 0),
        time_limit_unit     varchar(16) NOT NULL CHECK (time_limit_unit IN ('working_days', 'working_hours')),
        time_limit_note     jsonb,
        fees                jsonb NOT NULL DEFAULT '[]',
        required_papers     jsonb NOT NULL DEFAULT '[]',
        legal_basis         jsonb NOT NULL DEFAULT '[]',
        form_schema_version integer NOT NULL DEFAULT 1,
        workflow            varchar(64) NOT NULL,
        sort_order          integer NOT NULL DEFAULT 0,
        active              boolean NOT NULL DEFAULT true,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer NOT NULL DEFAULT 1
      )`);

    await db.query(`
      CREATE TABLE dossier (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code           varchar(32) NOT NULL UNIQUE,
        procedure_code varchar(32) NOT NULL REFERENCES procedure (code),
        applicant_id   uuid REFERENCES app_user (id),
        unit_code      varchar(10) NOT NULL REFERENCES administrative_unit (code),
        channel        varchar(16) NOT NULL CHECK (channel IN ('online', 'counter', 'post')),
        status         varchar(32) NOT NULL CHECK (status IN (
                         'new', 'received', 'refused', 'processing', 'supplement_requested',
                         'awaiting_payment', 'withdrawn', 'stopped', 'processed', 'returned')),
        data           jsonb NOT NULL DEFAULT '{}',
        submitted_at   timestamptz,
        received_at    timestamptz,
        due_at         timestamptz,
        finished_at    timestamptz,
        paused_seconds integer NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        version        integer NOT NULL DEFAULT 1
      )`);
    // The clerk inbox: a unit's dossiers by status, soonest due first.
    await db.query(`CREATE INDEX dossier_inbox ON dossier (unit_code, status, due_at)`);
    // My dossiers: a citizen's own, newest first.
    await db.query(`CREATE INDEX dossier_applicant ON dossier (applicant_id, created_at DESC)`);
    // Reports: by procedure and period.
    await db.query(`CREATE INDEX dossier_procedure_received ON dossier (procedure_code, received_at)`);

    await db.query(`
      CREATE TABLE dossier_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        dossier_id  uuid NOT NULL REFERENCES dossier (id),
        actor_id    uuid REFERENCES app_user (id),
        actor_role  varchar(16) NOT NULL,
        action      varchar(64) NOT NULL,
        from_status varchar(32),
        to_status   varchar(32),
        reason      text,
        details     jsonb,
        request_id  varchar(64),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX dossier_event_timeline ON dossier_event (dossier_id, id)`);
    // Append-only: the history is never rewritten.
    await db.query(`
      CREATE FUNCTION dossier_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_event is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER dossier_event_no_change BEFORE UPDATE OR DELETE ON dossier_event
      FOR EACH ROW EXECUTE FUNCTION dossier_event_append_only()`);

    await db.query(`
      CREATE TABLE outbox_message (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue        varchar(64) NOT NULL,
        job_name     varchar(64) NOT NULL,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE published_at IS NULL`);
    // Wake the relay as soon as a transaction that wrote to the outbox commits
    // (NOTIFY is delivered on commit only, so a rolled-back write wakes nobody).
    await db.query(`
      CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_message', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER outbox_message_written AFTER INSERT ON outbox_message
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_message`);
    await db.query(`DROP FUNCTION outbox_message_notify`);
    await db.query(`DROP TABLE dossier_event`);
    await db.query(`DROP FUNCTION dossier_event_append_only`);
    await db.query(`DROP TABLE dossier`);
    await db.query(`DROP TABLE procedure`);
    await db.query(`DROP TABLE app_user`);
    await db.query(`DROP TABLE administrative_unit`);
  }
}
