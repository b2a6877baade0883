import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  dossierExportIdSchema,
  dossierExportRequestSchema,
  type DossierExport,
  type DossierExportList,
  type DossierExportRequest,
  type SessionUser,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodBody, ApiZodParams, languageOf, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { EXPORT_CONTENT_TYPES } from '../report-export';
import { DossierExportsService } from './dossier-exports.service';

const notFound = '`EXPORT_NOT_FOUND`: no such export of yours.';

/**
 * The whole list of dossiers behind a figure of the report, as a file made in the background: asked for
 * here, made by the worker, followed by its progress, and downloaded by the one who asked. Auditors (every
 * ward) and a ward's leader (their own); asking for an export reads the reports and changes no record.
 */
@ApiTags('reports')
@Controller('reports/exports')
@UseGuards(SignedIn)
@Roles('leader', 'auditor')
export class DossierExportsController {
  constructor(private readonly exports: DossierExportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Asks for the whole list of dossiers behind one figure (the drill-down’s query) as XLSX or CSV, made in the background.',
  })
  @ApiZodBody(dossierExportRequestSchema)
  @ApiAcceptedResponse({ description: 'The export, queued: follow it at `GET /api/reports/exports/{id}`.' })
  @ApiErrors({
    403: "`ROLE_REQUIRED`, or `REPORT_OUT_OF_SCOPE` (a leader asked for another ward's).",
    429: '`EXPORTS_IN_PROGRESS`: three of your exports are still being made.',
  })
  request(
    @Body(new ZodBody(dossierExportRequestSchema)) { lang, ...body }: DossierExportRequest,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<DossierExport> {
    return this.exports.request(user, body, lang ?? languageOf(req), requestIdFrom(req));
  }

  @Get()
  @ApiOperation({ summary: 'Your latest exports, newest first, each with its progress.' })
  @ApiOkResponse({ description: 'At most 20 exports.' })
  @ApiErrors({ 403: '`ROLE_REQUIRED`.' })
  async list(@CurrentUser() user: SessionUser): Promise<DossierExportList> {
    return { exports: await this.exports.list(user) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your exports: its status, how many dossiers it lists and how many are written.' })
  @ApiZodParams(dossierExportIdSchema)
  @ApiOkResponse({ description: 'The export.' })
  @ApiErrors({ 403: '`ROLE_REQUIRED`.', 404: notFound })
  get(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<DossierExport> {
    return this.exports.get(user, id);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'The file of one of your finished exports (audited).' })
  @ApiZodParams(dossierExportIdSchema)
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx, EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({ description: 'The file, to save (Content-Disposition: attachment).' })
  @ApiErrors({
    403: '`ROLE_REQUIRED`.',
    404: notFound,
    409: '`EXPORT_NOT_READY`: still being made; `EXPORT_FAILED`: it could not be made.',
    410: '`EXPORT_EXPIRED`: its file was kept for seven days and is deleted.',
  })
  async file(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.file(user, id, requestIdFrom(req));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(createReadStream(file.path), {
      type: EXPORT_CONTENT_TYPES[file.format],
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.sizeBytes,
    });
  }
}
