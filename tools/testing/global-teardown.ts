/** Removes this run's database and Redis keys (the global setup registered the path aliases). */
export default async function globalTeardown(): Promise<void> {
  const { deleteRedisKeys, dropDatabase } = await import('@portal/testing');
  if (process.env.TEST_DATABASE_NAME) await dropDatabase(process.env.TEST_DATABASE_NAME);
  if (process.env.QUEUE_PREFIX?.startsWith('test-')) await deleteRedisKeys(process.env.QUEUE_PREFIX);
}
