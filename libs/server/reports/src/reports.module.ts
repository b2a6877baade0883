import { Module } from '@nestjs/common';
import { ReportExportController } from './report-export.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ServiceIndexModule } from './service-index.module';

@Module({
  imports: [ServiceIndexModule],
  controllers: [ReportsController, ReportExportController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
