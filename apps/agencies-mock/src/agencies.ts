import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-ins for the two agencies the linked procedure passes a child's dossier
 * to: the police's residence registration and Social Insurance's health
 * insurance cards. Each answers over HTTP after a delay of its own, sometimes
 * fails (503) the way a real partner system does, and is idempotent per
 * dossier code: a repeated request gets the same reference.
 */
export interface AgenciesOptions {
  host: string;
  port: number;
  /** Shared secret the portal sends as `Authorization: Bearer …`. */
  token: string;
  /** Extra delay in milliseconds before answering (min, max). */
  delayMs: [number, number];
  /** Each dossier's first request to each agency fails with 503, to exercise retries. */
  failFirstAttempt: boolean;
}

export interface RunningAgencies {
  url: string;
  records: Map<string, { agency: string; reference: string; dossierCode: string }>;
  close(): Promise<void>;
}

const agencies = {
  '/residence/registrations': { agency: 'residence', prefix: 'CT' },
  '/health-insurance/cards': { agency: 'health-insurance', prefix: 'BHYT' },
} as const;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy(new Error('body too large'));
    });
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startAgencies(options: AgenciesOptions): Promise<RunningAgencies> {
  const records = new Map<string, { agency: string; reference: string; dossierCode: string }>();
  const attempts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const route = agencies[(req.url ?? '').split('?')[0] as keyof typeof agencies];
      if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
      if (!route || req.method !== 'POST') return send(res, 404, { error: 'not found' });
      if (req.headers.authorization !== `Bearer ${options.token}`) return send(res, 401, { error: 'unauthorised' });
      const body = (await readJson(req).catch(() => null)) as { dossierCode?: unknown } | null;
      const dossierCode = typeof body?.dossierCode === 'string' ? body.dossierCode : '';
      if (!/^HS-\d{2}-\d{6}-\d{6}$/.test(dossierCode)) return send(res, 400, { error: 'dossierCode is required' });
      const key = `${route.agency}:${dossierCode}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const [min, max] = options.delayMs;
      await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
      if (options.failFirstAttempt && attempt === 1) return send(res, 503, { error: 'temporarily unavailable' });
      let record = records.get(key);
      if (!record) {
        record = {
          agency: route.agency,
          dossierCode,
          reference: `${route.prefix}-${randomUUID().slice(0, 8).toUpperCase()}`,
        };
        records.set(key, record);
      }
      send(res, 201, { reference: record.reference });
    })().catch(() => send(res, 500, { error: 'internal error' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    records,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
