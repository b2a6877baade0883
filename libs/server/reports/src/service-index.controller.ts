import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  serviceIndexQuerySchema,
  type ServiceIndexQuery,
  type ServiceIndexReport,
  type SessionUser,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodQuery, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import { ServiceIndexService } from './service-index.service';

/** The citizen-service index (Decision 766) for auditors (every ward) and a ward's leader (their own). Audited. */
@ApiTags('reports')
@Controller('reports/service-index')
@UseGuards(SignedIn)
@Roles('leader', 'auditor')
export class ServiceIndexController {
  constructor(private readonly index: ServiceIndexService) {}

  @Get()
  @ApiOperation({
    summary:
      'The citizen-service index (Decision 766) for a month, quarter or year: per ward, ranked by total score, each indicator with its inputs, score and maximum, and the six groups.',
  })
  @ApiZodQuery(serviceIndexQuerySchema)
  @ApiOkResponse({
    description: 'The wards, best first, and the index of them together (definitions in docs/reports.md).',
  })
  @ApiErrors({
    403: "`ROLE_REQUIRED`: not an auditor nor a ward's leader.\n\n`REPORT_OUT_OF_SCOPE`: a leader asked for another ward or province.",
  })
  read(
    @Query(new ZodBody(serviceIndexQuerySchema)) query: ServiceIndexQuery,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<ServiceIndexReport> {
    return this.index.forReader(user, query, requestIdFrom(req));
  }
}
