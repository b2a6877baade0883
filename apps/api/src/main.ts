import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit } from '@portal/server/platform';
import { Logger } from 'nestjs-pino';
import { explainStartupFailure } from './bootstrap-error';
import { createApp } from './create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  let app: NestExpressApplication;
  try {
    app = await createApp(config);
  } catch (error) {
    process.stderr.write(`${explainStartupFailure(error, config.DATABASE_URL)}\n`);
    process.exit(1);
  }
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`API listening on http://${config.HOST}:${config.PORT}/api`);
}

void bootstrap();
