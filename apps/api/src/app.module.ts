import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CatalogueModule } from '@portal/server/catalogue';
import { DossiersModule } from '@portal/server/dossiers';
import { PaymentsModule } from '@portal/server/payments';
import { ReportsModule } from '@portal/server/reports';
import { ResultsModule } from '@portal/server/results';
import { AuthModule, IdentityModule } from '@portal/server/identity';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  ErrorFilter,
  HealthModule,
  LoggingModule,
  MetricsModule,
  QueuesModule,
} from '@portal/server/platform';
import { StaticFilesModule } from './static-files';

/** Composition only: which modules the HTTP API is made of. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('api'),
        DatabaseModule.forRoot('portal-api'),
        QueuesModule,
        HealthModule,
        MetricsModule,
        IdentityModule,
        AuthModule,
        CatalogueModule,
        DossiersModule,
        PaymentsModule,
        ResultsModule,
        ReportsModule,
        // In production the API also serves the built Angular app (precompressed, cached; never under /api).
        ...(config.WEB_ROOT ? [StaticFilesModule.forRoot(config.WEB_ROOT)] : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
