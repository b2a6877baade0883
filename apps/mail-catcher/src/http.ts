import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { summarise, type Mailbox } from './mailbox';
import { renderInbox, renderMessage, renderNotFound } from './pages';
import type { RunningServer } from './smtp';

// The pages run no script; caught HTML is shown in an empty sandbox and may not load anything remote.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, headers: Record<string, string>, body = ''): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  send(res, 405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
}

/**
 * The routes:
 *   GET    /                 the inbox page
 *   GET    /messages/:id     one message
 *   GET    /api/messages     JSON, newest first; ?to=address keeps that recipient's messages
 *   GET    /api/messages/:id JSON of one message
 *   DELETE /api/messages     forgets every message
 */
export function handleRequest(mailbox: Mailbox, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://mail-catcher.local');
  const method = req.method ?? 'GET';
  const readOnly = method === 'GET' || method === 'HEAD';
  const path = url.pathname;

  if (path === '/') {
    if (!readOnly) return methodNotAllowed(res, 'GET, HEAD');
    return send(res, 200, PAGE_HEADERS, renderInbox(mailbox.list()));
  }
  if (path === '/api/messages') {
    if (method === 'DELETE') {
      mailbox.clear();
      return send(res, 204, {});
    }
    if (!readOnly) return methodNotAllowed(res, 'GET, HEAD, DELETE');
    const to = url.searchParams.get('to') ?? undefined;
    return sendJson(res, 200, mailbox.list({ to }).map(summarise));
  }
  const apiMatch = /^\/api\/messages\/([^/]+)$/.exec(path);
  if (apiMatch) {
    if (!readOnly) return methodNotAllowed(res, 'GET, HEAD');
    const message = mailbox.get(decodeURIComponent(apiMatch[1]));
    return message
      ? sendJson(res, 200, summarise(message))
      : sendJson(res, 404, { code: 'NOT_FOUND', message: 'no such message' });
  }
  const pageMatch = /^\/messages\/([^/]+)$/.exec(path);
  if (pageMatch) {
    if (!readOnly) return methodNotAllowed(res, 'GET, HEAD');
    const message = mailbox.get(decodeURIComponent(pageMatch[1]));
    return message
      ? send(res, 200, PAGE_HEADERS, renderMessage(message))
      : send(res, 404, PAGE_HEADERS, renderNotFound());
  }
  return send(res, 404, PAGE_HEADERS, renderNotFound());
}

/** The web pages and the JSON API over the mailbox. */
export async function startHttpServer(
  mailbox: Mailbox,
  options: { host: string; port: number },
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    try {
      handleRequest(mailbox, req, res);
    } catch {
      // A malformed address (e.g. a bad percent-escape) is the only way here.
      if (!res.headersSent) send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
