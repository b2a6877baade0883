import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@portal/server/platform';
import { AppModule } from './app.module';
import { explainStartupFailure } from './bootstrap-error';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
      bufferLogs: true,
      abortOnError: false,
    });
  } catch (error) {
    process.stderr.write(`${explainStartupFailure(error, config.DATABASE_URL)}\n`);
    process.exit(1);
  }
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cổng Dịch vụ công — API')
      .setDescription('Public service portal: catalogue, dossiers, workflow, payments, reports.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`API listening on http://${config.HOST}:${config.PORT}/api`);
}

void bootstrap();
