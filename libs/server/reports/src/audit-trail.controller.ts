import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, type AuditPage, type AuditQuery, type SessionUser } from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodQuery, requestIdFrom, ZodBody } from '@portal/server/platform';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { once } from 'node:events';
import { AuditTrailService } from './audit-trail.service';

const auditorsOnly = '`ROLE_REQUIRED`: auditors only.';

/** The audit trail, for auditors: searched, and exported as CSV. */
@ApiTags('reports')
@Controller('audit')
@UseGuards(SignedIn)
@Roles('auditor')
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail by dossier (with its own history), actor, action prefix and period, newest first.',
  })
  @ApiZodQuery(auditQuerySchema)
  @ApiOkResponse({ description: 'One page of entries, and whether there is a next.' })
  @ApiErrors({ 403: auditorsOnly })
  search(
    @Query(new ZodBody(auditQuerySchema)) query: AuditQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<AuditPage> {
    return this.trail.search(user, query, requestIdFrom(req));
  }

  @Get('export')
  @ApiOperation({ summary: 'The same entries as CSV (UTF-8 with BOM), streamed, at most 100,000.' })
  @ApiZodQuery(auditQuerySchema)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.' })
  @ApiErrors({ 403: auditorsOnly })
  async export(
    @Query(new ZodBody(auditQuerySchema)) query: AuditQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { page: _page, ...filters } = query;
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="nhat-ky-kiem-toan.csv"',
      'Cache-Control': 'no-store',
    });
    const csv = stringify({
      bom: true,
      header: true,
      columns: [
        'occurredAt',
        'source',
        'actor',
        'email',
        'role',
        'action',
        'dossier',
        'target',
        'change',
        'details',
        'requestId',
      ],
    });
    csv.pipe(res);
    for await (const batch of this.trail.export(user, filters, requestIdFrom(req))) {
      for (const e of batch) {
        const more = csv.write([
          e.occurredAt,
          e.source,
          e.actor?.name ?? '',
          e.actor?.email ?? '',
          e.role ?? '',
          e.action,
          e.dossierCode ?? '',
          e.target ? `${e.target.type}:${e.target.id}` : '',
          e.change ? `${e.change.from ?? ''}→${e.change.to ?? ''}` : '',
          e.details ? JSON.stringify(e.details) : '',
          e.requestId ?? '',
        ]);
        if (!more) await once(csv, 'drain');
      }
    }
    csv.end();
    await once(res, 'finish');
  }
}
