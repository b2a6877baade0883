import 'reflect-metadata';
import {
  addReportFigures,
  reportColumns,
  type OfficeDossier,
  type ProcessingReport,
  type ReportColumn,
  type ReportDossierPage,
  todayInVietnam,
} from '@portal/contracts';
import { checkReportAggregates, keepMonthStarts, rebuildReportAggregates } from '@portal/server/reports';
import {
  aBirthApplication,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  BrowserClient,
  TINY_PDF,
  uploadPaper,
} from '@portal/testing';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/** A dossier written straight into the table, with its dates in Viet Nam time (`2025-03-10 09:00`). */
interface Fixture {
  name: string;
  unit?: string;
  procedure?: string;
  channel: 'online' | 'counter' | 'post';
  status: string;
  received?: string;
  due?: string;
  finished?: string;
  fee?: number;
  supplement?: boolean;
  paid?: boolean;
  result?: boolean;
}

const PERIOD = 'month=2025-03';

/**
 * March 2025 at Phường Ba Đình (00004), birth registration unless said otherwise. Each name says
 * what the dossier is; the expectations below list, for every figure, which of them it counts.
 */
const fixtures: Fixture[] = [
  // Carried over: received in February, still open on 1 March.
  {
    name: 'carried-early',
    channel: 'online',
    status: 'processed',
    received: '2025-02-20 09:00',
    due: '2025-03-05 17:00',
    finished: '2025-03-03 10:00',
    result: true,
  },
  {
    name: 'carried-open-late',
    channel: 'counter',
    status: 'processing',
    received: '2025-02-25 09:00',
    due: '2025-03-10 17:00',
  },
  // Received and finished in February: not in March's form at all.
  {
    name: 'february-done',
    channel: 'online',
    status: 'processed',
    received: '2025-02-01 09:00',
    due: '2025-02-05 17:00',
    finished: '2025-02-10 09:00',
  },
  // Received in March.
  {
    name: 'ontime-paid-result',
    channel: 'online',
    status: 'returned',
    received: '2025-03-03 08:00',
    due: '2025-03-07 17:00',
    finished: '2025-03-07 16:00',
    fee: 8000,
    paid: true,
    result: true,
  },
  {
    name: 'late-refusal-papers',
    channel: 'counter',
    status: 'stopped',
    received: '2025-03-03 09:00',
    due: '2025-03-06 17:00',
    finished: '2025-03-12 09:00',
    supplement: true,
  },
  {
    name: 'post-open-within',
    channel: 'post',
    status: 'received',
    received: '2025-03-25 10:00',
    due: '2025-04-03 17:00',
  },
  {
    name: 'waiting-papers',
    channel: 'online',
    status: 'supplement_requested',
    received: '2025-03-05 10:00',
    due: '2025-03-20 17:00',
    supplement: true,
  },
  { name: 'refused-at-reception', channel: 'online', status: 'refused', finished: '2025-03-15 11:00' },
  {
    name: 'withdrawn-after-receipt',
    channel: 'counter',
    status: 'withdrawn',
    received: '2025-03-05 10:00',
    due: '2025-03-07 17:00',
    finished: '2025-03-20 10:00',
    fee: 8000,
  },
  { name: 'withdrawn-unreceived', channel: 'online', status: 'withdrawn', finished: '2025-03-06 10:00' },
  { name: 'never-received', channel: 'online', status: 'new' },
  {
    name: 'april-finish-within',
    channel: 'online',
    status: 'processed',
    received: '2025-03-28 09:00',
    due: '2025-04-02 17:00',
    finished: '2025-04-05 09:00',
  },
  {
    name: 'april-finish-overdue',
    channel: 'online',
    status: 'processed',
    received: '2025-03-20 09:00',
    due: '2025-03-28 17:00',
    finished: '2025-04-02 09:00',
    fee: 8000,
  },
  // The period's edges, in Viet Nam time: 23:30 on 31 March is March; 00:30 on 1 March too; 00:30 on 1 April is not.
  { name: 'last-minute', channel: 'online', status: 'received', received: '2025-03-31 23:30', due: '2025-04-04 17:00' },
  {
    name: 'first-minute',
    channel: 'counter',
    status: 'processed',
    received: '2025-03-01 00:30',
    due: '2025-03-06 17:00',
    finished: '2025-03-05 08:00',
  },
  { name: 'april-first', channel: 'online', status: 'received', received: '2025-04-01 00:30', due: '2025-04-07 17:00' },
  // Another ward, another procedure.
  {
    name: 'ngocha-death',
    unit: '00008',
    procedure: '1.000656',
    channel: 'counter',
    status: 'returned',
    received: '2025-03-10 09:00',
    due: '2025-03-12 17:00',
    finished: '2025-03-11 15:00',
    result: true,
  },
];

const set = (...names: string[]) => names.sort();

/** Ba Đình's row, birth registration: the dossiers behind each figure. */
const expected: Record<ReportColumn, string[]> = {
  receivedOnline: set(
    'ontime-paid-result',
    'waiting-papers',
    'refused-at-reception',
    'april-finish-within',
    'april-finish-overdue',
    'last-minute',
  ),
  receivedCounter: set('late-refusal-papers', 'withdrawn-after-receipt', 'first-minute'),
  receivedPost: set('post-open-within'),
  receivedInPerson: set('late-refusal-papers', 'withdrawn-after-receipt', 'first-minute', 'post-open-within'),
  carriedOver: set('carried-early', 'carried-open-late'),
  receivedTotal: [],
  resolvedEarly: set('carried-early', 'first-minute'),
  resolvedOnTime: set('ontime-paid-result', 'refused-at-reception', 'withdrawn-after-receipt'),
  resolvedOverdue: set('late-refusal-papers'),
  resolvedTotal: [],
  inProgressWithinTime: set('post-open-within', 'waiting-papers', 'april-finish-within', 'last-minute'),
  inProgressOverdue: set('carried-open-late', 'april-finish-overdue'),
  inProgressTotal: [],
  feeBearing: set('ontime-paid-result', 'withdrawn-after-receipt', 'april-finish-overdue'),
  paidOnline: set('ontime-paid-result'),
  approved: set('carried-early', 'ontime-paid-result', 'first-minute'),
  electronicResult: set('carried-early', 'ontime-paid-result'),
  supplementRequested: set('late-refusal-papers'),
  refused: set('refused-at-reception', 'late-refusal-papers'),
};
expected.receivedTotal = set(...expected.receivedOnline, ...expected.receivedInPerson, ...expected.carriedOver);
expected.resolvedTotal = set(...expected.resolvedEarly, ...expected.resolvedOnTime, ...expected.resolvedOverdue);
expected.inProgressTotal = set(...expected.inProgressWithinTime, ...expected.inProgressOverdue);

/**
 * The processing-rate report (form 06): its figures from the aggregates the database keeps, the
 * list behind every figure counting the same dossiers, the aggregates equal to a direct count after
 * real work through the API, and who may read which ward's.
 */
describe('reports: form 06 and the dossiers behind each figure', () => {
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;
  let auditor: BrowserClient;
  let leader: BrowserClient;
  let clerk: BrowserClient;
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const codeOf = (name: string) => `RPT-${tag}-${name}`.slice(0, 32);
  const nameOf = (code: string) => fixtures.find((f) => codeOf(f.name) === code)?.name ?? code;

  beforeAll(async () => {
    api = await startApi();
    ({ base, dataSource } = api);
    [auditor, leader, clerk] = await Promise.all([
      aSignedInAccount(base, 'auditor@demo.dichvucong.vn'),
      aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn'),
      aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn'),
    ]);
    const [{ id: payer }] = await dataSource.query(`SELECT id FROM app_user ORDER BY created_at LIMIT 1`);
    const at = (local?: string) => (local ? `${local}:00+07` : null);
    for (const f of fixtures) {
      const [{ id }] = await dataSource.query(
        `INSERT INTO dossier (code, procedure_code, unit_code, channel, status, submitted_at, received_at, due_at,
                              finished_at, fee_amount)
         VALUES ($1, $2, $3, $4, 'new', coalesce($5::timestamptz, $7::timestamptz), $5, $6, NULL, $8) RETURNING id`,
        [
          codeOf(f.name),
          f.procedure ?? '1.001193',
          f.unit ?? '00004',
          f.channel,
          at(f.received),
          at(f.due),
          at(f.finished),
          f.fee ?? 0,
        ],
      );
      // Moved on as the workflow would: through supplement_requested if asked, then to where it is.
      if (f.supplement)
        await dataSource.query(`UPDATE dossier SET status = 'supplement_requested' WHERE id = $1`, [id]);
      await dataSource.query(`UPDATE dossier SET status = $2, finished_at = $3 WHERE id = $1`, [
        id,
        f.status,
        at(f.finished),
      ]);
      if (f.paid) {
        const [{ id: payment }] = await dataSource.query(
          `INSERT INTO payment (reference, dossier_id, amount, items, created_by, idempotency_key, request_hash,
                                checkout_url, gateway_created, expires_at)
           VALUES ($1, $2, 8000, '[]', $3, $1, repeat('0', 64), 'http://127.0.0.1/', '20250303080000', now())
           RETURNING id`,
          [`RPT${tag}${f.name}`.slice(0, 32), id, payer],
        );
        await dataSource.query(`UPDATE payment SET state = 'succeeded' WHERE id = $1`, [payment]);
      }
      if (f.result) {
        await dataSource.query(
          `INSERT INTO dossier_result (dossier_id, verification_code, document_number, title, summary, content, sha256,
                                       signer_fingerprint, signer_name, signer_title, signed_at)
           VALUES ($1, $2, '1/2025/TLKS', 'TRÍCH LỤC', '[]', $3, repeat('0', 64), repeat('0', 64), 'Lê Văn Cường',
                   'CHỦ TỊCH', now())`,
          [id, `R${tag}${fixtures.indexOf(f)}`, TINY_PDF],
        );
      }
    }
  });

  afterAll(async () => {
    await api?.stop();
  });

  const report = async (who: BrowserClient, query: string) => {
    const response = await who.get(`/reports/processing?${query}`);
    expect({ query, status: response.status }).toEqual({ query, status: 200 });
    return (await response.json()) as ProcessingReport;
  };
  const drill = async (who: BrowserClient, query: string, column: ReportColumn) => {
    const rows: string[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const response = await who.get(`/reports/processing/dossiers?${query}&column=${column}&page=${page}`);
      expect({ column, status: response.status }).toEqual({ column, status: 200 });
      const body = (await response.json()) as ReportDossierPage;
      total = body.total;
      rows.push(...body.rows.map((r) => r.code));
      if (body.rows.length < body.pageSize) break;
    }
    expect({ column, listed: rows.length }).toEqual({ column, listed: total });
    return { total, names: rows.map(nameOf).sort() };
  };

  it("counts each of the ward's dossiers in the right columns of March 2025", async () => {
    const form = await report(auditor, `${PERIOD}&unitCode=00004&procedureCode=1.001193`);
    expect(form.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(form.rows).toHaveLength(1);
    const [row] = form.rows;
    expect(row).toMatchObject({ unitCode: '00004', procedureCode: '1.001193', unitName: { vi: 'Phường Ba Đình' } });
    const counts = Object.fromEntries(reportColumns.map((c) => [c, expected[c].length]));
    expect(Object.fromEntries(reportColumns.map((c) => [c, row.figures[c]]))).toEqual(counts);
    expect(row.figures).toMatchObject({
      receivedTotal: 12,
      carriedOver: 2,
      resolvedTotal: 6,
      inProgressTotal: 6,
    });
    // Column 3 = 4 + 5 + 6; 7 = 8 + 9 + 10; 11 = 12 + 13; what was handled is resolved or still in progress.
    const f = row.figures;
    expect(f.receivedTotal).toBe(f.receivedOnline + f.receivedInPerson + f.carriedOver);
    expect(f.resolvedTotal).toBe(f.resolvedEarly + f.resolvedOnTime + f.resolvedOverdue);
    expect(f.inProgressTotal).toBe(f.inProgressWithinTime + f.inProgressOverdue);
    expect(f.receivedTotal).toBe(f.resolvedTotal + f.inProgressTotal);
    // Working days after reception up to the finish (weekends skipped): 7, 3, 4, 0 (refused at reception), 11, 7.
    expect(f.processingDays).toBe(32);
    expect(row.rates).toEqual({
      onTimeRate: 0.75,
      averageProcessingDays: Math.round((32 / 6) * 100) / 100,
      onlineRate: Math.round((6 / 10) * 10_000) / 10_000,
      onlinePaymentRate: Math.round((1 / 3) * 10_000) / 10_000,
      electronicResultRate: Math.round((2 / 3) * 10_000) / 10_000,
      supplementRate: Math.round((1 / 6) * 10_000) / 10_000,
      refusalRate: Math.round((2 / 6) * 10_000) / 10_000,
    });
  });

  it('lists, for every figure, exactly the dossiers it counts, as many as the figure says', async () => {
    const query = `${PERIOD}&unitCode=00004&procedureCode=1.001193`;
    const [row] = (await report(auditor, query)).rows;
    for (const column of reportColumns) {
      const { total, names } = await drill(auditor, query, column);
      expect({ column, total }).toEqual({ column, total: row.figures[column] });
      expect({ column, names }).toEqual({ column, names: expected[column] });
    }
  });

  it('the figure and its list agree for every column in every shape of period and filter', async () => {
    const queries = [
      'from=2025-03-10&to=2025-04-03',
      'from=2025-02-15&to=2025-03-01',
      'quarter=2025-Q1',
      'year=2025&channel=online',
      'from=2024-12-20&to=2025-06-30&provinceCode=01',
      `${PERIOD}&channel=counter&unitCode=00004`,
      `${PERIOD}&procedureCode=1.000656`,
    ];
    const figures = async () => {
      const out: Record<string, ProcessingReport['totals']['figures']> = {};
      for (const query of queries) {
        const form = await report(auditor, query);
        for (const column of reportColumns) {
          const { total } = await drill(auditor, query, column);
          expect({ query, column, total }).toEqual({ query, column, total: form.totals.figures[column] });
        }
        out[query] = form.totals.figures;
      }
      return out;
    };
    // What was open at a period's start, read from the month starts kept (grain p) once they are (the custom
    // periods sum the years and months before them): the same figures, each still its list's count.
    const summed = await figures();
    await keepMonthStarts(dataSource);
    expect(await dataSource.query(`SELECT 1 FROM report_prefix_month WHERE month = '2025-03-01'`)).toHaveLength(1);
    expect(await figures()).toEqual(summed);
    // …and they are read from those rows: one made wrong shows in the month's carried-over figure (then is put back).
    const wrong = (by: number) =>
      dataSource.query(
        `UPDATE report_count SET intake = intake + $1
          WHERE grain = 'p' AND bucket = '2025-03-01' AND unit_code = '00004' AND procedure_code = '1.001193' AND channel = '*'`,
        [by],
      );
    const carried = async () => (await report(auditor, `${PERIOD}&unitCode=00004`)).totals.figures.carriedOver;
    const right = await carried();
    await wrong(1000);
    expect(await carried()).toBe(right + 1000);
    await wrong(-1000);
    expect(await checkReportAggregates(dataSource)).toEqual([]);
  });

  it('the auditor sees every ward, each as a row, with the totals', async () => {
    const form = await report(auditor, PERIOD);
    const rows = form.rows.map((r) => `${r.unitCode} ${r.procedureCode}`);
    expect(rows).toEqual(expect.arrayContaining(['00004 1.001193', '00008 1.000656']));
    const ngocha = form.rows.find((r) => r.unitCode === '00008');
    expect(ngocha?.figures).toMatchObject({ receivedCounter: 1, resolvedEarly: 1, electronicResult: 1 });
    expect(form.totals.figures.receivedTotal).toBe(form.rows.reduce((sum, r) => sum + r.figures.receivedTotal, 0));

    // By province: Hà Nội's row of each procedure is the sum of its wards' rows.
    const provinces = await report(auditor, `${PERIOD}&groupBy=province`);
    expect(provinces.filters.groupBy).toBe('province');
    for (const row of provinces.rows.filter((r) => r.unitCode === '01')) {
      expect(row.unitName.vi).toBe('Thành phố Hà Nội');
      const wards = form.rows.filter((r) => r.procedureCode === row.procedureCode);
      expect(row.figures).toEqual(addReportFigures(wards.map((r) => r.figures)));
    }
    expect(provinces.totals).toEqual(form.totals);
  });

  it("a ward's leader sees their own ward only; clerks, citizens and visitors are refused", async () => {
    const own = await report(leader, PERIOD);
    expect(own.filters.unitCode).toBe('00004');
    expect(new Set(own.rows.map((r) => r.unitCode))).toEqual(new Set(['00004']));
    expect((await report(leader, `${PERIOD}&unitCode=00004`)).rows).toEqual(own.rows);
    expect((await report(leader, `${PERIOD}&provinceCode=01`)).rows).toEqual(own.rows);

    for (const path of [
      `/reports/processing?${PERIOD}&unitCode=00008`,
      `/reports/processing/dossiers?${PERIOD}&unitCode=00008&column=receivedTotal`,
      `/reports/processing?${PERIOD}&provinceCode=79`,
    ]) {
      const refused = await leader.get(path);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(await refused.json()).toMatchObject({ code: 'REPORT_OUT_OF_SCOPE' });
    }
    const drilled = await drill(leader, PERIOD, 'receivedTotal');
    expect(drilled.names).toEqual(expected.receivedTotal);

    const citizen = await aSignedInCitizen(base);
    for (const who of [clerk, citizen.browser]) {
      const response = await who.get(`/reports/processing?${PERIOD}`);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'ROLE_REQUIRED' });
      expect((await who.get(`/reports/processing/dossiers?${PERIOD}&column=resolvedTotal`)).status).toBe(403);
    }
    const visitor = await new BrowserClient(base).start();
    expect((await visitor.get(`/reports/processing?${PERIOD}`)).status).toBe(401);
  });

  it('says what is wrong with a query, in the reader’s language', async () => {
    const english = await aSignedInAccount(base, 'auditor@demo.dichvucong.vn');
    const inEnglish = new BrowserClient(base, { language: 'en' });
    english.cookies.forEach((value, key) => inEnglish.cookies.set(key, value));
    const bad = await inEnglish.get('/reports/processing?from=2025-03-10&to=2025-03-01');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      details: { fields: [{ field: 'from', code: 'reportPeriod', message: expect.stringContaining('report period') }] },
    });
    const vi = await auditor.get('/reports/processing/dossiers?month=2025-03&column=nothing');
    expect(vi.status).toBe(400);
    expect(await vi.json()).toMatchObject({
      details: { fields: [{ field: 'column', message: 'Vui lòng chọn một mục.' }] },
    });
  });

  it('records every pull of a report in the audit trail', async () => {
    await report(auditor, `${PERIOD}&unitCode=00008`);
    const [entry] = await dataSource.query(
      `SELECT action, details FROM audit_event WHERE action = 'report.processing-read' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({
      action: 'report.processing-read',
      details: { from: '2025-03-01', to: '2025-03-31', unitCode: '00008' },
    });
  });

  it('keeps the aggregates equal to a direct count through real work in the API', async () => {
    expect(await checkReportAggregates(dataSource)).toEqual([]);
    const month = `month=${todayInVietnam().slice(0, 7)}&unitCode=00004`;
    const before = (await report(auditor, month)).totals.figures;

    const act = async (who: BrowserClient, code: string, action: string, body: Record<string, unknown> = {}) => {
      const { version } = (await (await who.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
      const response = await who.post(`/office/dossiers/${code}/actions/${action}`, { version, ...body });
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
    };
    const citizen = await aSignedInCitizen(base);
    const approvedCode = await aSubmittedBirthRegistration(citizen.browser);
    const refusedCode = await aSubmittedBirthRegistration(citizen.browser);
    await act(clerk, refusedCode, 'refuse', { reason: 'Không thuộc thẩm quyền của phường.' });
    await act(clerk, approvedCode, 'receive');
    await act(clerk, approvedCode, 'request_supplement', {
      reason: 'Giấy chứng sinh bị mờ, vui lòng chụp lại.',
      papers: ['medical_birth_certificate'],
    });
    const clearer = await uploadPaper(citizen.browser, 'medical_birth_certificate');
    const [{ version }] = await dataSource.query(`SELECT version FROM dossier WHERE code = $1`, [approvedCode]);
    const resent = await citizen.browser.post(`/dossiers/${approvedCode}/actions/resubmit`, {
      version,
      attachmentIds: [clearer],
    });
    expect(resent.status).toBe(200);
    await act(clerk, approvedCode, 'propose_approval');
    await act(leader, approvedCode, 'sign');
    const { papers: _papers, ...pages } = aBirthApplication({});
    const walkIn = await clerk.post('/office/dossiers/counter', { procedureCode: '1.001193', data: pages });
    expect(walkIn.status).toBe(201);

    expect(await checkReportAggregates(dataSource)).toEqual([]);
    const after = (await report(auditor, month)).totals.figures;
    expect({
      receivedOnline: after.receivedOnline - before.receivedOnline,
      receivedCounter: after.receivedCounter - before.receivedCounter,
      resolvedTotal: after.resolvedTotal - before.resolvedTotal,
      approved: after.approved - before.approved,
      supplementRequested: after.supplementRequested - before.supplementRequested,
      refused: after.refused - before.refused,
      inProgressTotal: after.inProgressTotal - before.inProgressTotal,
    }).toEqual({
      receivedOnline: 2,
      receivedCounter: 1,
      resolvedTotal: 2,
      approved: 1,
      supplementRequested: 1,
      refused: 1,
      inProgressTotal: 1,
    });

    // Whatever path changes a dossier, the trigger follows: here plain SQL, and a deletion.
    await dataSource.query(`UPDATE dossier SET unit_code = '00008' WHERE code = $1`, [codeOf('carried-open-late')]);
    await dataSource.query(`UPDATE dossier SET due_at = due_at + interval '30 days' WHERE code = $1`, [
      codeOf('april-finish-overdue'),
    ]);
    await dataSource.query(`DELETE FROM dossier WHERE code = $1`, [codeOf('never-received')]);
    expect(await checkReportAggregates(dataSource)).toEqual([]);
    await dataSource.query(`UPDATE report_count SET closed = closed + 1 WHERE grain = 'y' AND unit_code = '00004'`);
    expect((await checkReportAggregates(dataSource)).map((d) => [d.grain, d.measure])).toContainEqual(['y', 'closed']);
    // Rebuilt from the dossiers (after a bulk load without the triggers), the counters are right again.
    expect(await rebuildReportAggregates(dataSource)).toBeGreaterThan(0);
    expect(await checkReportAggregates(dataSource)).toEqual([]);

    // One statement writing many dossiers is counted in one go, rightly.
    await dataSource.query(`UPDATE dossier SET due_at = due_at - interval '3 days' WHERE code LIKE $1`, [
      `RPT-${tag}-%`,
    ]);
    await dataSource.query(`UPDATE dossier SET version = version + 1 WHERE code LIKE $1`, [`RPT-${tag}-%`]);
    expect(await checkReportAggregates(dataSource)).toEqual([]);
  });

  it('keeps the dossier history in monthly partitions, ids continuing', async () => {
    const [{ partitions }] = await dataSource.query(
      `SELECT count(*)::int AS partitions FROM pg_inherits WHERE inhparent = 'dossier_event'::regclass`,
    );
    expect(partitions).toBeGreaterThanOrEqual(24 + 12 + 1);
    const [{ made }] = await dataSource.query(
      `SELECT dossier_event_add_partitions(report_day(now()), report_day(now() + interval '12 months')) AS made`,
    );
    expect(made).toBe(0);
    const [row] = await dataSource.query(
      `SELECT tableoid::regclass::text AS partition FROM dossier_event ORDER BY id DESC LIMIT 1`,
    );
    expect(row.partition).toBe(`dossier_event_${todayInVietnam().slice(0, 7).replace('-', '_')}`);
  });
});
