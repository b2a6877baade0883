import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { IdentitySeeder } from '@portal/server/identity';
import { loadConfig } from '@portal/server/platform';
import { aSignedInAccount, aSignedInCitizen, BrowserClient } from '@portal/testing';
import { createApp } from './create-app';

describe('the queue dashboard (Bull Board) at /admin/queues', () => {
  let app: INestApplication;
  let site: string;

  beforeAll(async () => {
    app = await createApp(loadConfig());
    await app.get(IdentitySeeder).seed();
    await app.listen(0, '127.0.0.1');
    site = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('sends a signed-out visitor to sign in, refuses a citizen, and shows every queue to an administrator', async () => {
    const anonymous = await new BrowserClient(`${site}/api`).start();
    const away = await fetch(`${site}/admin/queues`, {
      redirect: 'manual',
      headers: { Cookie: [...anonymous.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(away.status).toBe(302);
    expect(away.headers.get('location')).toBe('/sign-in?returnUrl=%2Fadmin%2Fqueues');

    const citizen = await aSignedInCitizen(`${site}/api`);
    const cookie = (browser: BrowserClient) => [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await fetch(`${site}/admin/queues`, { headers: { Cookie: cookie(citizen.browser) } })).status).toBe(403);

    const admin = await aSignedInAccount(`${site}/api`, 'admin@demo.dichvucong.vn');
    const page = await fetch(`${site}/admin/queues`, { headers: { Cookie: cookie(admin) } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Cổng Dịch vụ công — hàng đợi');
    const queues = (await (
      await fetch(`${site}/admin/queues/api/queues`, { headers: { Cookie: cookie(admin) } })
    ).json()) as {
      queues: Array<{ name: string }>;
    };
    expect(queues.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['notifications', 'dossier-intake', 'sla-timers', 'agency-fan-out', 'housekeeping']),
    );
  });
});
