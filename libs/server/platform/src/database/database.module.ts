import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './data-source-options';

@Module({})
export class DatabaseModule {
  /** Entities are registered by each domain module with TypeOrmModule.forFeature. */
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, applicationName),
            autoLoadEntities: true,
            // Fail fast: a process that cannot reach its database says so and stops.
            retryAttempts: 1,
            retryDelay: 500,
          }),
        }),
      ],
    };
  }
}
