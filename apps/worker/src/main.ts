import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { describeDatabase, loadConfigOrExit } from '@portal/server/platform';
import { WorkerModule } from './worker.module';

/** The worker: no HTTP, only the outbox relay and the BullMQ processors. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  try {
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      bufferLogs: true,
      abortOnError: false,
    });
    app.useLogger(app.get(Logger));
    app.enableShutdownHooks();
    app.get(Logger).log('worker started');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Worker could not start (database ${describeDatabase(config.DATABASE_URL)}): ${message}\n`);
    process.exit(1);
  }
}

void bootstrap();
