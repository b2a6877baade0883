import 'reflect-metadata';
import type { ServiceIndexCode, ServiceIndexReport, ServiceIndexWard } from '@portal/contracts';
import { checkReportAggregates } from '@portal/server/reports';
import { aSignedInAccount, BrowserClient, TINY_PDF } from '@portal/testing';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

/** A dossier written straight into the table, its dates in Viet Nam time. */
interface Fixture {
  name: string;
  unit: string;
  procedure: string;
  channel: 'online' | 'counter' | 'post';
  status: string;
  received: string;
  due: string;
  finished?: string;
  fee?: number;
  paid?: boolean;
  result?: boolean;
  /** The applicant's account: verified by the national eID, or not; none for a counter dossier. */
  applicant?: 'eid' | 'plain';
  uploaded?: boolean;
  rating?: number;
}

/**
 * March 2024. Ba Đình (00004), the linked procedure (time limit 3 working days): A early, B on
 * time, C late, D in progress within time. Ngọc Hà (00008), death registration (same-day): E early.
 */
const fixtures: Fixture[] = [
  {
    name: 'A-early-eid',
    unit: '00004',
    procedure: 'LT.KS-TT-BHYT',
    channel: 'online',
    status: 'processed',
    received: '2024-03-04 09:00',
    due: '2024-03-08 17:00',
    finished: '2024-03-06 10:00',
    fee: 8000,
    paid: true,
    result: true,
    applicant: 'eid',
    uploaded: true,
    rating: 5,
  },
  {
    name: 'B-ontime-unhappy',
    unit: '00004',
    procedure: 'LT.KS-TT-BHYT',
    channel: 'online',
    status: 'returned',
    received: '2024-03-11 09:00',
    due: '2024-03-15 17:00',
    finished: '2024-03-15 16:00',
    applicant: 'plain',
    uploaded: true,
    rating: 1,
  },
  {
    name: 'C-late-unpaid',
    unit: '00004',
    procedure: 'LT.KS-TT-BHYT',
    channel: 'counter',
    status: 'processed',
    received: '2024-03-18 09:00',
    due: '2024-03-20 17:00',
    finished: '2024-03-22 10:00',
    fee: 8000,
  },
  {
    name: 'D-open-within',
    unit: '00004',
    procedure: 'LT.KS-TT-BHYT',
    channel: 'counter',
    status: 'processing',
    received: '2024-03-25 09:00',
    due: '2024-04-05 17:00',
  },
  {
    name: 'E-ngocha-early',
    unit: '00008',
    procedure: '1.000656',
    channel: 'online',
    status: 'processed',
    received: '2024-03-05 09:00',
    due: '2024-03-08 17:00',
    finished: '2024-03-07 10:00',
    result: true,
    applicant: 'eid',
    uploaded: true,
  },
];

/**
 * The citizen-service index (Decision 766) over controlled dossiers: every indicator's inputs,
 * rate and score, the cards, the ranking, who may read it, the open data (JSON and CSV) without
 * signing in, and the counters following a rating that changes.
 */
describe('the citizen-service index', () => {
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;
  let auditor: BrowserClient;
  let leader: BrowserClient;
  let clerk: BrowserClient;
  let anyone: BrowserClient;
  const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
  const ids = new Map<string, string>();

  beforeAll(async () => {
    api = await startApi();
    ({ base, dataSource } = api);
    [auditor, leader, clerk] = await Promise.all([
      aSignedInAccount(base, 'auditor@demo.dichvucong.vn'),
      aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn'),
      aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn'),
    ]);
    anyone = new BrowserClient(base);
    const account = async (verified: boolean) => {
      const [{ id }] = await dataSource.query(
        `INSERT INTO app_user (email, full_name, roles, identity_verified) VALUES ($1, 'Người dân', '{citizen}', $2)
         RETURNING id`,
        [`index.${verified ? 'eid' : 'plain'}.${tag.toLowerCase()}@example.vn`, verified],
      );
      return id as string;
    };
    const applicants = { eid: await account(true), plain: await account(false) };
    const [{ id: payer }] = await dataSource.query(`SELECT id FROM app_user ORDER BY created_at LIMIT 1`);
    const at = (local?: string) => (local ? `${local}:00+07` : null);
    for (const f of fixtures) {
      const [{ id }] = await dataSource.query(
        `INSERT INTO dossier (code, procedure_code, unit_code, channel, status, submitted_at, received_at, due_at,
                              fee_amount, applicant_id)
         VALUES ($1, $2, $3, $4, 'new', $5, $5, $6, $7, $8) RETURNING id`,
        [
          `IDX-${tag}-${f.name}`.slice(0, 32),
          f.procedure,
          f.unit,
          f.channel,
          at(f.received),
          at(f.due),
          f.fee ?? 0,
          f.applicant ? applicants[f.applicant] : null,
        ],
      );
      ids.set(f.name, id);
      await dataSource.query(`UPDATE dossier SET status = $2, finished_at = $3 WHERE id = $1`, [
        id,
        f.status,
        at(f.finished),
      ]);
      if (f.uploaded) {
        // Uploaded first, then joined to the dossier, as a submission does.
        const [{ id: paper }] = await dataSource.query(
          `INSERT INTO attachment (owner_id, paper_code, file_name, mime_type, size_bytes, sha256, storage_key)
           VALUES ($1, 'to_khai', 'to-khai.pdf', 'application/pdf', 100, repeat('0', 64), md5($2)) RETURNING id`,
          [f.applicant ? applicants[f.applicant] : payer, `${tag}${f.name}`],
        );
        await dataSource.query(`UPDATE attachment SET dossier_id = $2 WHERE id = $1`, [paper, id]);
      }
      if (f.paid) {
        const [{ id: payment }] = await dataSource.query(
          `INSERT INTO payment (reference, dossier_id, amount, items, created_by, idempotency_key, request_hash,
                                checkout_url, gateway_created, expires_at)
           VALUES ($1, $2, 8000, '[]', $3, $1, repeat('0', 64), 'http://127.0.0.1/', '20240304080000', now())
           RETURNING id`,
          [`IDX${tag}${f.name}`.slice(0, 32), id, payer],
        );
        await dataSource.query(`UPDATE payment SET state = 'succeeded' WHERE id = $1`, [payment]);
      }
      if (f.result) {
        await dataSource.query(
          `INSERT INTO dossier_result (dossier_id, verification_code, document_number, title, summary, content, sha256,
                                       signer_fingerprint, signer_name, signer_title, signed_at)
           VALUES ($1, $2, '1/2024/TLKS', 'TRÍCH LỤC', '[]', $3, repeat('0', 64), repeat('0', 64), 'Lê Văn Cường',
                   'CHỦ TỊCH', now())`,
          [id, `X${tag}${fixtures.indexOf(f)}`, TINY_PDF],
        );
      }
      if (f.rating !== undefined) {
        await dataSource.query(`INSERT INTO dossier_rating (dossier_id, score) VALUES ($1, $2)`, [id, f.rating]);
      }
    }
  });

  afterAll(async () => {
    // The specs share a database: the fixtures still open are closed where they began, so that they carry
    // over into no later period another spec counts.
    await dataSource?.query(
      `UPDATE dossier SET status = 'withdrawn', finished_at = received_at WHERE code LIKE $1 AND finished_at IS NULL`,
      [`IDX-${tag}-%`],
    );
    await api?.stop();
  });

  const read = async (who: BrowserClient, path: string, status = 200) => {
    const response = await who.get(path);
    expect({ path, status: response.status }).toEqual({ path, status });
    return response;
  };
  const index = async (who: BrowserClient, query: string) =>
    (await (await read(who, `/reports/service-index?${query}`)).json()) as ServiceIndexReport;
  const indicator = (ward: ServiceIndexWard, code: ServiceIndexCode) => ward.indicators.find((i) => i.code === code);
  const wardOf = (report: ServiceIndexReport, unitCode: string) => {
    const ward = report.wards.find((w) => w.unitCode === unitCode);
    if (!ward) throw new Error(`no ward ${unitCode}`);
    return ward;
  };

  it("scores every indicator of Ba Đình's March 2024 from its inputs", async () => {
    const report = await index(auditor, 'month=2024-03');
    expect(report.period).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    const ward = wardOf(report, '00004');
    expect(ward.inputs).toEqual({
      received: 4,
      receivedOnline: 2,
      resolved: 3,
      resolvedEarly: 1,
      resolvedOnTime: 1,
      resolvedOverdue: 1,
      inProgress: 1,
      inProgressWithinTime: 1,
      inProgressOverdue: 0,
      // Working days after reception up to the finish: 2 (A), 4 (B), 4 (C); three dossiers of a 3-day procedure.
      processingDays: 10,
      allowedDays: 9,
      feeBearing: 2,
      paidOnline: 1,
      approved: 3,
      electronicResult: 1,
      digitised: 2,
      eidVerified: 1,
      dissatisfied: 1,
    });
    expect(indicator(ward, '2.1')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75, score: 9, max: 12 });
    // 3.33 days against 3: 1/9 over, 8 × 8/9.
    expect(indicator(ward, '2.2')).toMatchObject({ numerator: 10, denominator: 3, value: 3.33, limit: 3, score: 7.11 });
    expect(indicator(ward, '3.3')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      score: 12,
      threshold: 0.5,
    });
    expect(indicator(ward, '3.6')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, score: 5, max: 10 });
    expect(indicator(ward, '4.1')).toMatchObject({ numerator: 1, denominator: 3, value: 0.3333, score: 2.67 });
    expect(indicator(ward, '4.2')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 0.5,
      score: 5,
      threshold: 0.8,
    });
    expect(indicator(ward, '4.5')).toMatchObject({ numerator: 1, denominator: 4, value: 0.25, score: 1.5 });
    // 100 % − (1/4 overdue + 1/3 dissatisfied), under the 90 % threshold.
    expect(indicator(ward, '5.4')).toMatchObject({ value: 0.4167, score: 2.78, max: 6, threshold: 0.9 });
    expect(Object.fromEntries(ward.groups.map((g) => [g.key, [g.score, g.measuredMax, g.max]]))).toEqual({
      transparency: [0, 0, 18],
      progress: [16.11, 20, 20],
      onlineServices: [12, 12, 12],
      onlinePayment: [5, 10, 10],
      digitisation: [9.17, 22, 22],
      satisfaction: [2.78, 6, 18],
    });
    expect(ward).toMatchObject({ total: 45.06, measuredMax: 70, scaled: 64.4, band: 'average' });
    expect(report.definitions.find((d) => d.code === '5.4')).toMatchObject({ maxSource: 'decision', max: 6 });
  });

  it('ranks the wards by total score, an indicator with nothing to measure left out', async () => {
    const report = await index(auditor, 'month=2024-03&provinceCode=01');
    expect(report.wards.map((w) => [w.rank, w.unitCode, w.total])).toEqual([
      [1, '00008', 52],
      [2, '00004', 45.06],
    ]);
    const ngocHa = wardOf(report, '00008');
    // Same-day death registration finished in 2 working days: no points for 2.2; no fee: 3.6 not measured.
    expect(indicator(ngocHa, '2.2')).toMatchObject({ value: 2, limit: 0, score: 0 });
    expect(indicator(ngocHa, '3.6')).toMatchObject({ denominator: 0, value: null, score: null });
    expect(ngocHa).toMatchObject({ measuredMax: 60, scaled: 86.7, band: 'good' });
    expect(report.overall.inputs.received).toBe(5);
    // Ranked over every ward the query covers, answered a hundred at a time: the next page is past the last ward.
    expect(report).toMatchObject({ wardCount: 2, page: 1, pageSize: 100 });
    const next = await index(auditor, 'month=2024-03&provinceCode=01&page=2');
    expect(next).toMatchObject({ wards: [], wardCount: 2, page: 2 });
    expect(next.overall).toEqual(report.overall);
    await read(auditor, '/reports/service-index?month=2024-03&page=0', 400);
    // Nothing happened in March 2023 in these wards.
    expect((await index(auditor, 'month=2023-03&provinceCode=01')).wards).toEqual([]);
  });

  it("gives a ward's leader their own ward, audited, and refuses others", async () => {
    const own = await index(leader, 'month=2024-03');
    expect(own.filters).toEqual({ unitCode: '00004', provinceCode: null });
    expect(own.wards.map((w) => w.unitCode)).toEqual(['00004']);
    const refused = await read(leader, '/reports/service-index?month=2024-03&unitCode=00008', 403);
    expect(((await refused.json()) as { code: string }).code).toBe('REPORT_OUT_OF_SCOPE');
    await read(clerk, '/reports/service-index?month=2024-03', 403);
    await read(new BrowserClient(base), '/reports/service-index?month=2024-03', 401);
    await read(auditor, '/reports/service-index?month=2024-03&year=2024', 400);
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'report.service-index-read' AND details->>'from' = '2024-03-01'`,
    );
    expect(n).toBeGreaterThanOrEqual(3);
  });

  it('publishes the index without sign-in as JSON and as CSV with a BOM, cacheable', async () => {
    const json = await read(anyone, '/public/service-index?month=2024-03&provinceCode=01');
    expect(json.headers.get('cache-control')).toBe('public, max-age=300');
    const open = (await json.json()) as ServiceIndexReport;
    expect(open.wards.map((w) => [w.unitCode, w.total])).toEqual([
      ['00008', 52],
      ['00004', 45.06],
    ]);
    // Aggregates only: no dossier code, no applicant.
    expect(JSON.stringify(open)).not.toContain(tag);
    // The same question within a minute: the same answer, computed once.
    const again = (await (
      await read(anyone, '/public/service-index?month=2024-03&provinceCode=01')
    ).json()) as ServiceIndexReport;
    expect(again.generatedAt).toBe(open.generatedAt);

    const csv = await read(new BrowserClient(base, { language: 'en' }), '/public/service-index.csv?month=2024-03');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('public, max-age=300');
    expect(csv.headers.get('content-disposition')).toContain('chi-so-phuc-vu_2024-03-01_2024-03-31.csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\n');
    const header = lines[0].split(',');
    const row = (unit: string) => {
      const line = lines.find((l) => l.split(',')[3] === unit);
      if (!line) throw new Error(`no row for ${unit}`);
      return Object.fromEntries(line.split(',').map((value, i) => [header[i], value]));
    };
    const baDinh = row('00004');
    expect(baDinh).toMatchObject({
      Rank: '2',
      Unit: 'Ba Dinh Ward',
      '2.1 numerator': '3',
      '2.1 denominator': '4',
      '2.1 value': '0.75',
      '2.1 score': '9',
      '2.1 maximum': '12',
      '2.2 average time limit': '3',
      '3.6 score': '5',
      '5.4 score': '2.78',
      'Total score': '45.06',
      Band: 'Average',
    });
    expect(row('00008')).toMatchObject({ Rank: '1', '3.6 value': '', '3.6 score': '' });

    // The headings' language named in the address wins over the request's.
    const named = await read(
      new BrowserClient(base, { language: 'en' }),
      '/public/service-index.csv?month=2024-03&lang=vi',
    );
    expect(new TextDecoder().decode(await named.arrayBuffer())).toContain('2.1 tử số');
    const vi = await read(anyone, '/public/service-index.csv?month=2024-03');
    expect(new TextDecoder().decode(await vi.arrayBuffer())).toContain('Phường Ngọc Hà');
    await read(anyone, '/public/service-index?month=2024-3', 400);
  });

  it('follows a rating that changes, and the counters stay equal to a direct count', async () => {
    await dataSource.query(`UPDATE dossier_rating SET score = 4, updated_at = now() WHERE dossier_id = $1`, [
      ids.get('B-ontime-unhappy'),
    ]);
    let ward = wardOf(await index(auditor, 'month=2024-03&unitCode=00004'), '00004');
    expect(ward.inputs.dissatisfied).toBe(0);
    // 100 % − 1/4 overdue = 75 %: 6 × 0.75 / 0.9.
    expect(indicator(ward, '5.4')).toMatchObject({ value: 0.75, score: 5 });
    expect(ward.total).toBe(47.28);
    await dataSource.query(`UPDATE dossier_rating SET score = 2 WHERE dossier_id = $1`, [ids.get('A-early-eid')]);
    await dataSource.query(`DELETE FROM dossier_rating WHERE dossier_id = $1`, [ids.get('B-ontime-unhappy')]);
    ward = wardOf(await index(auditor, 'month=2024-03&unitCode=00004'), '00004');
    expect(ward.inputs.dissatisfied).toBe(1);
    // A paper taken off a dossier: no longer digitised.
    await dataSource.query(`UPDATE attachment SET dossier_id = NULL WHERE dossier_id = $1`, [
      ids.get('B-ontime-unhappy'),
    ]);
    ward = wardOf(await index(auditor, 'month=2024-03&unitCode=00004'), '00004');
    expect(ward.inputs.digitised).toBe(1);
    expect(await checkReportAggregates(dataSource)).toEqual([]);
  });
});
