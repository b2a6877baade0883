/**
 * The pieces of the API fuzzer (fuzz.int-spec.ts): requests generated from the
 * OpenAPI document's schemas, then broken in the ways attackers and broken
 * clients break them, and a raw HTTP client that can send any of them.
 */
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  maxItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  example?: unknown;
}

/** One request the fuzzer sends, printable in a failure report. */
export interface FuzzRequest {
  operation: string;
  actor: string;
  method: string;
  /** Path and query string, as sent (already encoded, or deliberately not). */
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the body is, for the report (its text, shortened). */
  bodyPreview?: string;
  language: 'vi' | 'en';
  csrf: 'token' | 'none' | 'wrong';
  /** The personal data strings the request carries: none may reach the logs. */
  personal: string[];
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const shorten = (text: string, max = 240) =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;

/** How a request is shown when a property fails (fast-check prints the shrunk counterexample with it). */
export function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'cookie' && name !== 'x-xsrf-token')
    .map(([name, value]) => `${name}: ${shorten(JSON.stringify(value), 80)}`)
    .join(', ');
  return [
    `${request.method} ${shorten(request.url, 300)} as ${request.actor} (${request.operation})`,
    `  headers: ${headers}; csrf: ${request.csrf}`,
    request.bodyPreview === undefined ? '  no body' : `  body: ${shorten(JSON.stringify(request.bodyPreview), 400)}`,
  ].join('\n');
}

/** Sends exactly these bytes (fetch refuses a GET with a body, and rewrites what it dislikes). */
export function send(base: URL, request: FuzzRequest): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

// ——— values ———

const VIETNAMESE_LETTERS = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Mai', 'Lê Hoàng Long', 'Phạm Thu Trang', 'Đặng Minh Khôi'];

/** Text of Vietnamese letters and spaces, as people type it. */
const vietnameseText = (maxLength: number) =>
  fc
    .array(fc.constantFrom(...VIETNAMESE_LETTERS, ' '), { minLength: 1, maxLength: Math.max(1, maxLength) })
    .map((letters) => letters.join(''));

/** Realistic values for fields people fill in, by their name: the personal data whose leaks the logs are searched for. */
const PERSONAL_FIELDS: Record<string, fc.Arbitrary<string>> = {
  fullName: fc.tuple(fc.constantFrom(...NAMES), fc.nat(999)).map(([name, n]) => `${name} ${'ABCDEGH'[n % 7]}ương`),
  householdHeadName: fc.constantFrom(...NAMES),
  email: fc.nat(1_000_000).map((n) => `fuzz.${n.toString(36)}@example.vn`),
  phone: fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `09${n}`),
  personalId: fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `001${n}`),
  password: fc.nat(1_000_000).map((n) => `Matkhau${n}x`),
  passwordConfirmation: fc.nat(1_000_000).map((n) => `Matkhau${n}x`),
  login: fc.oneof(
    fc.constantFrom('citizen@demo.dichvucong.vn', '0912000001', 'clerk.badinh@demo.dichvucong.vn'),
    fc.nat(1_000_000).map((n) => `fuzz.${n.toString(36)}@example.vn`),
  ),
  residence: vietnameseText(60).map((text) => `Số 12 ${text}`),
  address: vietnameseText(60).map((text) => `Số 929 ${text}`),
  permanentAddress: vietnameseText(60).map((text) => `Số 45 ${text}`),
  lastResidence: vietnameseText(60).map((text) => `Số 3 ${text}`),
  placeAddress: vietnameseText(60).map((text) => `Số 78 ${text}`),
  q: fc.constantFrom(...NAMES),
  reason: vietnameseText(80).map((text) => `Lý do ${text}`),
};
export const PERSONAL_KEYS = new Set([
  ...Object.keys(PERSONAL_FIELDS),
  'dateOfBirth',
  'dateOfDeath',
  'homeTown',
  'initialClinic',
]);

/** Values the portal knows (a ward, a procedure, papers): they lead requests past the first checks. */
const KNOWN_FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  procedureCode: fc.constantFrom('1.001193', 'LT.KS-TT-BHYT', '1.000656', 'KHONG-CO'),
  unitCode: fc.constantFrom('00004', '00008', '99999'),
  paperCode: fc.constantFrom('medical_birth_certificate', 'marriage_certificate', 'death_notice'),
  version: fc.integer({ min: 1, max: 3 }),
  year: fc.constantFrom(2026, 2027),
  ethnicity: fc.constant('Kinh'),
  nationality: fc.constant('Việt Nam'),
};

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid({ version: 4 });
  if (schema.format === 'email') return fc.emailAddress();
  const maxLength = Math.min(schema.maxLength ?? 40, 80);
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter((v) => v.length <= (schema.maxLength ?? 1e6));
    } catch {
      // A pattern fast-check cannot generate from (a look-ahead): plain text instead.
    }
  }
  return fc.oneof(
    vietnameseText(maxLength),
    fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, maxLength) }),
    // At the limit and just past it (a 254-character login, a 255-character one).
    ...(schema.maxLength
      ? [fc.integer({ min: Math.max(0, schema.maxLength - 6), max: schema.maxLength + 2 }).map((n) => 'a'.repeat(n))]
      : []),
  );
}

/** Values that satisfy the schema's types and constraints (the input side; refinements may still refuse them). */
export function valueOf(schema: Schema, key?: string, depth = 0): fc.Arbitrary<unknown> {
  if (key && PERSONAL_FIELDS[key]) return fc.oneof({ weight: 3, arbitrary: PERSONAL_FIELDS[key] }, stringOf(schema));
  if (key && KNOWN_FIELDS[key])
    return fc.oneof({ weight: 3, arbitrary: KNOWN_FIELDS[key] }, valueOf(schema, undefined, depth));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((option) => valueOf(option, key, depth)));
  if (schema.allOf?.length) return valueOf({ ...schema, allOf: undefined, ...schema.allOf[0] }, key, depth);
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 100_000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, undefined, depth + 1), {
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      if (schema.properties && depth < 6) {
        const properties = Object.fromEntries(
          Object.entries(schema.properties).map(([name, property]) => [name, valueOf(property, name, depth + 1)]),
        );
        return fc.record(properties, { requiredKeys: schema.required ?? [] });
      }
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ——— breaking them ———

/** C0 and C1 controls (NUL first), DEL, and the separators JavaScript treats as line ends. */
const CONTROLS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u009f',
  '\u2028',
  '\ufeff',
];
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
/** NUL most often: PostgreSQL cannot store it at all. */
const control = fc.oneof({ weight: 2, arbitrary: fc.constant('\u0000') }, fc.constantFrom(...CONTROLS));
const ONE_MEGABYTE = 1024 * 1024;

/** Strings that break things: controls, lengths at and past the limits (login 248–256), 1 MB, odd Unicode, injections. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.string({ maxLength: 8 }), control, fc.string({ maxLength: 8 })).map((p) => p.join('')),
  fc.integer({ min: 240, max: 260 }).map((n) => `${'a'.repeat(n - 13)}@example.com`.slice(0, n)),
  fc.integer({ min: 240, max: 260 }).map((n) => '9'.repeat(n)),
  fc.constantFrom(
    '',
    ' ',
    'a'.repeat(ONE_MEGABYTE),
    'ễ'.repeat(5000),
    '\ud800',
    '\udfff\ud800',
    '👨‍👩‍👧‍👦'.repeat(50),
    "' OR 1=1 --",
    '"; DROP TABLE dossier; --',
    '../../../../etc/passwd',
    '<script>alert(1)</script>',
    '%00',
    '${7*7}{{7*7}}',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    'null',
    'true',
  ),
);

/** Numbers past every limit, and the strings that look like numbers. */
const nastyNumber: fc.Arbitrary<unknown> = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER,
  '1',
  'NaN',
  '1e9999',
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.constantFrom(null, true, false, [], {}, [[[]]], { a: { b: { c: 1 } } }),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

function leavesOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (value && typeof value === 'object' && path.length < 8) {
    for (const [key, inner] of Object.entries(value))
      leavesOf(inner, [...path, Array.isArray(value) ? Number(key) : key], into);
  }
  return into;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((inner, key) => (inner as Record<string | number, unknown> | null)?.[key], value);
}

function replaceAt(value: unknown, path: Path, replacement: (old: unknown) => unknown): unknown {
  if (!path.length) return replacement(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((inner, i) => (i === head ? replaceAt(inner, rest, replacement) : inner));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value))
      Object.defineProperty(copy, key, {
        value: key === head ? replaceAt(inner, rest, replacement) : inner,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  return value;
}

/** The object with one more key in front, as an own property even when it is `__proto__` (as JSON.parse makes it). */
function withKeyFirst(object: object, key: string, value: unknown): unknown {
  const rest = JSON.stringify(object).slice(1, -1);
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}${rest ? `,${rest}` : ''}}`);
}

/** The ways a JSON value is broken: a part replaced, removed, added to, turned into an array; or left valid. */
export function broken(valid: fc.Arbitrary<unknown>): fc.Arbitrary<{ value: unknown; how: string }> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      nastyValue,
      fc.constantFrom(...FORBIDDEN_KEYS, 'extra', 'isAdmin', 'roles'),
      // Left whole a third of the time: valid requests reach the code behind the checks.
      fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 10, arbitrary: fc.integer({ min: 1, max: 5 }) }),
    )
    .map(([value, pick, nasty, key, how]) => {
      const leaves = leavesOf(value);
      const path = leaves[pick % leaves.length];
      switch (how) {
        case 0:
          return { value, how: 'as generated' };
        case 1:
          return { value: replaceAt(value, path, () => nasty), how: `${path.join('.') || 'the body'} replaced` };
        case 2: {
          if (!path.length) return { value: nasty, how: 'the body replaced' };
          const parent = path.slice(0, -1);
          const last = path[path.length - 1];
          return {
            value: replaceAt(value, parent, (old) =>
              Array.isArray(old)
                ? old.filter((_, i) => i !== last)
                : Object.fromEntries(Object.entries(old as object).filter(([k]) => k !== last)),
            ),
            how: `${path.join('.')} removed`,
          };
        }
        case 3:
          return {
            value: replaceAt(value, path, (old) =>
              old && typeof old === 'object' && !Array.isArray(old) ? withKeyFirst(old as object, key, nasty) : old,
            ),
            how: `${key} added at ${path.join('.') || 'the top'}`,
          };
        case 4:
          return { value: replaceAt(value, path, (old) => [old]), how: `${path.join('.') || 'the body'} as an array` };
        default: {
          // Into a string (NUL half the time), where there is one.
          const strings = leaves.filter((leaf) => typeof valueAt(value, leaf) === 'string');
          const into = strings.length ? strings[pick % strings.length] : path;
          const character = pick % 2 ? '\u0000' : CONTROLS[pick % CONTROLS.length];
          return {
            value: replaceAt(value, into, (old) => (typeof old === 'string' ? `${old}${character}x` : old)),
            how: `a control character in ${into.join('.') || 'the body'}`,
          };
        }
      }
    });
}

/** Bodies that are not the JSON object a route expects: bare values, broken JSON, 10,000 levels deep. */
export const rawBodies: fc.Arbitrary<string> = fc.constantFrom(
  'null',
  '0',
  '-1e400',
  '"text"',
  'true',
  '[]',
  '{',
  '{"a":',
  "{'a':1}",
  '{"a":1}garbage',
  '\ufeff{}',
  '\u0000',
  '{"version":1,"version":"x"}',
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  '["a",]',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
  `{"a":"${'x'.repeat(200_000)}"}`,
);

export interface Transport {
  contentType?: string;
  contentEncoding?: 'gzip' | 'gzip-garbage' | 'deflate' | 'br-garbage' | 'compress' | 'x-unknown' | 'identity';
}

/** How a body travels: the content type (charsets the API does not read), the encoding (compressions it does not know). */
export const transport: fc.Arbitrary<Transport> = fc.record({
  contentType: fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset="UTF-8"',
      'APPLICATION/JSON',
      'application/vnd.api+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=zz',
      'application/xml',
    ),
    fc.constant(undefined),
  ),
  contentEncoding: fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    fc.constantFrom('gzip', 'gzip-garbage', 'deflate', 'br-garbage', 'compress', 'x-unknown', 'identity' as const),
  ),
});

/** The bytes and headers of a body in a transport. */
export function encodeBody(text: string, how: Transport): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (how.contentType) headers['content-type'] = how.contentType;
  let body: Buffer = Buffer.from(text, how.contentType?.includes('utf-16') ? 'utf16le' : 'utf8');
  switch (how.contentEncoding) {
    case 'gzip':
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      break;
    case 'deflate':
      body = deflateSync(body);
      headers['content-encoding'] = 'deflate';
      break;
    case 'gzip-garbage':
      headers['content-encoding'] = 'gzip';
      break;
    case 'br-garbage':
      headers['content-encoding'] = 'br';
      break;
    case undefined:
      break;
    default:
      headers['content-encoding'] = how.contentEncoding;
  }
  return { body, headers };
}

/** Personal data strings in a JSON value (under the keys people's data go in), long enough not to appear by chance. */
export function personalStrings(value: unknown, key?: string, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (key && PERSONAL_KEYS.has(key) && value.trim().length >= 6) into.push(value);
  } else if (value && typeof value === 'object') {
    for (const [inner, innerValue] of Object.entries(value))
      personalStrings(innerValue, Array.isArray(value) ? key : inner, into);
  }
  return into;
}

/** A multipart/form-data body, built by hand so that it can also be wrong. */
export function multipart(
  boundary: string,
  parts: { name: string; value: Buffer | string; fileName?: string; type?: string }[],
  close = true,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName === undefined ? '' : `; filename="${part.fileName}"`}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
      ),
      Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A path segment: encoded as a browser would, or deliberately malformed (a lone %, an encoded NUL). */
export const encodeSegment = (value: unknown, raw: boolean) => (raw ? String(value) : encode(String(value)));

/** encodeURIComponent, with lone surrogates (which UTF-8 cannot carry) as U+FFFD, as browsers send them. */
export const encode = (value: string) =>
  encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );

export const rawSegments: fc.Arbitrary<string> = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%C0%AF',
  '..',
  '%2e%2e',
  '%0d%0aX-Injected:%201',
);
