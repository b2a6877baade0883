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
              genReqId: requestIdOf,
              customAttributeKeys: { reqId: 'requestId' },
              serializers: {
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
