import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { AttachmentsModule } from './attachments/attachments.module';
import { DossierEvent } from './dossier-event.entity';
import { Dossier } from './dossier.entity';
import { MyDossiersController } from './my-dossiers/my-dossiers.controller';
import { MyDossiersService } from './my-dossiers/my-dossiers.service';

/** The dossier aggregate: online applications (drafts, submission), a citizen's dossiers, the status lookup. */
@Module({
  imports: [TypeOrmModule.forFeature([Dossier, DossierEvent]), AttachmentsModule],
  controllers: [ApplicationsController, MyDossiersController],
  providers: [ApplicationsService, MyDossiersService],
  exports: [TypeOrmModule, ApplicationsService],
})
export class DossiersModule {}
