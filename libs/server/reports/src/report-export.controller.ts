import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { reportExportQuerySchema, type ReportExportQuery, type SessionUser } from '@portal/contracts';
import { audit, CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import {
  ApiErrors,
  ApiZodParams,
  ApiZodQuery,
  languageOf,
  NotFound,
  requestIdFrom,
  ZodBody,
} from '@portal/server/platform';
import type { Request, Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EXPORT_CONTENT_TYPES, reportExportFormats, reportFileName, writeReport } from './report-export';
import { ReportsService } from './reports.service';

const formatPathSchema = z.object({
  format: z.enum(reportExportFormats, { message: 'choose' }).meta({ description: '`xlsx` or `csv` (UTF-8 with BOM).' }),
});

export class ExportFormatNotFound extends NotFound {
  constructor() {
    super('EXPORT_FORMAT_NOT_FOUND', {
      vi: 'Chỉ xuất được báo cáo dạng xlsx hoặc csv.',
      en: 'A report is exported as xlsx or csv only.',
    });
  }
}

/** Form 06 as a spreadsheet: the figures on screen, to open in a spreadsheet program. Audited. */
@ApiTags('reports')
@Controller('reports/processing/export')
@UseGuards(SignedIn)
@Roles('leader', 'auditor')
export class ReportExportController {
  constructor(
    private readonly reports: ReportsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get(':format')
  @ApiOperation({
    summary:
      "Form 06 for a period and filters, as XLSX or CSV (UTF-8 with BOM), in `lang` (else the request's language).",
  })
  @ApiZodParams(formatPathSchema)
  @ApiZodQuery(reportExportQuerySchema)
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx, EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'The file: the form with its numbered columns, then the rates.' })
  @ApiErrors({
    403: "`ROLE_REQUIRED`, or `REPORT_OUT_OF_SCOPE` (a leader asked for another ward's).",
    404: '`EXPORT_FORMAT_NOT_FOUND`.',
  })
  async export(
    @Param('format') format: string,
    @Query(new ZodBody(reportExportQuerySchema)) { lang, ...query }: ReportExportQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const checked = formatPathSchema.safeParse({ format });
    if (!checked.success) throw new ExportFormatNotFound();
    const requestId = requestIdFrom(req);
    const report = await this.reports.processing(user, query, requestId);
    await audit(this.dataSource.manager, {
      actorId: user.id,
      action: 'report.exported',
      targetType: 'report',
      targetId: 'processing',
      details: { format: checked.data.format, period: report.period, filters: report.filters },
      requestId,
    });
    res.set({
      'Content-Type': EXPORT_CONTENT_TYPES[checked.data.format],
      'Content-Disposition': `attachment; filename="${reportFileName(report, checked.data.format)}"`,
      'Cache-Control': 'no-store',
    });
    await writeReport(report, checked.data.format, lang ?? languageOf(req), res);
  }
}
