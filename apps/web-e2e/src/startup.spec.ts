import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

function startApi(env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: '4399', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

test.describe('the API process at start-up', () => {
  test('stops with one line naming a malformed DATABASE_URL and its expected shape', () => {
    const result = startApi({ DATABASE_URL: 'not-a-url' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Configuration error: DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database (got "not-a-url").',
    );
  });

  test('stops with a clear message when nothing answers at DATABASE_URL', () => {
    const result = startApi({ DATABASE_URL: 'postgres://portal:secret@127.0.0.1:1/portal' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot use PostgreSQL at 127.0.0.1:1/portal (DATABASE_URL)');
    expect(result.stderr).not.toContain('secret');
  });
});
