import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@portal/server/platform';
import { createApp } from './create-app';

describe('API readiness without Redis', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    // Nothing listens on port 1: the API starts, but must not claim to be ready.
    app = await createApp({ ...loadConfig(), REDIS_URL: 'redis://127.0.0.1:1' });
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('stays live but answers 503 on readiness, naming Redis as down', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { status: 'error', error: { redis: { status: 'down' } }, info: { postgres: { status: 'up' } } },
    });
  });
});
