import { Body, Controller, Get, Param, Put, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  procedurePathSchema,
  procedureUpdateSchema,
  type ProcedureAdminView,
  type SessionUser,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodBody, ApiZodParams, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import { ProcedureNotFound } from '../procedures/procedure-not-found.error';
import { ProcedureAdminService } from './procedure-admin.service';

function checkedCode(code: string): string {
  if (!procedurePathSchema.safeParse({ code }).success) throw new ProcedureNotFound(code);
  return code;
}

/** The catalogue as administrators keep it: every procedure, taking applications or not. */
@ApiTags('procedure administration')
@Controller('admin/procedures')
@UseGuards(SignedIn)
@Roles('admin')
export class ProcedureAdminController {
  constructor(private readonly procedures: ProcedureAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every procedure with its fees, time limit, papers and state (administrators).' })
  @ApiOkResponse({ description: 'The procedures, in catalogue order, including those not taking applications.' })
  list(): Promise<ProcedureAdminView[]> {
    return this.procedures.list();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One procedure as administrators edit it.' })
  @ApiZodParams(procedurePathSchema)
  @ApiOkResponse({ description: 'The procedure, with its version for the next edit.' })
  @ApiErrors({ 404: '`PROCEDURE_NOT_FOUND`: no procedure has this code.' })
  get(@Param('code') code: string): Promise<ProcedureAdminView> {
    return this.procedures.get(checkedCode(code));
  }

  @Put(':code')
  @ApiOperation({
    summary:
      'Change fee amounts, the time limit, paper names and whether new applications are taken (administrators). Applies to dossiers submitted afterwards.',
  })
  @ApiZodParams(procedurePathSchema)
  @ApiZodBody(procedureUpdateSchema)
  @ApiOkResponse({ description: 'The procedure as it now is.' })
  @ApiErrors({
    404: '`PROCEDURE_NOT_FOUND`: no procedure has this code.',
    409: '`PROCEDURE_CHANGED`: someone else changed it since `version`; reload and edit again.',
  })
  update(
    @Param('code') code: string,
    @Body(new ZodBody(procedureUpdateSchema)) body: z.output<typeof procedureUpdateSchema>,
    @CurrentUser() admin: SessionUser,
    @Req() req: Request,
  ): Promise<ProcedureAdminView> {
    return this.procedures.update(admin, checkedCode(code), body, requestIdFrom(req));
  }
}
