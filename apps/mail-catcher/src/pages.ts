import type { CaughtMessage } from './mailbox';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy hh:mm:ss in Vietnam's time zone. */
export function formatVietnamTime(iso: string): string {
  const part = Object.fromEntries(timeFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

/** A `<time>` element with the exact instant in `datetime`. */
function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatVietnamTime(iso))}</time>`;
}

const styles = `
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; line-height: 1.5; color: #1b1b1b; }
  a { color: #0b4f9c; }
  a:focus-visible { outline: 3px solid #f5b400; outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
  th, td { border-bottom: 1px solid #c7c7c7; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: 0.75rem; }
  iframe { width: 100%; min-height: 24rem; border: 1px solid #c7c7c7; background: #fff; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function subjectOrPlaceholder(subject: string): string {
  return subject ? escapeHtml(subject) : '<em>(không có tiêu đề — no subject)</em>';
}

/** `GET /`: every caught message, newest first. */
export function renderInbox(messages: CaughtMessage[]): string {
  const rows = messages
    .map(
      (m) => `<tr>
<td>${time(m.date)}</td>
<td>${escapeHtml(m.to.join(', '))}</td>
<td><a href="/messages/${encodeURIComponent(m.id)}">${subjectOrPlaceholder(m.subject)}</a></td>
</tr>`,
    )
    .join('\n');
  const table = messages.length
    ? `<table>
<caption>${messages.length} thư, mới nhất trước (${messages.length} messages, newest first)</caption>
<thead>
<tr><th scope="col">Thời gian (Time)</th><th scope="col">Người nhận (To)</th><th scope="col">Tiêu đề (Subject)</th></tr>
</thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>Chưa có thư nào (No messages yet).</p>';
  return page(
    'Hộp thư thử nghiệm (Mail catcher)',
    `<h1>Hộp thư thử nghiệm (Mail catcher)</h1>
<p>Mọi thư gửi tới máy chủ SMTP này được giữ lại ở đây và không được chuyển đi
(every message sent to this SMTP server is kept here and never delivered). Tải lại trang để xem thư mới
(reload the page to see new messages).</p>
<h2>Thư đã nhận (Messages)</h2>
${table}`,
  );
}

/** `GET /messages/:id`: headers, text body and the HTML body in a sandboxed frame. */
export function renderMessage(message: CaughtMessage): string {
  const headers = message.headers
    .map((h) => `<dt>${escapeHtml(h.name)}</dt>\n<dd>${escapeHtml(h.value)}</dd>`)
    .join('\n');
  const html =
    message.html === null
      ? '<p>Thư không có nội dung HTML (the message has no HTML body).</p>'
      : // An empty sandbox: no scripts, no forms, no navigation, a unique origin.
        `<iframe sandbox srcdoc="${escapeHtml(message.html)}" title="Nội dung HTML của thư (HTML body of the message)"></iframe>`;
  return page(
    `${message.subject || '(không có tiêu đề)'} — Hộp thư thử nghiệm`,
    `<p><a href="/">← Tất cả thư (All messages)</a></p>
<h1>${subjectOrPlaceholder(message.subject)}</h1>
<h2>Thông tin thư (Headers)</h2>
<dl>
<dt>Nhận lúc (Received)</dt>
<dd>${time(message.date)}</dd>
<dt>Người nhận thực tế (Envelope recipients)</dt>
<dd>${escapeHtml(message.to.join(', '))}</dd>
${headers}
</dl>
<h2>Nội dung văn bản (Text body)</h2>
<pre>${escapeHtml(message.text)}</pre>
<h2>Nội dung HTML (HTML body)</h2>
${html}
<h2>Tiêu đề gốc (Raw headers)</h2>
<pre>${escapeHtml(message.rawHeaders.join('\n'))}</pre>`,
  );
}

/** A page for an unknown message or address. */
export function renderNotFound(): string {
  return page(
    'Không tìm thấy (Not found)',
    `<h1>Không tìm thấy (Not found)</h1>
<p>Không có thư hoặc trang này; thư cũ có thể đã bị xoá
(there is no such message or page; older messages may have been removed).</p>
<p><a href="/">← Tất cả thư (All messages)</a></p>`,
  );
}
