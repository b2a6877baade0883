import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed electronic result of a dossier, and what it rests on.
 *
 * - `signing_authority`: the demonstration certificate authority (one row), standing for the
 *   government CA that issues civil servants' signing certificates.
 * - `unit_signing_key`: each ward's signing certificate and its private key, sealed (AES-256-GCM
 *   under DOCUMENT_KEY_SECRET): never stored in the clear.
 * - `result_number_counter`: the registration numbers of each ward's book, per year.
 * - `dossier_result`: the one signed PDF of a dossier (unique per dossier, however often the job
 *   runs), with the short code its QR code and `/verify/:code` name, the SHA-256 of its bytes, the
 *   personal ID number the population registry gave, and what the verification page may show.
 * - `payment_receipt`: the signed electronic receipt of each successful payment.
 * - `dossier_rating`: the citizen's rating of the service, once per dossier.
 */
export class Results1765200000000 implements MigrationInterface {
  name = 'Results1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE signing_authority (
        id              smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        certificate_pem text NOT NULL,
        sealed_key      text NOT NULL,
        fingerprint     char(64) NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`
      CREATE TABLE unit_signing_key (
        unit_code       varchar(10) PRIMARY KEY REFERENCES administrative_unit (code),
        certificate_pem text NOT NULL,
        sealed_key      text NOT NULL,
        fingerprint     char(64) NOT NULL UNIQUE,
        created_at      timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`
      CREATE TABLE result_number_counter (
        unit_code varchar(10) NOT NULL REFERENCES administrative_unit (code),
        year      integer NOT NULL,
        last      integer NOT NULL DEFAULT 0,
        PRIMARY KEY (unit_code, year)
      )
    `);
    await db.query(`
      CREATE TABLE dossier_result (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dossier_id         uuid NOT NULL UNIQUE REFERENCES dossier (id),
        verification_code  varchar(16) NOT NULL UNIQUE,
        document_number    varchar(64) NOT NULL,
        book               varchar(32),
        personal_id        varchar(12),
        title              text NOT NULL,
        summary            jsonb NOT NULL,
        content            bytea NOT NULL,
        sha256             char(64) NOT NULL,
        signer_fingerprint char(64) NOT NULL,
        signer_name        text NOT NULL,
        signer_title       text NOT NULL,
        signed_at          timestamptz NOT NULL,
        delivered_at       timestamptz,
        created_at         timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`
      CREATE TABLE payment_receipt (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        payment_id        uuid NOT NULL UNIQUE REFERENCES payment (id),
        verification_code varchar(16) NOT NULL UNIQUE,
        receipt_number    varchar(64) NOT NULL,
        content           bytea NOT NULL,
        sha256            char(64) NOT NULL,
        signed_at         timestamptz NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now()
      )
    `);
    await db.query(`
      CREATE TABLE dossier_rating (
        dossier_id  uuid PRIMARY KEY REFERENCES dossier (id),
        score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment     text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'dossier_rating',
      'payment_receipt',
      'dossier_result',
      'result_number_counter',
      'unit_signing_key',
      'signing_authority',
    ])
      await db.query(`DROP TABLE ${table}`);
  }
}
