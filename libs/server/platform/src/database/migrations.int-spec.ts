import { buildDataSourceOptions } from './data-source-options';
import { createDatabase, dropDatabase, newRunId } from '@portal/testing';
import { DataSource } from 'typeorm';

describe('migrations', () => {
  const name = `portal_test_migrations_${newRunId()}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await createDatabase(name);
    dataSource = await new DataSource(
      buildDataSourceOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: 2 }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(name);
  });

  const tables = async () =>
    (
      await dataSource.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_name <> 'schema_migration'
            AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = table_name AND c.relispartition)
          ORDER BY 1`,
      )
    ).map((row: { table_name: string }) => row.table_name);

  it('apply on an empty database, undo cleanly, and apply again', async () => {
    await dataSource.runMigrations();
    const applied = await tables();
    expect(applied).toEqual([
      'administrative_unit',
      'app_user',
      'attachment',
      'audit_event',
      'dossier',
      'dossier_code_counter',
      'dossier_draft',
      'dossier_event',
      'dossier_export',
      'dossier_rating',
      'dossier_result',
      'holiday',
      'login_throttle',
      'notification',
      'notification_attachment',
      'outbox_message',
      'paper_delivery',
      'payment',
      'payment_event',
      'payment_notice',
      'payment_receipt',
      'procedure',
      'report_count',
      'report_prefix_month',
      'result_number_counter',
      'signing_authority',
      'unit_signing_key',
      'user_session',
    ]);
    expect(await dataSource.showMigrations()).toBe(false);

    while ((await dataSource.query(`SELECT count(*)::int AS n FROM schema_migration`))[0].n > 0) {
      await dataSource.undoLastMigration();
    }
    expect(await tables()).toEqual([]);

    await dataSource.runMigrations();
    expect(await tables()).toEqual(applied);
  });

  it('keep the dossier history append-only', async () => {
    await dataSource.query(
      `INSERT INTO administrative_unit (code, name, name_en, tier, kind) VALUES ('99', 'T', 'T', 'province', 'province')`,
    );
    await dataSource.query(
      `INSERT INTO procedure (code, name, name_en, field, field_en, description, description_en, handling_agency,
         handling_agency_en, service_level, handling_tier, time_limit_amount, time_limit_unit, workflow)
       VALUES ('X', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'full', 'commune', 1, 'working_days', 'w')`,
    );
    const [dossier] = await dataSource.query(
      `INSERT INTO dossier (code, procedure_code, unit_code, channel, status) VALUES ('HS-1', 'X', '99', 'online', 'new') RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO dossier_event (dossier_id, actor_role, action, to_status) VALUES ($1, 'citizen', 'submit', 'new')`,
      [dossier.id],
    );
    await expect(dataSource.query(`UPDATE dossier_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM dossier_event`)).rejects.toThrow(/append-only/);
  });

  it('refuse a clerk without a unit and a dossier with an unknown status', async () => {
    await expect(
      dataSource.query(`INSERT INTO app_user (email, full_name, roles) VALUES ('c@x.vn', 'C', ARRAY['clerk'])`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      dataSource.query(
        `INSERT INTO dossier (code, procedure_code, unit_code, channel, status) VALUES ('HS-2', 'X', '99', 'online', 'lost')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
