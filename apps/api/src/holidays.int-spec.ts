import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { ApiError, HolidayView, OfficeDossier } from '@portal/contracts';
import { CatalogueSeeder, HolidaysService } from '@portal/server/catalogue';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import { dueAt, timeLimitInWorkingDays } from '@portal/server/workflow';
import {
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  BrowserClient,
  vietnamDaysAgo,
} from '@portal/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './create-app';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('API: the holiday calendar that due dates are counted with', () => {
  let app: INestApplication;
  let base: string;
  let dataSource: DataSource;
  let admin: BrowserClient;
  let clerk: BrowserClient;
  const uploadDir = mkdtempSync(join(tmpdir(), 'portal-holidays-'));
  /** Today and the 13 days after it: the ones not already days off are added by the last test and removed at the end. */
  const fortnight = Array.from({ length: 14 }, (_, i) => vietnamDaysAgo(-i));
  let addedByTest: string[] = [];

  beforeAll(async () => {
    app = await createApp({ ...loadConfig(), UPLOAD_DIR: uploadDir });
    await app.get(IdentitySeeder).seed();
    await app.get(CatalogueSeeder).seed();
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
    dataSource = app.get(DataSource);
    admin = await aSignedInAccount(base, 'admin@demo.dichvucong.vn');
    clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM holiday WHERE day = ANY($1::date[])`, [addedByTest]);
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('is seeded with the days off of 2026 and 2027, Tết included, in both languages', async () => {
    const response = await new BrowserClient(base).get('/holidays?year=2026');
    expect(response.status).toBe(200);
    const days = (await response.json()) as HolidayView[];
    expect(days.map((d) => d.day)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(days[2].name).toEqual({ vi: 'Tết Nguyên đán Bính Ngọ', en: 'Lunar New Year (Tết)' });
    expect(((await (await new BrowserClient(base).get('/holidays?year=2027')).json()) as HolidayView[]).length).toBe(
      11,
    );
    expect((await new BrowserClient(base).get('/holidays?year=next')).status).toBe(400);

    // The seeded calendar is the one the due dates are counted with: across Tết 2026 and 2027.
    const calendar = await app.get(HolidaysService).calendar();
    expect(dueAt(vn('2026-02-13T10:00:00'), 3, calendar)).toEqual(vn('2026-02-25T17:00:00'));
    expect(dueAt(vn('2027-02-04T09:00:00'), 1, calendar)).toEqual(vn('2027-02-12T17:00:00'));
  });

  it('is kept by administrators only, with clear answers to bad input, and every change audited', async () => {
    const holiday = { day: '2026-12-24', name: 'Ngày nghỉ thử nghiệm', nameEn: 'Trial day off' };
    expect((await new BrowserClient(base).start().then((b) => b.post('/admin/holidays', holiday))).status).toBe(401);
    expect((await clerk.post('/admin/holidays', holiday)).status).toBe(403);

    const bad = await admin.post('/admin/holidays', { day: '2026-02-30', name: ' ', nameEn: 'x'.repeat(101) });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as ApiError;
    expect((problem.details?.['fields'] as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'day',
      'name',
      'nameEn',
    ]);

    const added = await admin.post('/admin/holidays', holiday);
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ day: '2026-12-24', name: { vi: holiday.name, en: holiday.nameEn } });
    const again = await admin.request('POST', '/admin/holidays', holiday, { 'Accept-Language': 'vi' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiError).message).toBe('Ngày này đã có trong lịch nghỉ.');
    expect((await app.get(HolidaysService).calendar()).has('2026-12-24')).toBe(true);

    expect((await clerk.delete('/admin/holidays/2026-12-24')).status).toBe(403);
    expect((await admin.delete('/admin/holidays/2026-12-24')).status).toBe(204);
    expect((await admin.delete('/admin/holidays/2026-12-24')).status).toBe(404);
    expect((await admin.delete('/admin/holidays/not-a-day')).status).toBe(404);
    expect((await app.get(HolidaysService).calendar()).has('2026-12-24')).toBe(false);

    const audited = await dataSource.query(
      `SELECT action FROM audit_event WHERE target_type = 'holiday' AND target_id = '2026-12-24' ORDER BY id`,
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['holiday.add', 'holiday.remove']);
  });

  it('moves the due date of a dossier received after a day off is added', async () => {
    const citizen = await aSignedInCitizen(base);
    const receive = async () => {
      const code = await aSubmittedBirthRegistration(citizen.browser);
      const seen = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
      const received = await clerk.post(`/office/dossiers/${code}/actions/receive`, { version: seen.version });
      const [row] = await dataSource.query(
        `SELECT d.received_at, p.time_limit_amount, p.time_limit_unit FROM dossier d JOIN procedure p ON p.code = d.procedure_code
          WHERE d.code = $1`,
        [code],
      );
      return {
        due: new Date(((await received.json()) as OfficeDossier).dueAt as string),
        receivedAt: row.received_at as Date,
        limit: timeLimitInWorkingDays(Number(row.time_limit_amount), row.time_limit_unit),
      };
    };
    const before = await receive();
    const seeded = new Set(await app.get(HolidaysService).calendar());
    addedByTest = fortnight.filter((day) => !seeded.has(day));
    for (const day of addedByTest) {
      const response = await admin.post('/admin/holidays', { day, name: 'Nghỉ thử nghiệm', nameEn: 'Trial day off' });
      expect(response.status).toBe(201);
    }
    const after = await receive();
    // Due dates count with the calendar of the moment they were received: the fortnight's working days are gone.
    const calendar = await app.get(HolidaysService).calendar();
    expect(before.due).toEqual(dueAt(before.receivedAt, before.limit, seeded));
    expect(after.due).toEqual(dueAt(after.receivedAt, after.limit, calendar));
    expect(after.due.getTime()).toBeGreaterThan(vn(`${fortnight[13]}T17:00:00`).getTime());
    expect(after.due.getTime() - before.due.getTime()).toBeGreaterThanOrEqual(10 * 86_400_000);
  });
});
