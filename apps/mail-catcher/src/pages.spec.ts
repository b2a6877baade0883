import { Mailbox } from './mailbox';
import { escapeHtml, renderInbox, renderMessage } from './pages';

function caught(subject: string, html: string | null = null) {
  return new Mailbox().add({
    from: 'Hacker <x@example.vn>',
    to: ['an@example.vn'],
    subject,
    date: '2025-11-28T03:04:05.000Z',
    text: 'Xin chào <b>An</b>',
    html,
    messageId: '<1@example.vn>',
    headers: [{ name: 'Subject', value: subject }],
    rawHeaders: [`Subject: ${subject}`],
    attachments: [],
  });
}

describe('mail catcher pages', () => {
  it('escapes the characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('shows a subject with markup as text in the inbox', () => {
    const page = renderInbox([caught('<script>alert(1)</script>')]);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
  });

  it('shows the time received in Vietnam time, day first', () => {
    expect(renderInbox([caught('x')])).toMatch(
      /<time datetime="2025-11-28T03:04:05.000Z">28\/11\/2025 10:04:05<\/time>/,
    );
  });

  it('says so when there is no message yet', () => {
    expect(renderInbox([])).toContain('Chưa có thư nào (No messages yet)');
  });

  it('puts the HTML body in an empty sandbox, escaped into srcdoc', () => {
    const page = renderMessage(caught('x', '<p onclick="steal()">Chào "An"</p><script>steal()</script>'));
    expect(page).toContain(
      '<iframe sandbox srcdoc="&lt;p onclick=&quot;steal()&quot;&gt;Chào &quot;An&quot;&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;"',
    );
    expect(page).not.toContain('<script>');
    expect(page).toContain('<pre>Xin chào &lt;b&gt;An&lt;/b&gt;</pre>');
  });

  it('is a Vietnamese page with one main heading', () => {
    const page = renderMessage(caught('Hồ sơ đã nộp'));
    expect(page).toContain('<html lang="vi">');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain('<h1>Hồ sơ đã nộp</h1>');
  });
});
