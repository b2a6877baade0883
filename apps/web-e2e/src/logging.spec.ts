import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const apiLog = join(__dirname, '../../../tmp/e2e-data/logs/api.log');

test('API logs are JSON lines with the request id and without query strings or personal data', async ({ request }) => {
  const requestId = `e2e-${randomUUID()}`;
  const response = await request.get('/api/procedures/does-not-exist?phone=0912345678&fullName=Nguyen%20Van%20A', {
    headers: { 'X-Request-Id': requestId },
  });
  expect(response.status()).toBe(404);

  await expect.poll(() => readFileSync(apiLog, 'utf8').includes(requestId)).toBe(true);
  const lines = readFileSync(apiLog, 'utf8').trim().split('\n');
  const ours = lines.filter((line) => line.includes(requestId)).map((line) => JSON.parse(line));
  expect(ours).toContainEqual(
    expect.objectContaining({ req: { id: requestId, method: 'GET', path: '/api/procedures/does-not-exist' } }),
  );
  const text = lines.filter((line) => line.includes(requestId)).join('\n');
  expect(text).not.toContain('0912345678');
  expect(text).not.toContain('Nguyen');
  for (const line of lines.slice(-50)) expect(() => JSON.parse(line)).not.toThrow();
});
