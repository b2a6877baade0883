import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ConfigModule,
  DatabaseModule,
  defaultJobOptions,
  loadConfig,
  OutboxRelayModule,
  QueueNames,
  redisOptionsFromUrl,
  writeToOutbox,
  type AppConfig,
} from '@portal/server/platform';
import { eventually } from '@portal/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { NotificationsModule } from './notifications.module';
import { queueNotification, SEND_NOTIFICATION_JOB } from './queue-notification';
import { InvalidNotification, type TemplateParams } from './templates';

const root = join(__dirname, '../../../..');

interface CaughtMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  attachments: { fileName: string | null; contentType: string; size: number; sha256: string }[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * The mail catcher (apps/mail-catcher) as the separate process it is in development, run from its
 * source so that the test never reads a stale build. A library may not import an app.
 */
class MailCatcherProcess {
  private child?: ChildProcess;

  constructor(
    readonly smtpPort: number,
    readonly httpPort: number,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/mail-catcher/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        MAIL_CATCHER_SMTP_PORT: String(this.smtpPort),
        MAIL_CATCHER_HTTP_PORT: String(this.httpPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      () => {
        if (child.exitCode !== null) throw new Error(`the mail catcher exited: ${output}`);
        return output.includes('mail catcher listening');
      },
      20_000,
      'the mail catcher starting',
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async messagesTo(address: string): Promise<CaughtMail[]> {
    const response = await fetch(`http://127.0.0.1:${this.httpPort}/api/messages?to=${encodeURIComponent(address)}`);
    return (await response.json()) as CaughtMail[];
  }
}

/** What the worker runs for notifications: the outbox relay and the notifications processor. */
@Module({})
class NotificationsWorker {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationsWorker,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('notifications-test'),
        BullModule.forRoot({
          connection: redisOptionsFromUrl(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
          defaultJobOptions,
        }),
        OutboxRelayModule,
        NotificationsModule,
      ],
    };
  }
}

const submitted: TemplateParams<'dossier-submitted'> = {
  dossierCode: 'HS-NT-251128-000001',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  unitName: 'Phường Thử Nghiệm',
  dueDate: '2025-12-02T09:00:00.000Z',
  receiptUrl: 'http://localhost:3000/dossiers/HS-NT-251128-000001/receipt',
};

describe('notifications', () => {
  let catcher: MailCatcherProcess;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let config: AppConfig;
  let dossierId: string;
  let sequence = 0;

  /** A fresh address per test, so that each one reads only its own mail. */
  const recipient = (name: string) => `${name}.${Date.now().toString(36)}.${++sequence}@example.vn`;

  const row = async (id: string) =>
    (
      await dataSource.query(
        `SELECT status, attempts, last_error, sent_at, dossier_id, language FROM notification WHERE id = $1`,
        [id],
      )
    )[0];

  /** Waits for mail to the address; the newest first. */
  const mailTo = (address: string) =>
    eventually(
      async () => {
        const mails = await catcher.messagesTo(address);
        return mails.length > 0 && mails;
      },
      15_000,
      `mail to ${address}`,
    );

  beforeAll(async () => {
    catcher = new MailCatcherProcess(await freePort(), await freePort());
    await catcher.start();
    config = { ...loadConfig(), SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}` };
    worker = await NestFactory.createApplicationContext(NotificationsWorker.forRoot(config), { logger: false });
    worker.enableShutdownHooks();
    dataSource = worker.get(DataSource);
    queue = new Queue(QueueNames.notifications, {
      connection: redisOptionsFromUrl(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });

    await dataSource.query(
      `INSERT INTO administrative_unit (code, name, name_en, tier, kind) VALUES ('NT01', 'Tỉnh Thử Nghiệm', 'Test Province', 'province', 'province')
       ON CONFLICT DO NOTHING`,
    );
    await dataSource.query(
      `INSERT INTO procedure (code, name, name_en, field, field_en, description, description_en, handling_agency,
         handling_agency_en, service_level, handling_tier, time_limit_amount, time_limit_unit, workflow)
       VALUES ('NT-1', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'full', 'commune', 1, 'working_days', 'w')
       ON CONFLICT DO NOTHING`,
    );
    [{ id: dossierId }] = await dataSource.query(
      `INSERT INTO dossier (code, procedure_code, unit_code, channel, status)
       VALUES ($1, 'NT-1', 'NT01', 'online', 'new') RETURNING id`,
      [submitted.dossierCode],
    );
  });

  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await catcher?.stop();
  });

  beforeEach(async () => {
    if (!catcher.running) await catcher.start();
  });

  it('sends a committed notification to the mail server in the recipient’s language and marks it sent', async () => {
    const vi = recipient('an');
    const en = recipient('binh');
    const [viId, enId] = await dataSource.transaction(async (manager) => [
      await queueNotification(manager, {
        channel: 'email',
        template: 'dossier-submitted',
        language: 'vi',
        recipient: vi,
        params: submitted,
        dossierId,
      }),
      await queueNotification(manager, {
        channel: 'email',
        template: 'account-registered',
        language: 'en',
        recipient: en,
        params: { fullName: 'Trần Thị Bình' },
      }),
    ]);

    const [viMail] = await mailTo(vi);
    expect(viMail.subject).toBe('Hồ sơ HS-NT-251128-000001 đã được nộp thành công');
    expect(viMail.from).toBe('"Cổng Dịch vụ công" <no-reply@dichvucong.local>');
    expect(viMail.text).toContain('Ngày hẹn trả kết quả (dự kiến): 02/12/2025');
    expect(viMail.html).toContain('<html lang="vi">');
    expect(viMail.messageId).toBe(`<${viId}@dichvucong.local>`); // the same on a resend

    const [enMail] = await mailTo(en);
    expect(enMail.subject).toBe('Your Public Service Portal account has been created');
    expect(enMail.text).toContain('Dear Trần Thị Bình,');

    const viRow = await eventually(async () => {
      const r = await row(viId);
      return r.status === 'sent' && r;
    });
    expect(viRow).toMatchObject({ attempts: 1, last_error: null, dossier_id: dossierId, language: 'vi' });
    expect(viRow.sent_at).toBeInstanceOf(Date);
    await eventually(async () => (await row(enId)).status === 'sent');
  });

  it('sends the files a notification carries as attachments, the same bytes', async () => {
    const to = recipient('chi');
    const receipt = Buffer.from('%PDF-1.7\n% biên lai\n%%EOF\n');
    await dataSource.transaction((manager) =>
      queueNotification(manager, {
        channel: 'email',
        template: 'dossier-submitted',
        language: 'vi',
        recipient: to,
        params: submitted,
        attachments: [{ fileName: 'BL-2026-000001.pdf', contentType: 'application/pdf', content: receipt }],
      }),
    );
    const [mail] = await mailTo(to);
    expect(mail.attachments).toEqual([
      {
        fileName: 'BL-2026-000001.pdf',
        contentType: 'application/pdf',
        size: receipt.length,
        sha256: createHash('sha256').update(receipt).digest('hex'),
      },
    ]);
  });

  it('sends nothing when the transaction that queued the notification rolls back', async () => {
    const rolledBack = recipient('rolled-back');
    const committed = recipient('committed');
    await expect(
      dataSource.transaction(async (manager) => {
        await queueNotification(manager, {
          channel: 'email',
          template: 'account-registered',
          language: 'vi',
          recipient: rolledBack,
          params: { fullName: 'Lê Văn Cường' },
        });
        throw new Error('the registration failed');
      }),
    ).rejects.toThrow('the registration failed');
    // A notification queued afterwards arriving shows the worker has passed the rolled-back one by.
    await dataSource.transaction((manager) =>
      queueNotification(manager, {
        channel: 'email',
        template: 'account-registered',
        language: 'vi',
        recipient: committed,
        params: { fullName: 'Phạm Thị Dung' },
      }),
    );
    await mailTo(committed);

    expect(await catcher.messagesTo(rolledBack)).toEqual([]);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient = $1`, [
      rolledBack,
    ]);
    expect(n).toBe(0);
  });

  it('sends a notification once even when its job runs a second time', async () => {
    const to = recipient('once');
    const id = await dataSource.transaction((manager) =>
      queueNotification(manager, {
        channel: 'email',
        template: 'account-registered',
        language: 'en',
        recipient: to,
        params: { fullName: 'Hoàng Văn Em' },
      }),
    );
    await eventually(async () => (await row(id)).status === 'sent');

    const again = await queue.add(SEND_NOTIFICATION_JOB, { notificationId: id }, { jobId: `again-${id}` });
    const finished = await eventually(async () => {
      const job = await queue.getJob(again.id as string);
      return job?.finishedOn ? job : undefined;
    });
    expect(finished.returnvalue).toEqual({ outcome: 'already-sent' });
    expect(await catcher.messagesTo(to)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('retries a send that failed while the mail server was down, and sends it once the server is back', async () => {
    await catcher.stop();
    const to = recipient('retry');
    const id = await dataSource.transaction((manager) =>
      queueNotification(manager, {
        channel: 'email',
        template: 'dossier-submitted',
        language: 'en',
        recipient: to,
        params: submitted,
      }),
    );

    const failed = await eventually(
      async () => {
        const r = await row(id);
        return r.attempts >= 1 && r;
      },
      15_000,
      'the first try failing',
    );
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);

    await catcher.start();
    const sent = await eventually(
      async () => {
        const r = await row(id);
        return r.status === 'sent' && r;
      },
      30_000,
      'the retry succeeding',
    );
    expect(sent.attempts).toBeGreaterThan(1);
    const mails = await catcher.messagesTo(to);
    expect(mails.map((m) => m.subject)).toEqual(['Your application HS-NT-251128-000001 has been submitted']);
  });

  it('fails a notification that can never be sent at once, without retrying', async () => {
    const to = recipient('invalid');
    // Written around queueNotification, which would refuse it: as if the template had been removed since.
    const id: string = await dataSource.transaction(async (manager) => {
      const [inserted] = await manager.query(
        `INSERT INTO notification (channel, template, language, recipient, params)
         VALUES ('email', 'no-such-template', 'vi', $1, '{}') RETURNING id`,
        [to],
      );
      await writeToOutbox(manager, [
        { queue: QueueNames.notifications, name: SEND_NOTIFICATION_JOB, payload: { notificationId: inserted.id } },
      ]);
      return inserted.id;
    });

    const failed = await eventually(async () => {
      const r = await row(id);
      return r.status === 'failed' && r;
    });
    expect(failed).toMatchObject({ attempts: 1, last_error: 'InvalidNotification: unknown template no-such-template' });
    expect(await catcher.messagesTo(to)).toEqual([]);
  });

  it('refuses to queue outside a transaction or with bad parameters, and writes nothing', async () => {
    const to = recipient('refused');
    await expect(
      queueNotification(dataSource.manager, {
        channel: 'email',
        template: 'account-registered',
        language: 'vi',
        recipient: to,
        params: { fullName: 'An' },
      }),
    ).rejects.toThrow(/inside the transaction/);
    await expect(
      dataSource.transaction((manager) =>
        queueNotification(manager, {
          channel: 'email',
          template: 'dossier-submitted',
          language: 'vi',
          recipient: to,
          params: { ...submitted, receiptUrl: 'javascript:alert(1)' },
        }),
      ),
    ).rejects.toThrow(InvalidNotification);
    await expect(
      dataSource.transaction((manager) =>
        queueNotification(manager, {
          channel: 'email',
          template: 'account-registered',
          language: 'vi',
          recipient: 'not an address',
          params: { fullName: 'An' },
        }),
      ),
    ).rejects.toThrow('the recipient is not an e-mail address');
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient = $1`, [to]);
    expect(n).toBe(0);
  });
});
