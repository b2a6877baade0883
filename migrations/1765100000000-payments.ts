import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online payment of a dossier's fee through the payment gateway.
 *
 * - `payment`: one attempt to pay a dossier, integer VND, its state
 *   (created → pending → succeeded | failed | cancelled | expired; succeeded → refunded) and the
 *   gateway's facts. At most one open payment per dossier, by a unique index; the
 *   `Idempotency-Key` of the request that created it is unique per account.
 * - `payment_event`: every step of a payment, in order.
 * - `payment_notice`: every notification received (IPN), kept once per (reference, gateway
 *   transaction number, response code): a replayed or duplicated notice finds its twin and changes nothing.
 */
export class Payments1765100000000 implements MigrationInterface {
  name = 'Payments1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE payment_reference_seq`);
    await db.query(`
      CREATE TABLE payment (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference         varchar(32) NOT NULL UNIQUE,
        dossier_id        uuid NOT NULL REFERENCES dossier (id),
        amount            integer NOT NULL CHECK (amount > 0),
        currency          char(3) NOT NULL DEFAULT 'VND' CHECK (currency = 'VND'),
        items             jsonb NOT NULL,
        state             varchar(16) NOT NULL DEFAULT 'created'
                          CHECK (state IN ('created', 'pending', 'succeeded', 'failed', 'cancelled', 'expired', 'refunded')),
        method            varchar(16) CHECK (method IN ('card', 'transfer', 'qr')),
        created_by        uuid NOT NULL REFERENCES app_user (id),
        idempotency_key   varchar(255) NOT NULL,
        request_hash      char(64) NOT NULL,
        checkout_url      text NOT NULL,
        gateway_created   varchar(14) NOT NULL,
        expires_at        timestamptz NOT NULL,
        transaction_no    varchar(32),
        bank_code         varchar(32),
        card_type         varchar(32),
        response_code     varchar(4),
        paid_at           timestamptz,
        settled_at        timestamptz,
        settled_by        varchar(16) CHECK (settled_by IN ('ipn', 'querydr', 'expiry')),
        refund_key        varchar(64) UNIQUE,
        refund_state      varchar(16) CHECK (refund_state IN ('requested', 'refunded', 'refused')),
        refund_amount     integer,
        refunded_at       timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        version           integer NOT NULL DEFAULT 1
      )
    `);
    await db.query(
      `CREATE UNIQUE INDEX payment_one_open_per_dossier ON payment (dossier_id) WHERE state IN ('created', 'pending')`,
    );
    await db.query(`CREATE UNIQUE INDEX payment_idempotency ON payment (created_by, idempotency_key)`);
    await db.query(`CREATE INDEX payment_by_dossier ON payment (dossier_id, created_at)`);
    // The reconciliation sweep: open payments by age.
    await db.query(`CREATE INDEX payment_open ON payment (created_at) WHERE state IN ('created', 'pending')`);
    await db.query(`
      CREATE TABLE payment_event (
        id          bigserial PRIMARY KEY,
        payment_id  uuid NOT NULL REFERENCES payment (id),
        action      varchar(32) NOT NULL,
        from_state  varchar(16),
        to_state    varchar(16),
        details     jsonb,
        created_at  timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`CREATE INDEX payment_event_by_payment ON payment_event (payment_id, id)`);
    await db.query(`
      CREATE TABLE payment_notice (
        id              bigserial PRIMARY KEY,
        reference       varchar(64) NOT NULL,
        transaction_no  varchar(64) NOT NULL,
        response_code   varchar(8) NOT NULL,
        outcome         varchar(16) NOT NULL,
        params          jsonb NOT NULL,
        times_received  integer NOT NULL DEFAULT 1,
        first_at        timestamptz NOT NULL DEFAULT now(),
        last_at         timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reference, transaction_no, response_code)
      )
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE payment_notice`);
    await db.query(`DROP TABLE payment_event`);
    await db.query(`DROP TABLE payment`);
    await db.query(`DROP SEQUENCE payment_reference_seq`);
  }
}
