import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Takes the caller's X-Request-Id when it looks like one, otherwise makes one. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The path without its query string: queries may carry personal data (a phone number, a name). */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * How an error is logged: its kind and where it was thrown, never the data it was about. A database
 * error carries the failed query's parameters and, in its message and detail, the values it refused
 * (names, personal ID numbers): only its SQLSTATE, table and constraint are kept, and the stack
 * without its first line (the message).
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as Error & Record<string, unknown>;
  const driver = (fields['driverError'] ?? fields) as Record<string, unknown>;
  const sqlState = typeof driver['code'] === 'string' && SQLSTATE.test(driver['code']) ? driver['code'] : undefined;
  if (sqlState || 'parameters' in fields || 'query' in fields) {
    return {
      type: error.name,
      sqlState,
      table: typeof driver['table'] === 'string' ? driver['table'] : undefined,
      constraint: typeof driver['constraint'] === 'string' ? driver['constraint'] : undefined,
      stack: error.stack?.split('\n').slice(1).join('\n'),
    };
  }
  return { type: error.name, message: error.message, stack: error.stack };
}

/**
 * Structured JSON logs (pino) with the request id on every line. Request
 * bodies, query strings, cookies and authorisation headers are never logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { service },
              // The id given first (before the body parser, see http/request-guards) is kept.
              genReqId: (req, res) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req, res),
              customAttributeKeys: { reqId: 'requestId' },
              serializers: {
                err: safeError,
                req: (req: { id?: string; method?: string; url?: string }) => ({
                  id: req.id,
                  method: req.method,
                  path: pathOnly(req.url),
                }),
                res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
              },
              redact: {
                paths: [
                  'req.headers',
                  'req.body',
                  'req.query',
                  'res.headers',
                  '*.password',
                  '*.fullName',
                  '*.phone',
                  '*.email',
                ],
                remove: true,
              },
              autoLogging: {
                ignore: (req: IncomingMessage) => /^\/api\/(health|metrics)/.test(req.url ?? ''),
              },
            },
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
