import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HolidaysController } from './holidays/holidays.controller';
import { HolidaysService } from './holidays/holidays.service';
import { Procedure } from './procedures/procedure.entity';
import { ProceduresController } from './procedures/procedures.controller';
import { ProceduresService } from './procedures/procedures.service';
import { CatalogueSeeder } from './seed/catalogue-seeder';

@Module({
  imports: [TypeOrmModule.forFeature([Procedure])],
  controllers: [ProceduresController, HolidaysController],
  providers: [ProceduresService, CatalogueSeeder, HolidaysService],
  exports: [ProceduresService, CatalogueSeeder, HolidaysService],
})
export class CatalogueModule {}
