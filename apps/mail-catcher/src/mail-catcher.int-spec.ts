import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import type { MessageSummary } from './mailbox';

describe('mail catcher', () => {
  let catcher: MailCatcher;
  let transport: Transporter;
  const base = () => `http://127.0.0.1:${catcher.httpPort}`;

  beforeAll(async () => {
    catcher = await startMailCatcher({ host: '127.0.0.1', smtpPort: 0, httpPort: 0 });
    transport = createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false });
  });

  afterAll(async () => {
    transport.close();
    await catcher.stop();
  });

  beforeEach(async () => {
    expect((await fetch(`${base()}/api/messages`, { method: 'DELETE' })).status).toBe(204);
  });

  async function messages(query = ''): Promise<MessageSummary[]> {
    const response = await fetch(`${base()}/api/messages${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return (await response.json()) as MessageSummary[];
  }

  it('catches a message sent over SMTP and lists it through the JSON API, newest first', async () => {
    await transport.sendMail({
      from: 'Cổng Dịch vụ công <no-reply@dichvucong.local>',
      to: 'Nguyễn Văn An <an@example.vn>',
      bcc: 'audit@example.vn',
      subject: 'Hồ sơ HS-01-251128-000001 đã được nộp thành công',
      text: 'Kính gửi ông/bà, hồ sơ đã được nộp.',
      html: '<p>Kính gửi ông/bà, hồ sơ <strong>đã được nộp</strong>.</p>',
    });
    await transport.sendMail({
      from: 'no-reply@dichvucong.local',
      to: 'binh@example.vn',
      subject: 'Chào mừng',
      text: 'Xin chào Bình',
    });

    const all = await messages();
    expect(all.map((m) => m.subject)).toEqual(['Chào mừng', 'Hồ sơ HS-01-251128-000001 đã được nộp thành công']);
    const [, first] = all;
    expect(first).toMatchObject({
      from: '"Cổng Dịch vụ công" <no-reply@dichvucong.local>',
      to: ['an@example.vn', 'audit@example.vn'],
      text: 'Kính gửi ông/bà, hồ sơ đã được nộp.',
      html: '<p>Kính gửi ông/bà, hồ sơ <strong>đã được nộp</strong>.</p>',
    });
    expect(Date.parse(first.date)).toBeGreaterThan(Date.now() - 60_000);
    expect(all[0].html).toBeNull();

    expect((await messages('?to=AUDIT@example.vn')).map((m) => m.id)).toEqual([first.id]);
    expect(await messages('?to=nobody@example.vn')).toEqual([]);
    const single = await fetch(`${base()}/api/messages/${first.id}`);
    expect(((await single.json()) as MessageSummary).subject).toBe(first.subject);
  });

  it('shows the inbox and the message as accessible Vietnamese pages', async () => {
    await transport.sendMail({
      from: 'no-reply@dichvucong.local',
      to: 'an@example.vn',
      subject: 'Kết quả hồ sơ của ông/bà',
      text: 'Xin chào An',
      html: '<h1>Xin chào An</h1>',
    });
    const [message] = await messages();

    const inbox = await fetch(`${base()}/`);
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(inbox.headers.get('content-security-policy')).toContain("default-src 'none'");
    const inboxHtml = await inbox.text();
    expect(inboxHtml).toContain('<html lang="vi">');
    expect(inboxHtml).toContain('<h1>Hộp thư thử nghiệm (Mail catcher)</h1>');
    expect(inboxHtml).toContain('<th scope="col">Tiêu đề (Subject)</th>');
    expect(inboxHtml).toContain(`<a href="/messages/${message.id}">Kết quả hồ sơ của ông/bà</a>`);
    expect(inboxHtml).toContain('<td>an@example.vn</td>');

    const page = await (await fetch(`${base()}/messages/${message.id}`)).text();
    expect(page).toContain('<h1>Kết quả hồ sơ của ông/bà</h1>');
    expect(page).toContain('<pre>Xin chào An</pre>');
    expect(page).toContain('<iframe sandbox srcdoc="&lt;h1&gt;Xin chào An&lt;/h1&gt;"');

    const missing = await fetch(`${base()}/messages/no-such-id`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy (Not found)');
  });

  it('escapes markup in what a message says, so a caught message cannot run script in the page', async () => {
    await transport.sendMail({
      from: '"<script>alert(1)</script>" <evil@example.vn>',
      to: 'an@example.vn',
      subject: '<script>alert("tiêu đề")</script>',
      text: '</pre><script>alert(2)</script>',
      html: '<img src=x onerror="alert(3)"><script>alert(4)</script>',
    });
    const [message] = await messages();
    expect(message.subject).toBe('<script>alert("tiêu đề")</script>');

    for (const path of ['/', `/messages/${message.id}`]) {
      const html = await (await fetch(`${base()}${path}`)).text();
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(&quot;tiêu đề&quot;)&lt;/script&gt;');
    }
    const page = await (await fetch(`${base()}/messages/${message.id}`)).text();
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain('&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('forgets every message on DELETE /api/messages and refuses other methods', async () => {
    await transport.sendMail({ from: 'a@example.vn', to: 'b@example.vn', subject: 's', text: 't' });
    expect(await messages()).toHaveLength(1);
    expect((await fetch(`${base()}/api/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await messages()).toEqual([]);

    const post = await fetch(`${base()}/api/messages`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, DELETE');
  });

  it('runs as its own process and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
      env: { ...process.env, MAIL_CATCHER_SMTP_PORT: '0', MAIL_CATCHER_HTTP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 20_000;
      while (!/web (http:\S+)/.test(output) && child.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [, smtpUrl, webUrl] = /SMTP (smtp:\S+) · web (http:\S+)/.exec(output) ?? [];
      expect(webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

      const port = Number(new URL(smtpUrl).port);
      const childTransport = createTransport({ host: '127.0.0.1', port, secure: false });
      await childTransport.sendMail({ from: 'a@example.vn', to: 'b@example.vn', subject: 'qua tiến trình', text: 't' });
      childTransport.close();
      const list = (await (await fetch(`${webUrl}api/messages`)).json()) as MessageSummary[];
      expect(list.map((m) => m.subject)).toEqual(['qua tiến trình']);
      // The log names the message by id only: addresses and subjects are personal data.
      expect(output).toContain(`message ${list[0].id} caught`);
      expect(output).not.toContain('b@example.vn');

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
