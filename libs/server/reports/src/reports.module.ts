import { Module } from '@nestjs/common';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';
import { ReportExportController } from './report-export.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ServiceIndexModule } from './service-index.module';

@Module({
  imports: [ServiceIndexModule],
  controllers: [ReportsController, ReportExportController, AuditTrailController],
  providers: [ReportsService, AuditTrailService],
  exports: [ReportsService],
})
export class ReportsModule {}
