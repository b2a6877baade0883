import { Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';
import { DossierExportsController } from './exports/dossier-exports.controller';
import { DossierExportsService } from './exports/dossier-exports.service';
import { ReportExportController } from './report-export.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ServiceIndexModule } from './service-index.module';

@Module({
  imports: [ServiceIndexModule],
  controllers: [ReportsController, ReportExportController, DossierExportsController, AuditTrailController],
  providers: [ReportsService, AuditTrailService, DossierExportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
