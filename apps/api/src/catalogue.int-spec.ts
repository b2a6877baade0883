import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { ApiError, ProcedureDetail, ProcedureSummary } from '@portal/contracts';
import { CatalogueSeeder } from '@portal/server/catalogue';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

describe('API: catalogue, errors and operations', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await createApp(loadConfig());
    await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  it('lists the birth registration procedures in Vietnamese and English', async () => {
    const response = await get('/procedures');
    expect(response.status).toBe(200);
    const list = (await response.json()) as ProcedureSummary[];
    const birth = list.find((p) => p.code === '1.001193');
    expect(birth).toMatchObject({
      name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
      serviceLevel: 'full',
      handlingTier: 'commune',
      timeLimit: { amount: 0, unit: 'working_days' },
      minimumFee: 0,
    });
    expect(list.map((p) => p.code)).toContain('LT.KS-TT-BHYT');
  });

  it('shows one procedure with its fees, time limit and required papers', async () => {
    const response = await get('/procedures/1.001193');
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ProcedureDetail;
    expect(detail.requiredPapers.map((p) => p.code)).toEqual(
      expect.arrayContaining(['medical_birth_certificate', 'marriage_certificate']),
    );
    expect(detail.requiredPapers.find((p) => p.code === 'medical_birth_certificate')?.mandatory).toBe(true);
    expect(detail.fees.find((f) => f.case === 'on_time')?.amount).toBe(0);
    expect(detail.legalBasis.map((l) => l.reference)).toContain('60/2014/QH13');
  });

  it('answers an unknown procedure with 404 and a JSON error in Vietnamese by default', async () => {
    const response = await get('/procedures/does-not-exist');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as ApiError;
    expect(body.code).toBe('PROCEDURE_NOT_FOUND');
    expect(body.message).toBe('Không tìm thấy thủ tục có mã "does-not-exist". Vui lòng kiểm tra lại mã thủ tục.');
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('gives the same error in English to a caller who prefers English', async () => {
    const body = (await (
      await get('/procedures/does-not-exist', { 'Accept-Language': 'en-GB,en;q=0.9' })
    ).json()) as ApiError;
    expect(body.message).toBe('There is no procedure with the code "does-not-exist". Please check the code.');
  });

  it('answers an over-long code with 404, not a database error', async () => {
    const response = await get(`/procedures/${'9'.repeat(500)}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiError).code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await get('/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('keeps a well-formed request id given by the caller, and makes one otherwise', async () => {
    expect((await get('/health/live', { 'X-Request-Id': 'trace-abc-12345' })).headers.get('x-request-id')).toBe(
      'trace-abc-12345',
    );
    expect((await get('/health/live', { 'X-Request-Id': 'bad id with spaces' })).headers.get('x-request-id')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('is live, and ready when PostgreSQL and Redis answer', async () => {
    expect(await (await get('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('exposes Prometheus metrics: request latency by route and queue depth', async () => {
    await get('/procedures');
    const text = await (await get('/metrics')).text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/procedures",status="200"\} \d+/,
    );
    expect(text).toMatch(/queue_jobs\{queue="housekeeping",state="waiting"\} \d+/);
    expect(text).toMatch(/outbox_pending_messages \d+/);
  });

  it('publishes an OpenAPI document that describes the catalogue', async () => {
    const document = (await (await get('/docs/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/procedures', '/api/procedures/{code}']));
  });

  it('seeds idempotently: a second run adds and changes nothing', async () => {
    const dataSource = app.get(DataSource);
    const count = async () =>
      (
        await dataSource.query(
          `SELECT (SELECT count(*) FROM administrative_unit)::int AS units, (SELECT count(*) FROM app_user)::int AS users,
                  (SELECT count(*) FROM procedure)::int AS procedures, (SELECT sum(version) FROM procedure)::int AS versions`,
        )
      )[0];
    const before = await count();
    const identity = await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    expect(identity.accounts).toBe(0);
    expect(await count()).toEqual(before);
  });

  it('stores demo passwords as argon2id hashes', async () => {
    const [row] = await app
      .get(DataSource)
      .query(`SELECT password_hash FROM app_user WHERE email = 'citizen@demo.dichvucong.vn'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
