import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  reportDossiersQuerySchema,
  reportQuerySchema,
  reportTrendQuerySchema,
  type ProcessingReport,
  type ReportTrend,
  type ReportTrendQuery,
  type ReportDossierPage,
  type ReportDossiersQuery,
  type ReportQuery,
  type SessionUser,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodQuery, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import { ReportsService } from './reports.service';

const outOfScope =
  "`ROLE_REQUIRED`: not an auditor nor a ward's leader.\n\n`REPORT_OUT_OF_SCOPE`: a leader asked for another ward or province.";

/** The auditors' reports (every ward), and a ward leader's (their own ward). Every pull is audited. */
@ApiTags('reports')
@Controller('reports/processing')
@UseGuards(SignedIn)
@Roles('leader', 'auditor')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Form 06 (processing of dossiers) for a period: per ward and procedure, received, resolved and in progress, with the rates.',
  })
  @ApiZodQuery(reportQuerySchema)
  @ApiOkResponse({ description: 'The rows, their totals and the rates (definitions in docs/reports.md).' })
  @ApiErrors({ 403: outOfScope })
  processing(
    @Query(new ZodBody(reportQuerySchema)) query: ReportQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<ProcessingReport> {
    return this.reports.processing(user, query, requestIdFrom(req));
  }

  @Get('trend')
  @ApiOperation({ summary: "Form 06's totals and rates month by month: the last months up to this one, same filters." })
  @ApiZodQuery(reportTrendQuerySchema)
  @ApiOkResponse({ description: 'A point per month, oldest first.' })
  @ApiErrors({ 403: outOfScope })
  trend(
    @Query(new ZodBody(reportTrendQuerySchema)) query: ReportTrendQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<ReportTrend> {
    return this.reports.trend(user, query, requestIdFrom(req));
  }

  @Get('dossiers')
  @ApiOperation({ summary: 'The dossiers behind one figure of the report (same filters), a page at a time.' })
  @ApiZodQuery(reportDossiersQuerySchema)
  @ApiOkResponse({ description: 'One page of the dossiers, and their total, which equals the figure.' })
  @ApiErrors({ 403: outOfScope })
  dossiers(
    @Query(new ZodBody(reportDossiersQuerySchema)) query: ReportDossiersQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<ReportDossierPage> {
    return this.reports.dossiers(user, query, requestIdFrom(req));
  }
}
