import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  defaultJobOptions,
  HousekeepingModule,
  LoggingModule,
  OutboxRelayModule,
  redisOptionsFromUrl,
} from '@portal/server/platform';
import { DossiersWorkerModule } from '@portal/server/dossiers';
import { NotificationsModule } from '@portal/server/notifications';
import { PaymentsWorkerModule } from '@portal/server/payments';
import { ReportsWorkerModule } from '@portal/server/reports';
import { ResultsWorkerModule } from '@portal/server/results';

/** Composition only: the relay and the processors this worker runs. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DatabaseModule.forRoot('portal-worker'),
        BullModule.forRoot({
          connection: redisOptionsFromUrl(config.REDIS_URL),
          prefix: config.QUEUE_PREFIX,
          defaultJobOptions,
        }),
        OutboxRelayModule,
        HousekeepingModule,
        NotificationsModule,
        DossiersWorkerModule,
        PaymentsWorkerModule,
        ResultsWorkerModule,
        ReportsWorkerModule,
      ],
    };
  }
}
