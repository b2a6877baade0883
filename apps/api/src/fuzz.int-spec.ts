import 'reflect-metadata';
import type { OpenAPIObject } from '@nestjs/swagger';
import { demoProcedures } from '@portal/server/catalogue';
import { buildDataSourceOptions } from '@portal/server/platform';
import {
  aBirthApplication,
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  BrowserClient,
  createDatabase,
  dropDatabase,
  newRunId,
  TINY_PDF,
  uploadPaper,
} from '@portal/testing';
import fc from 'fast-check';
import * as pinoModule from 'pino';
import { DataSource } from 'typeorm';
import { startApi, type ApiUnderTest } from './testing/api-under-test';
import {
  broken,
  describeRequest,
  encode,
  encodeBody,
  encodeSegment,
  multipart,
  nastyString,
  personalStrings,
  rawBodies,
  rawSegments,
  send,
  transport,
  valueOf,
  type FuzzRequest,
  type FuzzResponse,
  type Schema,
  type Transport,
} from './testing/fuzz';

/**
 * Property-based fuzzing of every operation of the OpenAPI document: requests
 * generated from its schemas and then broken, sent by actors of the right roles.
 * For every request: never a 5xx; every 4xx is an ApiError in the caller's
 * language; a 4xx changes no table; the logs carry none of the personal data sent.
 *
 * Seeded: FUZZ_SEED (default below) makes a run repeatable; FUZZ_RUNS requests per
 * operation (default 40); FUZZ_ONLY=<operationId> fuzzes one operation; FUZZ_SURVEY=1
 * records every failure instead of stopping (and shrinking) at the first, and lists them.
 */

// Every log line the API writes, as it writes it: every pino logger (pino-http's, which Nest's Logger writes to in a
// request, and nestjs-pino's own outside requests) writes here instead of to standard output.
jest.mock('pino', () => {
  const actual = jest.requireActual<typeof import('pino')>('pino');
  const { Writable } = jest.requireActual<typeof import('node:stream')>('node:stream');
  const capturedLogLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      capturedLogLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const pino = (options?: object, stream?: unknown) => actual.pino(options as never, (stream ?? sink) as never);
  return Object.assign(pino, actual, { default: pino, pino, capturedLogLines });
});
const logLines = (pinoModule as unknown as { capturedLogLines: string[] }).capturedLogLines;

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_701);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const ONLY = process.env.FUZZ_ONLY;
const SURVEY = process.env.FUZZ_SURVEY === '1';

/**
 * Tables whose rows may change although the request was refused, and why:
 * - user_session: the browser's session, not the request's effect; the store also prunes expired rows on a timer.
 * - login_throttle: failed sign-ins, registrations of taken addresses and status lookups are counted there on
 *   purpose, whatever the answer; rate-limiter-flexible also deletes expired rows on a timer.
 * audit_event counts, but without failed sign-ins, which are audited on purpose (a 401 writes one).
 */
const NOT_COUNTED = new Set(['user_session', 'login_throttle']);
const AUDITED_REFUSALS = ['account.sign-in-failed', 'account.eid-sign-in-failed'];

/** Vietnamese letters that English never has: a Vietnamese message has some. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

type Actor = 'anonymous' | 'citizen' | 'clerk' | 'leader' | 'auditor' | 'admin';
interface Operation {
  id: string;
  method: string;
  path: string;
  parameters: { name: string; in: string; schema?: Schema }[];
  body?: { mediaType: string; schema: Schema };
  access: { signedIn: boolean; roles?: string[] };
}
/** A valid request of an operation (its path parameters and body), for the fuzzer to send as it is or broken. */
interface Example {
  params?: Record<string, unknown>;
  body?: unknown;
}
interface Failure {
  operation: string;
  problem: string;
  status: number;
  request: string;
}

describe('API fuzzing: every operation of the OpenAPI document, with generated and broken requests', () => {
  const databaseName = `portal_fuzz_${newRunId()}`;
  let api: ApiUnderTest;
  let operations: Operation[];
  let countQuery: string;
  const actors = new Map<Actor, BrowserClient>();
  const known: Record<string, unknown[]> = {};
  const examples: Record<string, Example[]> = {};
  const failures: Failure[] = [];
  /** Statuses answered, per operation: what the fuzzer reached. */
  const statuses = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    // A database of its own: the fuzzer adds holidays, accounts and dossiers other specs do not expect.
    const url = await createDatabase(databaseName);
    const migrator = new DataSource(buildDataSourceOptions({ DATABASE_URL: url, DATABASE_POOL_SIZE: 1 }, 'fuzz-setup'));
    await migrator.initialize();
    await migrator.runMigrations();
    await migrator.destroy();
    // The fuzzer plays the proxy in front of the API: its X-Forwarded-For is believed, so that the per-address
    // throttles count each generated address (and the requests get past them to the code behind).
    api = await startApi({ config: { DATABASE_URL: url, LOG_LEVEL: 'debug', TRUST_PROXY: 'loopback' } });

    const document = (await (await fetch(`${api.base}/docs/openapi.json`)).json()) as OpenAPIObject;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, raw]) => {
        const op = raw as Record<string, unknown> & {
          operationId: string;
          parameters?: Operation['parameters'];
          requestBody?: { content: Record<string, { schema: Schema }> };
        };
        const [mediaType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
        return {
          id: op.operationId,
          method: method.toUpperCase(),
          path,
          parameters: op.parameters ?? [],
          body: mediaType ? { mediaType, schema: content.schema } : undefined,
          access: op['x-access'] as Operation['access'],
        };
      }),
    );

    const tables = (await api.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    countQuery = tables
      .filter(({ table_name }) => !NOT_COUNTED.has(table_name))
      .map(({ table_name }) =>
        table_name === 'audit_event'
          ? `SELECT 'audit_event' AS t, count(*)::int AS n FROM audit_event WHERE action <> ALL ('{${AUDITED_REFUSALS.join(',')}}')`
          : `SELECT '${table_name}' AS t, count(*)::int AS n FROM "${table_name}"`,
      )
      .join(' UNION ALL ');

    // The actors, and records of theirs for the path parameters to name.
    const citizen = (await aSignedInCitizen(api.base)).browser;
    actors.set('citizen', citizen);
    for (const role of ['clerk', 'leader'] as const)
      actors.set(role, await aSignedInAccount(api.base, `${role}.badinh@demo.dichvucong.vn`));
    for (const role of ['auditor', 'admin'] as const)
      actors.set(role, await aSignedInAccount(api.base, `${role}@demo.dichvucong.vn`));
    const dossierCode = await aSubmittedBirthRegistration(citizen);
    const draft = await aDraft(citizen, { child: aBirthApplication({}).child });
    const attachmentId = await uploadPaper(citizen, 'marriage_certificate');
    const spareDraft = await aDraft(citizen, {});
    const spareAttachment = await uploadPaper(citizen, 'marriage_certificate');
    const clerk = actors.get('clerk') as BrowserClient;
    const office = (await (await clerk.get(`/office/dossiers/${dossierCode}`)).json()) as {
      papers: { id: string }[];
    };
    // Valid requests to start from: past the schemas, into what the services decide.
    const { papers: _papers, ...pages } = aBirthApplication({ medical_birth_certificate: attachmentId });
    const [death] = demoProcedures.filter((p) => p.code === '1.000656');
    Object.assign(examples, {
      authRegister: [
        {
          body: {
            fullName: 'Trần Thị Mai',
            email: 'fuzz.dang.ky@example.vn',
            password: 'matkhau123',
            passwordConfirmation: 'matkhau123',
          },
        },
      ],
      authLogin: [
        { body: { login: 'citizen@demo.dichvucong.vn', password: 'Demo@2025' } },
        { body: { login: '0912000001', password: 'sai-mat-khau-1' } },
      ],
      applicationsStart: [{ body: { procedureCode: '1.001193' } }, { body: { procedureCode: 'LT.KS-TT-BHYT' } }],
      applicationsSaveStep: [
        ...Object.entries(pages).map(([step, body]) => ({ params: { id: draft.id, step }, body })),
        { params: { id: draft.id, step: 'papers' }, body: { medical_birth_certificate: attachmentId } },
      ],
      applicationsSubmit: [{ params: { id: draft.id } }],
      myDossiersLookup: [{ body: { code: dossierCode, phone: '0912345678' } }],
      myDossiersAct: [
        { params: { code: dossierCode, action: 'resubmit' }, body: { version: 1, attachmentIds: [attachmentId] } },
      ],
      officeCounter: [{ body: { procedureCode: '1.001193', data: pages } }],
      officeAct: [
        { params: { code: dossierCode, action: 'receive' }, body: { version: 1 } },
        {
          params: { code: dossierCode, action: 'request_supplement' },
          body: { version: 2, reason: 'Thiếu giấy', papers: ['marriage_certificate'] },
        },
      ],
      holidaysAdd: [{ body: { day: '2031-05-05', name: 'Ngày nghỉ thử', nameEn: 'A test day off' } }],
      procedureAdminUpdate: [
        {
          params: { code: death.code },
          body: {
            version: 1,
            active: true,
            timeLimitAmount: death.timeLimit.amount + 1,
            fees: death.fees.map((f) => ({ case: f.case, amount: f.amount + 1000 })),
            papers: death.requiredPapers.map((p) => ({ code: p.code, name: p.name })),
          },
        },
      ],
    } satisfies Record<string, Example[]>);
    Object.assign(known, {
      draft: [draft.id],
      spareDraft: [spareDraft.id],
      attachment: [attachmentId],
      spareAttachment: [spareAttachment],
      dossier: [dossierCode],
      officePaper: [office.papers[0].id],
      procedure: ['1.001193', 'LT.KS-TT-BHYT', '1.000656'],
      day: ['2026-09-02', '2031-01-02'],
    });
  });

  afterAll(async () => {
    if (SURVEY) {
      const distinct = new Map<string, Failure & { times: number }>();
      for (const failure of failures) {
        const key = `${failure.operation} | ${failure.problem} | ${failure.status}`;
        const seen = distinct.get(key);
        if (seen) seen.times++;
        else distinct.set(key, { ...failure, times: 1 });
      }
      process.stdout.write(
        `\nFuzz survey (FUZZ_SEED=${SEED}, ${RUNS} runs per operation): ${distinct.size} distinct failures\n` +
          [...distinct.values()]
            .map((f) => `- [${f.times}×] ${f.operation}: ${f.problem} (status ${f.status})\n${f.request}`)
            .join('\n') +
          '\n\nStatuses answered:\n' +
          [...statuses]
            .map(
              ([operation, counts]) =>
                `  ${operation}: ${[...counts]
                  .sort(([a], [b]) => a - b)
                  .map(([status, n]) => `${status}×${n}`)
                  .join(' ')}`,
            )
            .join('\n') +
          `\n${logLines.length} log lines captured.\n`,
      );
    }
    await api?.stop();
    await dropDatabase(databaseName);
  });

  const countRows = async () =>
    new Map(((await api.dataSource.query(countQuery)) as { t: string; n: number }[]).map((r) => [r.t, r.n]));

  /** Known records for a path parameter, by the route it is in. */
  function knownFor(operation: Operation, name: string): unknown[] {
    // A DELETE names records of its own, so that the others' requests still find theirs.
    const deletes = operation.method === 'DELETE';
    if (name === 'id' && operation.path.startsWith('/api/drafts')) return known[deletes ? 'spareDraft' : 'draft'];
    if (name === 'id') return known[deletes ? 'spareAttachment' : 'attachment'];
    if (name === 'code')
      return /^\/api\/(admin\/)?procedures/.test(operation.path) ? known['procedure'] : known['dossier'];
    if (name === 'attachmentId') return known['officePaper'];
    if (name === 'day') return known['day'];
    return [];
  }

  /** What one request breaks: nothing, one part of it (the most telling), or everything at once. */
  type Breaks = 'nothing' | 'actor' | 'path' | 'query' | 'body' | 'transport' | 'csrf' | 'everything';
  const breaks: fc.Arbitrary<Breaks> = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Breaks>('nothing') },
    { weight: 6, arbitrary: fc.constantFrom<Breaks>('actor', 'path', 'query', 'body', 'body', 'transport', 'csrf') },
    { weight: 1, arbitrary: fc.constant<Breaks>('everything') },
  );

  function actorFor(operation: Operation, broken: boolean): fc.Arbitrary<Actor> {
    const roles = (operation.access.roles?.length ? operation.access.roles : ['citizen']) as Actor[];
    // Sign-in and sign-out change the session they are sent with: only throwaway anonymous browsers send them.
    if (!operation.access.signedIn)
      return operation.method === 'GET' && !operation.path.startsWith('/api/auth')
        ? fc.constantFrom<Actor>('anonymous', 'citizen')
        : fc.constant<Actor>('anonymous');
    const others = (['anonymous', 'citizen', 'clerk', 'auditor'] as Actor[]).filter((a) => !roles.includes(a));
    return broken ? fc.constantFrom(...others) : fc.constantFrom(...roles);
  }

  function pathFor(operation: Operation, example: Example | undefined, broken: boolean): fc.Arbitrary<string> {
    const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const segments = names.map((name) => {
      const schema = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
      const knownValues = example?.params?.[name] !== undefined ? [example.params[name]] : knownFor(operation, name);
      const valid = fc.oneof(
        { weight: 3, arbitrary: knownValues.length ? fc.constantFrom(...knownValues) : valueOf(schema) },
        { weight: 1, arbitrary: valueOf(schema) },
      );
      return broken
        ? fc.oneof(
            valid,
            nastyString.filter((s) => s.length < 20_000),
            rawSegments.map((raw) => ({ raw })),
          )
        : valid;
    });
    return fc.tuple(...segments).map((values) => {
      let path = operation.path;
      values.forEach((value, i) => {
        const raw = typeof value === 'object' && value !== null && 'raw' in value;
        path = path.replace(`{${names[i]}}`, encodeSegment(raw ? (value as { raw: string }).raw : value, raw));
      });
      return path;
    });
  }

  function queryFor(operation: Operation, broken: boolean): fc.Arbitrary<{ query: string; personal: string[] }> {
    const declared = operation.parameters.filter((p) => p.in === 'query');
    const valid = (p: Operation['parameters'][number]) =>
      valueOf(p.schema ?? {}, p.name).map((v) => [[p.name, String(v)]] as [string, string][]);
    const pairs = declared.map((p) =>
      fc.option(
        broken
          ? fc.oneof(
              valid(p),
              nastyString.filter((s) => s.length < 5000).map((v) => [[p.name, v]] as [string, string][]),
              // Repeated: Express gives the route an array.
              fc.tuple(valueOf(p.schema ?? {}, p.name), fc.string()).map(
                ([a, b]) =>
                  [
                    [p.name, String(a)],
                    [p.name, b],
                  ] as [string, string][],
              ),
            )
          : valid(p),
        { freq: 4 },
      ),
    );
    const extra = broken
      ? fc.option(
          fc.tuple(
            fc.constantFrom('__proto__', 'constructor[prototype]', 'x', 'tab[]'),
            nastyString.filter((s) => s.length < 2000),
          ),
        )
      : fc.constant(null);
    return fc
      .tuple(fc.tuple(...pairs), extra, broken ? fc.boolean() : fc.constant(false))
      .map(([chosen, more, malformed]) => {
        const all = [...chosen.flatMap((c) => c ?? []), ...(more ? [more] : [])] as [string, string][];
        const query = all.map(([k, v]) => `${encode(k)}=${encode(v)}`);
        if (malformed) query.push('q=%E0%A4%A');
        return {
          query: query.length ? `?${query.join('&')}` : '',
          personal: all.filter(([k, v]) => k === 'q' && v.trim().length >= 6).map(([, v]) => v),
        };
      });
  }

  /** The body as the report shows it: its text, and how it travelled when that was not plain. */
  const previewOf = (text: string, how: Transport) =>
    how.contentEncoding === 'gzip-garbage' || how.contentEncoding === 'br-garbage'
      ? `[sent uncompressed, labelled ${how.contentEncoding.replace('-garbage', '')}] ${text}`
      : how.contentEncoding
        ? `[${how.contentEncoding}] ${text}`
        : text;

  type Body = { body?: Buffer; headers: Record<string, string>; preview?: string; personal: string[] };
  const plainJson = fc.constant<Transport>({ contentType: 'application/json' });

  function jsonBodyFor(
    schema: Schema | undefined,
    example: Example | undefined,
    breakBody: boolean,
    breakTransport: boolean,
  ): fc.Arbitrary<Body> {
    const generated = schema ? valueOf(schema) : fc.constant({});
    const valid =
      example?.body === undefined
        ? generated
        : fc.oneof({ weight: 3, arbitrary: fc.constant(example.body) }, { weight: 1, arbitrary: generated });
    const how = breakTransport ? transport : plainJson;
    const json = (value: fc.Arbitrary<unknown>) =>
      fc.tuple(value, how).map(([v, travel]): Body => {
        const text = JSON.stringify(v) ?? 'null';
        return { ...encodeBody(text, travel), preview: previewOf(text, travel), personal: personalStrings(v) };
      });
    const none = fc.constant<Body>({ headers: {}, personal: [] });
    if (!breakBody) return schema ? json(valid) : breakTransport ? json(fc.constant({})) : none;
    return fc.oneof(
      { weight: 4, arbitrary: json(broken(valid).map(({ value }) => value)) },
      {
        weight: 2,
        arbitrary: fc.tuple(rawBodies, how).map(([text, travel]): Body => ({
          ...encodeBody(text, travel),
          preview: previewOf(text, travel),
          personal: [],
        })),
      },
      { weight: 1, arbitrary: none },
    );
  }

  /** An upload: the fields and file of the schema, or broken ones, or not multipart at all. */
  function multipartBodyFor(schema: Schema, breakBody: boolean, breakTransport: boolean): fc.Arbitrary<Body> {
    const boundary = '----fuzz7MA4YWxkTrZu0gW';
    const goodFiles = [
      { name: 'giấy chứng sinh.pdf', type: 'application/pdf', value: TINY_PDF },
      { name: 'scan.png', type: 'image/png', value: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    ];
    const file = breakBody
      ? fc.constantFrom(
          ...goodFiles,
          { name: 'empty.pdf', type: 'application/pdf', value: Buffer.alloc(0) },
          { name: 'random.bin', type: 'application/octet-stream', value: Buffer.alloc(4096, 0xab) },
          { name: '../../etc/passwd', type: 'application/pdf', value: TINY_PDF },
          { name: 'a\u0000b.pdf', type: 'application/pdf', value: TINY_PDF },
          { name: `${'dài'.repeat(200)}.pdf`, type: 'application/pdf', value: TINY_PDF },
          {
            name: 'big.pdf',
            type: 'application/pdf',
            value: Buffer.concat([TINY_PDF, Buffer.alloc(1024 * 1024, 0x20)]),
          },
        )
      : fc.constantFrom(...goodFiles);
    const paperCode = valueOf(schema.properties?.['paperCode'] ?? {}, 'paperCode');
    const fields = fc.tuple(
      paperCode,
      breakBody ? fc.option(nastyString.filter((s) => s.length < 3000)) : fc.constant(null),
    );
    const form = fc
      .tuple(
        fields,
        breakBody ? fc.option(file, { freq: 8 }) : file,
        breakBody ? fc.nat(3) : fc.constant(0),
        breakBody ? fc.boolean() : fc.constant(true),
      )
      .map(([[code, nasty], chosen, extraParts, close]): Body => {
        const parts: Parameters<typeof multipart>[1] = [{ name: 'paperCode', value: String(nasty ?? code) }];
        for (let i = 0; i < extraParts; i++)
          parts.push({ name: i % 2 ? 'file' : `x${i}`, value: 'x', fileName: i % 2 ? 'x.pdf' : undefined });
        if (chosen) parts.push({ name: 'file', value: chosen.value, fileName: chosen.name, type: chosen.type });
        return {
          body: multipart(boundary, parts, close || extraParts > 0),
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          preview: `multipart: paperCode=${JSON.stringify(nasty ?? code).slice(0, 80)}, file ${chosen?.name ?? 'none'}, ${extraParts} more parts${close ? '' : ', unterminated'}`,
          personal: [],
        };
      });
    if (!breakTransport) return form;
    return fc.oneof(
      form,
      fc.constant<Body>({
        body: Buffer.from('{"paperCode":"x"}'),
        headers: { 'content-type': 'multipart/form-data' },
        preview: 'multipart without boundary',
        personal: [],
      }),
      jsonBodyFor(undefined, undefined, true, true),
    );
  }

  function requestFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
    const known = examples[operation.id];
    return fc
      .tuple(known ? fc.option(fc.constantFrom(...known), { freq: 2 }) : fc.constant(null), breaks)
      .chain(([example, broken]) => requestFrom(operation, example ?? undefined, broken));
  }

  function requestFrom(
    operation: Operation,
    example: Example | undefined,
    breaking: Breaks,
  ): fc.Arbitrary<FuzzRequest> {
    const breaks = (part: Breaks) => breaking === part || breaking === 'everything';
    const body =
      operation.body?.mediaType === 'multipart/form-data'
        ? multipartBodyFor(operation.body.schema, breaks('body'), breaks('transport'))
        : jsonBodyFor(operation.body?.schema, example, breaks('body'), breaks('transport'));
    return fc
      .record({
        actor: actorFor(operation, breaks('actor')),
        path: pathFor(operation, example, breaks('path')),
        query: queryFor(operation, breaks('query')),
        body,
        language: fc.constantFrom<'vi' | 'en'>('vi', 'en'),
        csrf: breaks('csrf')
          ? fc.constantFrom<FuzzRequest['csrf']>('none', 'wrong')
          : fc.constant<FuzzRequest['csrf']>('token'),
        forwardedFor: fc.ipV4(),
      })
      .map(({ actor, path, query, body, language, csrf, forwardedFor }) => {
        const request: FuzzRequest = {
          operation: `${operation.id} (${operation.method} ${operation.path})`,
          actor,
          method: operation.method,
          url: `${path}${query.query}`,
          headers: {
            'accept-language': language,
            // The client's address as a trusted proxy says it: the throttles count per address.
            'x-forwarded-for': forwardedFor,
            ...body.headers,
          },
          body: body.body,
          bodyPreview: body.preview,
          language,
          csrf,
          personal: [...query.personal, ...body.personal],
        };
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      });
  }

  async function browserOf(actor: Actor): Promise<BrowserClient> {
    // A new anonymous browser each time: sign-in and sign-out change the session they are sent with.
    return actor === 'anonymous' ? new BrowserClient(api.base).start() : (actors.get(actor) as BrowserClient);
  }

  /** The properties, for one request; the problems found (none when it behaves). */
  async function check(request: FuzzRequest): Promise<{ problems: string[]; response: FuzzResponse; logged: string }> {
    const browser = await browserOf(request.actor as Actor);
    const headers = { ...request.headers };
    if (browser.cookies.size) headers['cookie'] = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const token = browser.cookies.get('XSRF-TOKEN');
    if (request.csrf === 'token' && token) headers['x-xsrf-token'] = decodeURIComponent(token);
    if (request.csrf === 'wrong') headers['x-xsrf-token'] = 'not-the-token';
    const before = await countRows();
    const fromLine = logLines.length;
    const response = await send(new URL(api.base), { ...request, headers });
    const seen = statuses.get(request.operation) ?? new Map<number, number>();
    statuses.set(request.operation, seen.set(response.status, (seen.get(response.status) ?? 0) + 1));
    await new Promise((resolve) => setImmediate(resolve));
    const problems: string[] = [];

    if (response.status >= 500) problems.push(`answered ${response.status}`);
    if (response.status >= 400 && response.status < 500) {
      let error: { code?: unknown; message?: unknown; requestId?: unknown } | undefined;
      try {
        error = JSON.parse(response.body.toString('utf8'));
      } catch {
        error = undefined;
      }
      if (!String(response.headers['content-type']).startsWith('application/json') || !error)
        problems.push(`a ${response.status} that is not JSON`);
      else {
        if (typeof error.code !== 'string' || !/^[A-Z_]+$/.test(error.code)) problems.push('an error without a code');
        if (typeof error.requestId !== 'string' || !error.requestId) problems.push('an error without a request id');
        if (typeof error.message !== 'string' || !error.message) problems.push('an error without a message');
        else if (request.language === 'vi' && !VIETNAMESE.test(error.message))
          problems.push(`a message not in Vietnamese (${error.code})`);
        else if (request.language === 'en' && VIETNAMESE.test(error.message.replace(/"[^"]*"/g, '')))
          problems.push(`a message not in English (${error.code})`);
      }
      const after = await countRows();
      const changed = [...after].filter(([table, n]) => before.get(table) !== n).map(([table]) => table);
      if (changed.length) problems.push(`a ${response.status} that changed ${changed.join(', ')}`);
    }
    const logs = logLines.slice(fromLine).join('');
    const leaked = request.personal.filter(
      (value) => logs.includes(value) || logs.includes(JSON.stringify(value).slice(1, -1)),
    );
    if (leaked.length)
      problems.push(`personal data in the logs (${leaked.map((v) => JSON.stringify(v.slice(0, 40))).join(', ')})`);
    // What the API logged as an error for it, to tell one cause from another in the report.
    const logged = logLines
      .slice(fromLine)
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string } };
          return (entry.level ?? 0) >= 50
            ? [`${entry.msg ?? ''}: ${entry.err?.type ?? ''} ${entry.err?.message ?? ''}`]
            : [];
        } catch {
          return [];
        }
      })
      .join(' | ')
      .slice(0, 300);
    return { problems, response, logged };
  }

  it('has the operations of the document to fuzz', () => {
    expect(operations.length).toBeGreaterThanOrEqual(32);
    expect(operations.every((operation) => operation.access)).toBe(true);
  });

  it('never fails a request with a 5xx, answers every 4xx with an ApiError in its language, changes nothing on a 4xx and logs no personal data', async () => {
    const reports: string[] = [];
    for (const [index, operation] of operations.entries()) {
      if (ONLY && operation.id !== ONLY) continue;
      // Each operation with its own seed (the base seed plus its position), so that one can be replayed alone.
      const result = await fc.check(
        fc.asyncProperty(requestFor(operation), async (request) => {
          const { problems, response, logged } = await check(request);
          if (!problems.length) return;
          const answer = `${response.status} ${response.body.toString('utf8').slice(0, 300)}${logged ? `\n  logged: ${logged}` : ''}`;
          if (SURVEY) {
            for (const problem of problems)
              failures.push({
                operation: request.operation,
                problem,
                status: response.status,
                request: `${describeRequest(request)}\n  answer: ${answer}`,
              });
            return;
          }
          throw new Error(`${problems.join('; ')}\n  answer: ${answer}`);
        }),
        { seed: SEED + index, numRuns: RUNS },
      );
      if (result.failed)
        reports.push(
          [
            `${operation.id} (${operation.method} ${operation.path}) failed after ${result.numRuns} requests` +
              ` (FUZZ_SEED=${SEED} FUZZ_ONLY=${operation.id}; fast-check seed ${result.seed}, path "${result.counterexamplePath}"):`,
            `  ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
            `  shrunk request: ${result.counterexample ? describeRequest(result.counterexample[0]) : '?'}`,
          ].join('\n'),
        );
    }
    if (reports.length) throw new Error(`${reports.length} operations failed:\n\n${reports.join('\n\n')}`);
  }, 300_000);
});
