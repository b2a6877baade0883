import { validationMessages, type FieldProblem, type LocalizedText } from '@portal/contracts';
import { json } from 'express';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { languageOf, sendError } from '../errors/error.filter';
import { requestIdOf } from '../logging/logging.module';
import { VALIDATION_FAILED_TEXT } from '../validation/validation';

/** The largest JSON body the API reads; a whole application (counter intake) is a few kilobytes. */
export const JSON_BODY_LIMIT = '100kb';
/** Nesting deeper than any form of the portal: refused before a schema walks it. */
export const MAX_NESTING = 32;

/**
 * C0 and C1 control characters and DEL, except tab, line feed and carriage return (multi-line
 * reasons keep their lines). PostgreSQL refuses NUL outright; the others have no place in a form.
 */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
/** Keys that would reach an object's prototype if the data were ever merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const TEXTS = {
  malformed: {
    code: 'MALFORMED_BODY',
    text: {
      vi: 'Dữ liệu gửi lên không đúng định dạng JSON. Vui lòng tải lại trang và thử lại.',
      en: 'The data sent is not valid JSON. Please reload the page and try again.',
    },
  },
  tooLarge: {
    code: 'PAYLOAD_TOO_LARGE',
    text: {
      vi: `Dữ liệu gửi lên quá lớn (tối đa ${JSON_BODY_LIMIT.replace('kb', ' KB')}).`,
      en: `The data sent is too large (at most ${JSON_BODY_LIMIT.replace('kb', ' KB')}).`,
    },
  },
  charset: {
    code: 'UNSUPPORTED_CHARSET',
    text: {
      vi: 'Dữ liệu phải được gửi ở dạng mã UTF-8.',
      en: 'The data must be sent in the UTF-8 character set.',
    },
  },
  encoding: {
    code: 'UNSUPPORTED_CONTENT_ENCODING',
    text: {
      vi: 'Kiểu nén dữ liệu gửi lên không được hỗ trợ; hãy gửi không nén hoặc nén gzip, deflate hay br.',
      en: 'This content encoding is not supported; send the data uncompressed, or compressed with gzip, deflate or br.',
    },
  },
  nesting: {
    code: 'BODY_TOO_DEEP',
    text: {
      vi: 'Dữ liệu gửi lên lồng nhau quá sâu.',
      en: 'The data sent is nested too deeply.',
    },
  },
  path: {
    code: 'BAD_PATH',
    text: {
      vi: 'Địa chỉ trang không hợp lệ. Vui lòng kiểm tra lại đường dẫn.',
      en: 'The address is not valid. Please check the link.',
    },
  },
} satisfies Record<string, { code: string; text: LocalizedText }>;

/** body-parser's error types → the answer a caller can act on. */
const PARSER_ERRORS: Record<string, { status: number; answer: { code: string; text: LocalizedText } }> = {
  'entity.parse.failed': { status: 400, answer: TEXTS.malformed },
  'entity.verify.failed': { status: 400, answer: TEXTS.malformed },
  'request.aborted': { status: 400, answer: TEXTS.malformed },
  'request.size.invalid': { status: 400, answer: TEXTS.malformed },
  'entity.too.large': { status: 413, answer: TEXTS.tooLarge },
  'charset.unsupported': { status: 415, answer: TEXTS.charset },
  'encoding.unsupported': { status: 415, answer: TEXTS.encoding },
};

/** Gives every request its id first, so that even a body the parser refuses is answered with one. */
export const assignRequestId: RequestHandler = (req, res, next) => {
  (req as Request & { id?: string }).id ??= requestIdOf(req, res);
  next();
};

/** Personal data may be in any API answer: nothing is kept by browsers or proxies unless a route says so. */
export const noStoreByDefault: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * The JSON body parser (strict: an object or an array, never a bare value) and the mapping of its
 * failures to 400/413/415 with the usual error body. Other errors pass on.
 */
export function jsonBody(): [RequestHandler, (err: unknown, req: Request, res: Response, next: NextFunction) => void] {
  return [
    json({ limit: JSON_BODY_LIMIT, strict: true }),
    (err, req, res, next) => {
      const { type, status } = (err ?? {}) as { type?: unknown; status?: unknown };
      const known = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
      if (known) return sendError(req, res, known.status, known.answer.code, known.answer.text);
      // The parser's other refusals (e.g. a body labelled gzip that is not) carry no type, only a 4xx.
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return sendError(req, res, 400, TEXTS.malformed.code, TEXTS.malformed.text);
      }
      next(err);
    },
  ];
}

interface Finding {
  field: string;
  kind: 'control' | 'key' | 'depth';
}

/** Looks through a parsed value for control characters, prototype keys and excessive nesting. */
export function findUnacceptable(value: unknown, root: string): Finding | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, path, depth } = next;
    if (typeof current === 'string') {
      if (CONTROL.test(current)) return { field: path, kind: 'control' };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING) return { field: path, kind: 'depth' };
    for (const [key, inner] of Object.entries(current)) {
      const innerPath = path ? `${path}.${key}` : key;
      if (CONTROL.test(key)) return { field: path, kind: 'control' };
      if (FORBIDDEN_KEYS.has(key)) return { field: innerPath, kind: 'key' };
      stack.push({ value: inner, path: innerPath, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The one place that refuses control characters (NUL among them, which PostgreSQL cannot store)
 * in the path, the query string and the JSON body of every API request, before any route sees them.
 */
export const refuseUnacceptableInput: RequestHandler = (req, res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return sendError(req, res, 400, TEXTS.path.code, TEXTS.path.text);
  }
  if (CONTROL.test(path)) return sendError(req, res, 400, TEXTS.path.code, TEXTS.path.text);
  const finding = findUnacceptable(req.query, '') ?? findUnacceptable(req.body, '');
  if (!finding) return next();
  if (finding.kind === 'depth') return sendError(req, res, 400, TEXTS.nesting.code, TEXTS.nesting.text);
  const language = languageOf(req);
  const problem: FieldProblem = {
    field: finding.field,
    code: finding.kind === 'control' ? 'controlCharacter' : 'wrongType',
    message: validationMessages[finding.kind === 'control' ? 'controlCharacter' : 'wrongType'][language],
  };
  sendError(req, res, 400, 'VALIDATION_FAILED', VALIDATION_FAILED_TEXT, { fields: [problem] });
};

/** What Node's HTTP parser refuses before any middleware runs: a request line or headers too large, or garbled. */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; text: LocalizedText }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    text: {
      vi: 'Địa chỉ hoặc phần đầu của yêu cầu quá dài. Vui lòng kiểm tra lại đường dẫn.',
      en: 'The address or the headers of the request are too long. Please check the link.',
    },
  },
};
const GARBLED = {
  status: 400,
  reason: 'Bad Request',
  text: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
};

/**
 * Answers requests that Node's HTTP parser refuses (a URL over its header limit, a garbled request) with
 * the API's error body instead of Node's empty one, in the caller's language when the part Node read names it.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) return socket.destroy();
    const answer = CLIENT_ERRORS[error.code ?? ''] ?? GARBLED;
    // What the parser had read, when it says: the caller's Accept-Language may be in it.
    const raw = (error as { rawPacket?: unknown }).rawPacket;
    const seen = Buffer.isBuffer(raw) ? raw.toString('latin1') : '';
    const acceptLanguage = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(seen)?.[1] ?? '';
    const body = JSON.stringify({
      code: answer.status === 431 ? 'REQUEST_TOO_LARGE' : 'BAD_REQUEST',
      message: answer.text[languageOf({ headers: { 'accept-language': acceptLanguage } })],
      requestId: randomUUID(),
    });
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
