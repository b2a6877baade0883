export default async function globalTeardown(): Promise<void> {
  const { tearDownTestRun } = require('./test-run-setup') as typeof import('./test-run-setup');
  await tearDownTestRun();
}
