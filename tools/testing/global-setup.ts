import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '../..');
// Jest runs the global setup outside its module system, so the path aliases are registered
// here, before anything that uses them is loaded.
register({
  baseUrl: root,
  paths: JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths,
});

export default async function globalSetup(): Promise<void> {
  // Loaded only now, after register().
  const { setUpTestRun } = require('./test-run-setup') as typeof import('./test-run-setup');
  await setUpTestRun();
}
