import 'reflect-metadata';
import { IntakeProcessor } from '@portal/server/dossiers';
import { QueueNames } from '@portal/server/platform';
import {
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  eventually,
  vietnamDaysAgo,
} from '@portal/testing';
import type { OfficeDossier } from '@portal/contracts';
import type { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';

describe('automatic intake checks after submission (outbox → BullMQ → processor)', () => {
  let api: ApiUnderTest;
  let base: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi({
      processor: { queue: QueueNames.dossierIntake, build: (dataSource) => new IntakeProcessor(dataSource) },
    });
    ({ base, dataSource } = api);
  });

  afterAll(() => api.stop());

  const intake = (code: string) =>
    eventually(
      async () =>
        (
          await dataSource.query(
            `SELECT e.details FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
              WHERE d.code = $1 AND e.action = 'intake-check'`,
            [code],
          )
        )[0]?.details,
      20_000,
      `the intake check of ${code}`,
    );

  it('records complete papers, and flags a second application for the same birth as a possible duplicate', async () => {
    // A name of this test's own: other tests of the run register children too.
    const child = { fullName: 'Hoàng Bảo Ngọc', sex: 'female', dateOfBirth: vietnamDaysAgo(4) };
    const first = await aSubmittedBirthRegistration((await aSignedInCitizen(base)).browser, { child });
    expect(await intake(first)).toEqual({ papersComplete: true, missingPapers: [], duplicateOf: [] });

    const second = await aSubmittedBirthRegistration((await aSignedInCitizen(base)).browser, { child });
    expect(await intake(second)).toMatchObject({ papersComplete: true, duplicateOf: expect.arrayContaining([first]) });
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'intake-check'`,
      [second],
    );
    expect(n).toBe(1);

    // The clerk sees what the check found; the citizen's own timeline shows no internal step.
    const clerk = await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn');
    const seen = (await (await clerk.get(`/office/dossiers/${second}`)).json()) as OfficeDossier;
    expect(seen.timeline.find((e) => e.action === 'intake-check')?.details).toMatchObject({ duplicateOf: [first] });
  });
});
