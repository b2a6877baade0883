import { DynamicModule, Module } from '@nestjs/common';
import { CatalogueModule } from '@portal/server/catalogue';
import { DemoDataModule } from '@portal/server/demo-data';
import { IdentityModule } from '@portal/server/identity';
import { AppConfig, ConfigModule, DatabaseModule } from '@portal/server/platform';
import { ResultsSeedModule } from '@portal/server/results';

/** What the seed command needs: the database and the seeders of each domain. */
@Module({})
export class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('portal-seed'),
        IdentityModule,
        CatalogueModule,
        ResultsSeedModule,
        DemoDataModule,
      ],
    };
  }
}
