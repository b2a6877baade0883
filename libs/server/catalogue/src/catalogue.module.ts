import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HolidaysController } from './holidays/holidays.controller';
import { HolidaysService } from './holidays/holidays.service';
import { ProcedureAdminController } from './procedure-admin/procedure-admin.controller';
import { ProcedureAdminService } from './procedure-admin/procedure-admin.service';
import { Procedure } from './procedures/procedure.entity';
import { ProceduresController } from './procedures/procedures.controller';
import { ProceduresService } from './procedures/procedures.service';
import { CatalogueSeeder } from './seed/catalogue-seeder';

@Module({
  imports: [TypeOrmModule.forFeature([Procedure])],
  controllers: [ProceduresController, HolidaysController, ProcedureAdminController],
  providers: [ProceduresService, CatalogueSeeder, HolidaysService, ProcedureAdminService],
  exports: [ProceduresService, CatalogueSeeder, HolidaysService],
})
export class CatalogueModule {}
