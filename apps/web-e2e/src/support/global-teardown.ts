import { deleteRedisKeys, dropDatabase } from '@portal/testing';

/** Removes this run's database and Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.E2E_RUN_ID;
  if (!runId) return;
  await dropDatabase(`portal_e2e_${runId}`);
  await deleteRedisKeys(`e2e-${runId}`);
}
