import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  publicServiceIndexCsvQuerySchema,
  publicServiceIndexQuerySchema,
  type PublicServiceIndexCsvQuery,
  type PublicServiceIndexQuery,
  type ServiceIndexReport,
} from '@portal/contracts';
import { ApiErrors, ApiZodQuery, languageOf, RequestLimit, ZodBody } from '@portal/server/platform';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { serviceIndexCsv, serviceIndexFileName } from './service-index-csv';
import { ServiceIndexService } from './service-index.service';

/** Reads of the open data per address in 15 minutes (a page shows one; a script reading every month of two years, 24). */
const READS_PER_ADDRESS = 300;
/** How long a browser or a proxy may keep an answer: the counters move as dossiers change, so five minutes. */
const CACHE_CONTROL = 'public, max-age=300';

/** The citizen-service index as open data: no sign-in, aggregates only (no personal data), cacheable, rate-limited. */
@ApiTags('reports')
@Controller('public')
export class PublicServiceIndexController {
  private readonly reads: RequestLimit;

  constructor(
    private readonly index: ServiceIndexService,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.reads = new RequestLimit(dataSource, 'service-index', READS_PER_ADDRESS);
  }

  @Get('service-index')
  @ApiOperation({
    summary:
      'Public: the citizen-service index (Decision 766) per ward for a month, quarter or year, with each indicator’s formula, inputs, score and maximum.',
  })
  @ApiZodQuery(publicServiceIndexQuerySchema)
  @ApiOkResponse({ description: 'The wards ranked by total score, the definitions, and the index of them together.' })
  @ApiErrors({ 429: '`TOO_MANY_ATTEMPTS`.' })
  async json(
    @Query(new ZodBody(publicServiceIndexQuerySchema)) query: PublicServiceIndexQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ServiceIndexReport> {
    await this.reads.consume(req.ip ?? 'unknown');
    const report = await this.index.forPublic(query);
    res.set('Cache-Control', CACHE_CONTROL);
    return report;
  }

  @Get('service-index.csv')
  @ApiOperation({
    summary:
      'Public: the same as CSV (UTF-8 with BOM), a row per ward: each indicator’s numerator, denominator, value, score and maximum, the groups, the total and the band.',
  })
  @ApiZodQuery(publicServiceIndexCsvQuerySchema)
  @ApiProduces('text/csv; charset=utf-8')
  @ApiOkResponse({ description: 'The CSV file, headings in `lang`, else in the request’s language.' })
  @ApiErrors({ 429: '`TOO_MANY_ATTEMPTS`.' })
  async csv(
    @Query(new ZodBody(publicServiceIndexCsvQuerySchema)) query: PublicServiceIndexCsvQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.reads.consume(req.ip ?? 'unknown');
    const { lang, ...period } = query;
    const report = await this.index.forPublic(period);
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${serviceIndexFileName(report)}"`,
      'Cache-Control': CACHE_CONTROL,
    });
    res.send(serviceIndexCsv(report, lang ?? languageOf(req)));
  }
}
