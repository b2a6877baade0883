import 'reflect-metadata';
import { monthsUpTo, type ProcessingReport, type ReportTrend } from '@portal/contracts';
import { aSignedInAccount, type BrowserClient } from '@portal/testing';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/** The monthly trend: each month's point is that month's form 06 totals, and follows the dossiers as they come. */
describe('report trend', () => {
  let api: ApiUnderTest;
  let auditor: BrowserClient;
  let leader: BrowserClient;

  beforeAll(async () => {
    api = await startApi();
    auditor = await aSignedInAccount(api.base, 'auditor@demo.dichvucong.vn');
    leader = await aSignedInAccount(api.base, 'leader.badinh@demo.dichvucong.vn');
  });

  afterAll(() => api?.stop());

  const trend = async (who: BrowserClient, query: string) => {
    const response = await who.get(`/reports/processing/trend?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ReportTrend;
  };

  it('gives a point per month, oldest first, each equal to that month’s report, and counts a new dossier once', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString();
    const months = monthsUpTo(today.slice(0, 7), 6);
    const before = await trend(auditor, 'months=6&unitCode=00025');
    expect(before.months.map((m) => m.month)).toEqual(months);
    for (const point of before.months.slice(-2)) {
      const report = (await (
        await auditor.get(`/reports/processing?month=${point.month}&unitCode=00025`)
      ).json()) as ProcessingReport;
      expect(point.figures).toEqual(report.totals.figures);
      expect(point.rates).toEqual(report.totals.rates);
    }
    // A dossier received on the 10th of the month before this one, finished the same day.
    const day = `${months[4]}-10`;
    await api.dataSource.query(
      `INSERT INTO dossier (code, procedure_code, unit_code, channel, status, data, contact_phone, fee_amount,
                            late_registration, submitted_at, received_at, due_at, finished_at, subject_name)
       VALUES ('HS-01-TREND-000001', '1.000656', '00025', 'counter', 'processed', '{}', '0912345678', 0, false,
               $1::date + time '03:00', $1::date + time '03:00', $1::date + time '10:00', $1::date + time '08:00', 'Lê Văn Tư')`,
      [day],
    );
    const after = await trend(auditor, 'months=6&unitCode=00025');
    const changed = after.months.filter((m, i) => JSON.stringify(m) !== JSON.stringify(before.months[i]));
    expect(changed.map((m) => m.month)).toEqual([months[4]]);
    expect(changed[0].figures.receivedTotal - before.months[4].figures.receivedTotal).toBe(1);
    expect(changed[0].figures.resolvedOnTime - before.months[4].figures.resolvedOnTime).toBe(1);
  });

  it('keeps a leader to their own ward, and says what is wrong with a query', async () => {
    expect((await trend(leader, 'months=3')).filters.unitCode).toBe('00004');
    expect((await leader.get('/reports/processing/trend?unitCode=00025')).status).toBe(403);
    const bad = await auditor.get('/reports/processing/trend?months=99');
    expect(bad.status).toBe(400);
    const [pulled] = await api.dataSource.query(
      `SELECT details FROM audit_event WHERE action = 'report.trend-read' ORDER BY id DESC LIMIT 1`,
    );
    expect(pulled.details).toMatchObject({ months: 3, unitCode: '00004' });
  });
});
