import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What generic code shows and searches of a dossier, written at submission (and at the
 * counter) from the procedure's plug-in (`subjectOf`, `contactOf`, `duplicateKeysOf` in
 * @portal/contracts), so the inbox, search, e-mails and the intake check need not know a
 * procedure's fields: who the dossier is about (the child, the deceased), the applicant's name
 * and e-mail address beside the phone number, and the keys of the event it registers (a
 * second live dossier sharing one is a possible duplicate).
 *
 * The backfill knows the one shape dossiers had before this migration: birth registration
 * and the linked procedure (`child`, `informant`, `mother`, `father`), as
 * `birthRegistrationParts` computes them.
 */
export class DossierSubject1764800000000 implements MigrationInterface {
  name = 'DossierSubject1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN subject_name varchar(200)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN applicant_name varchar(200)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN contact_email varchar(254)`);
    await db.query(`ALTER TABLE dossier ADD COLUMN duplicate_keys text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE dossier SET
        subject_name = data->'child'->>'fullName',
        applicant_name = data->'informant'->>'fullName',
        contact_email = data->'informant'->>'email',
        duplicate_keys = ARRAY(
          SELECT 'birth:' || lower(data->'child'->>'fullName') || '|' || (data->'child'->>'dateOfBirth') || '|' || (parent->>'personalId')
            FROM (VALUES (data->'mother'), (data->'father')) AS p(parent)
           WHERE parent->>'absent' = 'false' AND coalesce(parent->>'personalId', '') <> ''
        )
      WHERE data ? 'child'`);
    // The inbox searches by subject or applicant name (ILIKE '%…%'): trigram indexes would come with pg_trgm;
    // a ward's inbox is already narrowed by unit_code.
    await db.query(`CREATE INDEX dossier_duplicate_keys ON dossier USING gin (duplicate_keys)`);
    await db.query(`CREATE INDEX dossier_procedure_subject ON dossier (procedure_code, subject_name)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_procedure_subject`);
    await db.query(`DROP INDEX dossier_duplicate_keys`);
    await db.query(`ALTER TABLE dossier DROP COLUMN duplicate_keys`);
    await db.query(`ALTER TABLE dossier DROP COLUMN contact_email`);
    await db.query(`ALTER TABLE dossier DROP COLUMN applicant_name`);
    await db.query(`ALTER TABLE dossier DROP COLUMN subject_name`);
  }
}
