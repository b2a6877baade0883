import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@portal/server/catalogue';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsService } from './applications/applications.service';
import { AttachmentsModule } from './attachments/attachments.module';
import { DossierEvent } from './dossier-event.entity';
import { Dossier } from './dossier.entity';
import { MyDossiersController } from './my-dossiers/my-dossiers.controller';
import { MyDossiersService } from './my-dossiers/my-dossiers.service';
import { CounterIntakeService } from './office/counter-intake.service';
import { OfficeController } from './office/office.controller';
import { OfficeService } from './office/office.service';
import { WorkflowActionsService } from './office/workflow-actions.service';

/** The dossier aggregate: online applications (drafts, submission), a citizen's dossiers, the status lookup. */
@Module({
  imports: [TypeOrmModule.forFeature([Dossier, DossierEvent]), AttachmentsModule, CatalogueModule],
  controllers: [ApplicationsController, MyDossiersController, OfficeController],
  providers: [ApplicationsService, MyDossiersService, OfficeService, WorkflowActionsService, CounterIntakeService],
  exports: [TypeOrmModule, ApplicationsService],
})
export class DossiersModule {}
