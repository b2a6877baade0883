import 'reflect-metadata';
import type { OfficeDossier } from '@portal/contracts';
import { scheduleSlaTimers, SlaTimerProcessor } from '@portal/server/dossiers';
import { QueueNames } from '@portal/server/platform';
import { aSignedInAccount, aSignedInCitizen, aSubmittedBirthRegistration, eventually } from '@portal/testing';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

describe('SLA timers: due soon and overdue, as delayed jobs that follow the due time', () => {
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi({
      processor: { queue: QueueNames.slaTimers, build: (dataSource) => new SlaTimerProcessor(dataSource) },
    });
    ({ base, dataSource } = api);
  });

  afterAll(() => api.stop());

  async function receivedDossier(): Promise<{ id: string; code: string }> {
    const code = await aSubmittedBirthRegistration((await aSignedInCitizen(base)).browser);
    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const { version } = (await (await clerk.get(`/office/dossiers/${code}`)).json()) as OfficeDossier;
    expect((await clerk.post(`/office/dossiers/${code}/actions/receive`, { version })).status).toBe(200);
    const [{ id }] = await dataSource.query(`SELECT id FROM dossier WHERE code = $1`, [code]);
    return { id, code };
  }

  const timerEvents = async (dossierId: string) =>
    (
      await dataSource.query(
        `SELECT action, details->>'dueAt' AS due FROM dossier_event WHERE dossier_id = $1 AND action LIKE 'sla-%' ORDER BY id`,
        [dossierId],
      )
    ).map((e: { action: string; due: string }) => `${e.action}@${e.due}`);

  it('sets both timers when the clerk receives the dossier: 75 % of the time, and the due time', async () => {
    const { id } = await receivedDossier();
    const [dossier] = await dataSource.query(`SELECT received_at, due_at FROM dossier WHERE id = $1`, [id]);
    const timers = await dataSource.query(
      `SELECT job_name, run_at FROM outbox_message WHERE queue = 'sla-timers' AND payload->>'dossierId' = $1 ORDER BY run_at`,
      [id],
    );
    expect(timers.map((t: { job_name: string }) => t.job_name)).toEqual(['sla-warning', 'sla-overdue']);
    expect(new Date(timers[1].run_at).getTime()).toBe(new Date(dossier.due_at).getTime());
    const received = new Date(dossier.received_at).getTime();
    const span = new Date(dossier.due_at).getTime() - received;
    expect(Math.abs(new Date(timers[0].run_at).getTime() - (received + 0.75 * span))).toBeLessThan(1000);
  });

  it('records "due soon" and then "overdue" once each when the timers fire', async () => {
    const { id } = await receivedDossier();
    const due = new Date(Date.now() + 1500);
    await dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [id, due]);
      // The same timers set twice (a relay publishing again, say): each is recorded once.
      for (let i = 0; i < 2; i++) {
        await scheduleSlaTimers(manager, { dossierId: id, clockStart: new Date(), due, pausedSeconds: 0 });
      }
    });
    await eventually(async () => (await timerEvents(id)).length === 2, 15_000, 'both timers firing');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the twins have run too
    expect(await timerEvents(id)).toEqual([`sla-warning@${due.toISOString()}`, `sla-overdue@${due.toISOString()}`]);
  });

  it('ignores a timer whose due time has moved (the clock paused), and fires the new one', async () => {
    const { id } = await receivedDossier();
    const first = new Date(Date.now() + 800);
    const moved = new Date(Date.now() + 2500);
    // Both sets of timers and the move commit together, so the first set can only ever find the moved due time
    // (however slow this machine), and fires before the second (it is due earlier).
    await dataSource.transaction(async (manager) => {
      await scheduleSlaTimers(manager, { dossierId: id, clockStart: new Date(), due: first, pausedSeconds: 0 });
      await manager.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [id, moved]);
      await scheduleSlaTimers(manager, { dossierId: id, clockStart: new Date(), due: moved, pausedSeconds: 0 });
    });
    await eventually(
      async () => (await timerEvents(id)).includes(`sla-overdue@${moved.toISOString()}`),
      15_000,
      'the moved timer',
    );
    expect((await timerEvents(id)).filter((e: string) => e.endsWith(first.toISOString()))).toEqual([]);
  });
});
