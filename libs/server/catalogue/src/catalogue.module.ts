import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Procedure } from './procedures/procedure.entity';
import { ProceduresController } from './procedures/procedures.controller';
import { ProceduresService } from './procedures/procedures.service';
import { CatalogueSeeder } from './seed/catalogue-seeder';

@Module({
  imports: [TypeOrmModule.forFeature([Procedure])],
  controllers: [ProceduresController],
  providers: [ProceduresService, CatalogueSeeder],
  exports: [ProceduresService, CatalogueSeeder],
})
export class CatalogueModule {}
