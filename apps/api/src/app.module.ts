import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { CatalogueModule } from '@portal/server/catalogue';
import { DossiersModule } from '@portal/server/dossiers';
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
        // In production the API also serves the built Angular app.
        ...(config.WEB_ROOT
          ? [ServeStaticModule.forRoot({ rootPath: config.WEB_ROOT, exclude: ['/api{/*path}'] })]
          : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
