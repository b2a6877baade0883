import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { WebSession } from '@portal/server/identity';
import {
  answerClientErrors,
  assignRequestId,
  jsonBody,
  noStoreByDefault,
  queueDashboard,
  QUEUE_DASHBOARD_PATH,
  refuseUnacceptableInput,
  ShutdownHooks,
  trustProxySetting,
  type AppConfig,
} from '@portal/server/platform';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { buildOpenApiDocument } from './openapi';

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    // Parsed below, where its failures are answered as the API answers (400/413/415, with a request id).
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(assignRequestId);
  answerClientErrors(app.getHttpServer());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular and Swagger UI add <style> elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests:
            config.NODE_ENV === 'production' && config.PUBLIC_URL.startsWith('https:') ? [] : null,
        },
      },
      strictTransportSecurity: config.PUBLIC_URL.startsWith('https:'),
    }),
  );
  app.disable('x-powered-by');
  // The queue dashboard for administrators, behind the session.
  const dashboard = queueDashboard(config);
  app.use(QUEUE_DASHBOARD_PATH, ...app.get(WebSession).handlers, app.get(WebSession).csrfCheck, ...dashboard.handlers);
  app.get(ShutdownHooks).add(dashboard.close);
  // Sessions only where they are used: the API, but not its health checks and metrics, nor the web app's files.
  const sessionless = /^\/api\/(health|metrics)(\/|$)/;
  app.use('/api', noStoreByDefault);
  for (const handler of app.get(WebSession).handlers) {
    app.use('/api', (req: Request, res: Response, next: NextFunction) =>
      sessionless.test(req.originalUrl) ? next() : handler(req, res, next),
    );
  }
  app.use('/api', ...jsonBody(), refuseUnacceptableInput);
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
