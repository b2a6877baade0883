import 'reflect-metadata';
import { BIRTH_REGISTRATION, duplicateKeysOf } from '@portal/contracts';
import { aBirthApplication } from '@portal/testing';
import { migrations } from '@portal/migrations';
import type { MigrationInterface } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

const DossierSubject = migrations.find((m) => m.name === 'DossierSubject1764800000000') as new () => MigrationInterface;

/** The backfill of the dossier's subject, applicant, e-mail address and duplicate keys gives what submission writes. */
describe('migration: dossier subject', () => {
  let api: ApiUnderTest;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(() => api.stop());

  it('backfills a birth registration written before it as the plug-in would', async () => {
    const data = aBirthApplication(
      {},
      {
        father: {
          absent: false,
          fullName: 'Lê Văn Đức',
          dateOfBirth: '1992-01-02',
          ethnicity: 'Kinh',
          nationality: 'Việt Nam',
          personalId: '001092054321',
          residence: 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội',
        },
        informant: {
          fullName: 'Trần Thị Mai',
          relation: 'mother',
          personalId: '001195012345',
          phone: '0912345678',
          email: 'mai@example.vn',
        },
      },
    );
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const migration = new DossierSubject();
      await migration.down(runner);
      await runner.query(
        `INSERT INTO dossier (code, procedure_code, unit_code, channel, status, data, contact_phone, fee_amount, late_registration)
         VALUES ('HS-01-010101-999999', $1, '00004', 'online', 'new', $2, '0912345678', 0, false)`,
        [BIRTH_REGISTRATION, JSON.stringify(data)],
      );
      await migration.up(runner);
      const [row] = await runner.query(
        `SELECT subject_name, applicant_name, contact_email, duplicate_keys FROM dossier WHERE code = 'HS-01-010101-999999'`,
      );
      expect(row).toEqual({
        subject_name: 'Nguyễn Minh Khang',
        applicant_name: 'Trần Thị Mai',
        contact_email: 'mai@example.vn',
        duplicate_keys: duplicateKeysOf(BIRTH_REGISTRATION, data),
      });
      expect(row.duplicate_keys).toHaveLength(2);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
