import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossierEvent } from './dossier-event.entity';
import { Dossier } from './dossier.entity';

/** The dossier aggregate. Submission and the workflow build on it (issues 3 and 4). */
@Module({
  imports: [TypeOrmModule.forFeature([Dossier, DossierEvent])],
  exports: [TypeOrmModule],
})
export class DossiersModule {}
