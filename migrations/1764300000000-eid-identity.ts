import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A citizen's identity as the national eID vouches for it: personal ID number,
 * date of birth, sex and permanent address, and whether it was verified there.
 * Accounts made with an e-mail address or phone number keep these empty.
 */
export class EidIdentity1764300000000 implements MigrationInterface {
  name = 'EidIdentity1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN personal_id       varchar(12) UNIQUE CHECK (personal_id ~ '^[0-9]{12}$'),
        ADD COLUMN date_of_birth     date,
        ADD COLUMN sex               varchar(8) CHECK (sex IN ('male', 'female')),
        ADD COLUMN permanent_address text,
        ADD COLUMN identity_verified boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user
        DROP COLUMN identity_verified,
        DROP COLUMN permanent_address,
        DROP COLUMN sex,
        DROP COLUMN date_of_birth,
        DROP COLUMN personal_id`);
  }
}
