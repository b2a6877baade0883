/**
 * A stand-in for the national population database (Cơ sở dữ liệu quốc gia về dân cư), for development and
 * tests: a real HTTP server the portal calls when a ward leader signs a dossier — to get a personal ID
 * number for a newly registered child, and to look up and mark deceased a person in death registration.
 *
 * Exports for the portal's tests:
 *   startPopulationRegistry(options: PopulationRegistryOptions): Promise<PopulationRegistry>
 *                                                                  { port, url, dataDir, stop() }
 *   setRegistryFault, clearRegistryFaults, registryCalls (./client)    the control API
 *   personalIdPrefix(provinceCode, sex, dateOfBirth), isPersonalId (./personal-id)   the number's rules
 *   DEMO_PEOPLE (./seed)                                               who is there from the first start
 * As a process: `node dist/apps/population-registry/main.js`, configured by the POPULATION_REGISTRY_*
 * variables (settings.ts).
 *
 * Routes (JSON; /api/… need `Authorization: Bearer <token>`, 401 otherwise):
 *   POST /api/v1/births            { dossierCode, fullName, sex, dateOfBirth, provinceCode, placeOfBirth?,
 *                                    motherPersonalId?, fatherPersonalId? } → 201 { personalId, dossierCode,
 *                                    fullName, sex, dateOfBirth, assignedAt }; the same dossier again 200 with
 *                                    the same answer, with other facts (name, sex, date, province) 409
 *   GET  /api/v1/citizens/:personalId   → 200 { personalId, fullName, sex, dateOfBirth, status, dateOfDeath? }
 *                                    or 404
 *   POST /api/v1/deaths            { dossierCode, personalId?, fullName, dateOfBirth?, dateOfDeath } → 201
 *                                    { dossierCode, personalId | null, recordedAt }; the same dossier again 200;
 *                                    an unknown number 404; already deceased (another dossier) 409
 *   GET  /health
 *   PUT|GET|DELETE /_control/faults, GET|DELETE /_control/calls   (bearer control token if configured)
 * Errors are { code, message } (400 adds `fields`). Nothing personal is logged: routes by their pattern.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistryCall } from './client';
import { applyFault, parseFault, type Fault } from './faults';
import { isPersonalId, issuePersonalId, personalIdPrefix } from './personal-id';
import { checkBirth, checkDeath, normaliseName, type BirthRequest } from './requests';
import { openStore, type BirthRecord, type DeathRecord, type Person } from './store';

export { clearRegistryFaults, registryCalls, setRegistryFault } from './client';
export type { FaultRequest, RegistryCall } from './client';
export type { Fault } from './faults';
export { isPersonalId, personalIdPrefix } from './personal-id';
export type { Sex } from './personal-id';
export { DEMO_PEOPLE } from './seed';

export interface PopulationRegistryOptions {
  /** The bearer token every API call must present. */
  token: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where the state is kept; a new temporary directory when absent. */
  dataDir?: string;
  /** Bearer token the control API asks for; open when absent. */
  controlToken?: string;
  /** A fault in force from the start. */
  fault?: Fault;
  log?: (message: string) => void;
}

export interface PopulationRegistry {
  port: number;
  /** e.g. http://127.0.0.1:4600 — what the portal calls POPULATION_REGISTRY_URL. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Type': 'application/json; charset=utf-8',
};
const MAX_BODY = 64 * 1024;
const MAX_CALLS = 1000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = status === 204 ? '' : JSON.stringify(value);
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: object = {}): void {
  sendJson(res, status, { code, message, ...extra });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', 'the body is over 64 KB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'MALFORMED_BODY', 'the body is not JSON');
  }
}

/** Constant time whatever the lengths: both sides are hashed first. */
function tokenMatches(header: string | undefined, expected: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

function birthAnswer(birth: BirthRecord) {
  const { personalId, dossierCode, fullName, sex, dateOfBirth, assignedAt } = birth;
  return { personalId, dossierCode, fullName, sex, dateOfBirth, assignedAt };
}

function citizenAnswer(person: Person) {
  const { personalId, fullName, sex, dateOfBirth, status, dateOfDeath } = person;
  return { personalId, fullName, sex, dateOfBirth, status, ...(dateOfDeath ? { dateOfDeath } : {}) };
}

function deathAnswer(death: DeathRecord) {
  return { dossierCode: death.dossierCode, personalId: death.personalId, recordedAt: death.recordedAt };
}

/** Which facts of a repeated birth registration differ from the first: the ones the number depends on. */
function differingFacts(first: BirthRecord, again: BirthRequest): string[] {
  const differs: string[] = [];
  if (normaliseName(first.fullName) !== again.fullName) differs.push('fullName');
  if (first.sex !== again.sex) differs.push('sex');
  if (first.dateOfBirth !== again.dateOfBirth) differs.push('dateOfBirth');
  if (first.provinceCode !== again.provinceCode) differs.push('provinceCode');
  return differs;
}

/** Starts the registry; `stop()` closes it. */
export async function startPopulationRegistry(options: PopulationRegistryOptions): Promise<PopulationRegistry> {
  if (typeof options.token !== 'string' || options.token.length < 16) {
    throw new Error('the population registry needs a token of at least 16 characters');
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'population-registry-'));
  const store = openStore(dataDir);
  const { state } = store;
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  let fault: Fault | undefined = options.fault;
  const calls: RegistryCall[] = [];

  function registerBirth(body: unknown): { status: number; body: unknown } {
    const checked = checkBirth(body);
    if (!checked.ok) throw validationError(checked.fields);
    const request = checked.value;
    const first = own(state.births, request.dossierCode) ? state.births[request.dossierCode] : undefined;
    if (first) {
      const differs = differingFacts(first, request);
      if (differs.length) {
        throw new HttpError(
          409,
          'DOSSIER_CONFLICT',
          `dossier ${request.dossierCode} was registered with other facts (${differs.join(', ')}); a number is never changed`,
        );
      }
      return { status: 200, body: birthAnswer(first) };
    }
    const prefix = personalIdPrefix(request.provinceCode, request.sex, request.dateOfBirth);
    let personalId: string;
    try {
      personalId = issuePersonalId(prefix, (id) => own(state.issued, id), store.issuedInBlock(prefix));
    } catch (error) {
      throw new HttpError(507, 'BLOCK_FULL', (error as Error).message);
    }
    const now = new Date().toISOString();
    // In this order (store.ts): the number, its person, the registration.
    state.issued[personalId] = now;
    store.save('issued');
    state.people[personalId] = {
      personalId,
      fullName: request.fullName,
      sex: request.sex,
      dateOfBirth: request.dateOfBirth,
      status: 'alive',
      birthDossierCode: request.dossierCode,
      source: 'birth',
      createdAt: now,
    };
    store.save('people');
    state.births[request.dossierCode] = { ...request, personalId, assignedAt: now };
    store.save('births');
    return { status: 201, body: birthAnswer(state.births[request.dossierCode]) };
  }

  function citizen(personalId: string): { status: number; body: unknown } {
    if (!isPersonalId(personalId)) {
      throw validationError({ personalId: 'personalId must be a personal ID number of 12 digits' });
    }
    const person = own(state.people, personalId) ? state.people[personalId] : undefined;
    if (!person) throw new HttpError(404, 'NOT_FOUND', 'no citizen has this personal ID number');
    return { status: 200, body: citizenAnswer(person) };
  }

  function recordDeath(body: unknown): { status: number; body: unknown } {
    const checked = checkDeath(body);
    if (!checked.ok) throw validationError(checked.fields);
    const request = checked.value;
    const first = own(state.deaths, request.dossierCode) ? state.deaths[request.dossierCode] : undefined;
    if (first) {
      if (first.personalId !== (request.personalId ?? null) || first.dateOfDeath !== request.dateOfDeath) {
        throw new HttpError(
          409,
          'DOSSIER_CONFLICT',
          `dossier ${request.dossierCode} recorded a death with another person or date`,
        );
      }
      return { status: 200, body: deathAnswer(first) };
    }
    const person =
      request.personalId && own(state.people, request.personalId) ? state.people[request.personalId] : undefined;
    if (request.personalId && !person) {
      throw new HttpError(404, 'NOT_FOUND', 'no citizen has this personal ID number');
    }
    if (person) {
      if (person.status === 'deceased') {
        throw new HttpError(409, 'ALREADY_DECEASED', 'this citizen’s death was recorded by another dossier');
      }
      if (request.dateOfBirth && request.dateOfBirth !== person.dateOfBirth) {
        throw new HttpError(409, 'PERSON_MISMATCH', 'the date of birth differs from the registry’s for this number');
      }
      if (request.dateOfDeath < person.dateOfBirth) {
        throw validationError({ dateOfDeath: 'dateOfDeath is before the citizen’s date of birth' });
      }
    }
    const now = new Date().toISOString();
    state.deaths[request.dossierCode] = {
      dossierCode: request.dossierCode,
      personalId: request.personalId ?? null,
      fullName: request.fullName,
      ...(request.dateOfBirth ? { dateOfBirth: request.dateOfBirth } : {}),
      dateOfDeath: request.dateOfDeath,
      recordedAt: now,
    };
    // In this order (store.ts): the death, then its person.
    store.save('deaths');
    if (person) {
      Object.assign(person, {
        status: 'deceased',
        dateOfDeath: request.dateOfDeath,
        deathDossierCode: request.dossierCode,
      });
      store.save('people');
    }
    return { status: 201, body: deathAnswer(state.deaths[request.dossierCode]) };
  }

  function validationError(fields: Record<string, string>): HttpError {
    const error = new HttpError(400, 'VALIDATION_FAILED', `invalid: ${Object.keys(fields).join(', ')}`);
    return Object.assign(error, { fields });
  }

  /** The route's pattern (what the logs and the call list show) and its handler. */
  function apiRoute(
    method: string,
    path: string,
  ): {
    pattern: string;
    allow?: string;
    handle?: (req: IncomingMessage) => Promise<{ status: number; body: unknown }>;
  } {
    if (path === '/api/v1/births') {
      return method === 'POST'
        ? { pattern: path, handle: async (req) => registerBirth(await readJson(req)) }
        : { pattern: path, allow: 'POST' };
    }
    if (path === '/api/v1/deaths') {
      return method === 'POST'
        ? { pattern: path, handle: async (req) => recordDeath(await readJson(req)) }
        : { pattern: path, allow: 'POST' };
    }
    const match = /^\/api\/v1\/citizens\/([^/]+)$/.exec(path);
    if (match) {
      const pattern = '/api/v1/citizens/:personalId';
      return method === 'GET'
        ? { pattern, handle: async () => citizen(decodeURIComponent(match[1])) }
        : { pattern, allow: 'GET' };
    }
    return { pattern: '(unknown)' };
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const route = apiRoute(method, path);
    res.once('finish', () => {
      const call = { method, path: route.pattern, status: res.statusCode, at: new Date(started).toISOString() };
      const entry: RegistryCall = { ...call, durationMs: Date.now() - started };
      calls.push(entry);
      if (calls.length > MAX_CALLS) calls.shift();
      log(`${method} ${route.pattern} ${res.statusCode} ${entry.durationMs} ms`);
    });

    // A fault strikes before anything else, as an outage would: even a call without a token.
    const effect = applyFault(fault);
    fault = effect.next;
    if (effect.delayMs) await sleep(effect.delayMs);
    if (effect.outcome === 'unavailable') {
      res.setHeader('Retry-After', '1');
      return sendError(res, 503, 'SERVICE_UNAVAILABLE', 'the population registry is unavailable; try again later');
    }

    if (!tokenMatches(req.headers.authorization, options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'UNAUTHENTICATED', 'a valid bearer token is required');
    }
    if (!route.handle) {
      if (route.allow) {
        res.setHeader('Allow', route.allow);
        return sendError(res, 405, 'METHOD_NOT_ALLOWED', `this route takes ${route.allow}`);
      }
      return sendError(res, 404, 'NOT_FOUND', 'no such route');
    }
    const answer = await route.handle(req);
    return sendJson(res, answer.status, answer.body);
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (options.controlToken && !tokenMatches(req.headers.authorization, options.controlToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'UNAUTHENTICATED', 'the control API needs its bearer token');
    }
    const method = req.method ?? 'GET';
    if (path === '/_control/faults') {
      if (method === 'GET') return sendJson(res, 200, { fault: fault ?? null });
      if (method === 'PUT') {
        const parsed = parseFault(await readJson(req));
        if (typeof parsed === 'string') return sendError(res, 400, 'VALIDATION_FAILED', parsed);
        fault = parsed;
        log(`fault set: ${parsed.mode}`);
        return sendJson(res, 200, { fault });
      }
      if (method === 'DELETE') {
        fault = undefined;
        log('faults cleared');
        return sendJson(res, 204, null);
      }
      res.setHeader('Allow', 'GET, PUT, DELETE');
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'this route takes GET, PUT or DELETE');
    }
    if (path === '/_control/calls') {
      if (method === 'GET') return sendJson(res, 200, { calls });
      if (method === 'DELETE') {
        calls.length = 0;
        return sendJson(res, 204, null);
      }
      res.setHeader('Allow', 'GET, DELETE');
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'this route takes GET or DELETE');
    }
    return sendError(res, 404, 'NOT_FOUND', 'no such control route');
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://population-registry.local').pathname;
    if (path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (path.startsWith('/_control/')) return control(req, res, path);
    if (path.startsWith('/api/')) return api(req, res, path);
    return sendError(res, 404, 'NOT_FOUND', 'no such route');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const known = error instanceof HttpError;
      // Only the kind of failure: a message of ours never holds a name or a number.
      if (!known) log(`request failed: ${(error as Error).name}`);
      if (res.headersSent) return void res.destroy();
      if (known) {
        const fields = (error as HttpError & { fields?: Record<string, string> }).fields;
        return sendError(res, error.status, error.code, error.message, fields ? { fields } : {});
      }
      sendError(res, 500, 'INTERNAL_ERROR', 'the population registry failed to answer');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log(
    `${Object.keys(state.people).length} people, ${Object.keys(state.births).length} births, ${Object.keys(state.deaths).length} deaths`,
  );
  return {
    port,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
