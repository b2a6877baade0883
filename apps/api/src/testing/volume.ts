import type { InboxPage, InboxTab, OfficeDossier, WorkflowAction } from '@portal/contracts';
import { buildDataSourceOptions, loadConfig } from '@portal/server/platform';
import { aSignedInAccount, createDatabase, dropDatabase, type BrowserClient } from '@portal/testing';
import { DataSource } from 'typeorm';

/** A new database of this name (an older one dropped) with every migration applied: its URL. */
export async function migratedDatabase(name: string): Promise<string> {
  await dropDatabase(name);
  const url = await createDatabase(name);
  const dataSource = await new DataSource(
    buildDataSourceOptions({ ...loadConfig({}), DATABASE_URL: url }),
  ).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return url;
}

/** Which tab holds the dossiers that each role moves on, and what it does to them. */
const MOVES: Array<{ tab: InboxTab; role: 'clerk' | 'leader'; actions: WorkflowAction[] }> = [
  { tab: 'to_receive', role: 'clerk', actions: ['receive'] },
  { tab: 'in_progress', role: 'clerk', actions: ['start', 'propose_approval'] },
  { tab: 'to_sign', role: 'leader', actions: ['sign'] },
];

/**
 * A run of the workflow through the API as Ba Đình's clerk and leader do it: dossiers received,
 * started, proposed and signed, up to `actions` actions, each the real request with its version.
 * Answers how many of each action were taken.
 */
export async function workflowRun(base: string, actions: number): Promise<Record<string, number>> {
  const staff: Record<'clerk' | 'leader', BrowserClient> = {
    clerk: await aSignedInAccount(base, 'clerk.badinh@demo.dichvucong.vn'),
    leader: await aSignedInAccount(base, 'leader.badinh@demo.dichvucong.vn'),
  };
  const taken: Record<string, number> = {};
  let left = actions;
  for (let round = 0; left > 0 && round < 20; round++) {
    let movedThisRound = 0;
    for (const move of MOVES) {
      const browser = staff[move.role];
      const inbox = (await (await browser.get(`/office/dossiers?tab=${move.tab}`)).json()) as InboxPage;
      for (const row of inbox.rows) {
        if (left <= 0) break;
        const dossier = (await (await browser.get(`/office/dossiers/${row.code}`)).json()) as OfficeDossier;
        const action = move.actions.find((a) => dossier.allowedActions.includes(a));
        if (!action) continue;
        const response = await browser.post(`/office/dossiers/${row.code}/actions/${action}`, {
          version: dossier.version,
        });
        if (response.status !== 200)
          throw new Error(`${action} ${row.code}: ${response.status} ${await response.text()}`);
        taken[action] = (taken[action] ?? 0) + 1;
        left--;
        movedThisRound++;
      }
    }
    if (!movedThisRound) break;
  }
  return taken;
}
