import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { procedurePathSchema, type ProcedureDetail, type ProcedureSummary } from '@portal/contracts';
import { ApiErrors, ApiZodParams } from '@portal/server/platform';
import { ProceduresService } from './procedures.service';

@ApiTags('catalogue')
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'The procedures citizens can apply for, in both languages.' })
  @ApiOkResponse({ description: 'Procedure summaries, in catalogue order.' })
  list(): Promise<ProcedureSummary[]> {
    return this.procedures.list();
  }

  @Get(':code')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'One procedure: level, fees, legal time limit, required papers, legal basis.' })
  @ApiZodParams(procedurePathSchema)
  @ApiOkResponse({ description: 'The procedure.' })
  @ApiErrors({ 404: '`PROCEDURE_NOT_FOUND`: no procedure has this code.' })
  get(@Param('code') code: string): Promise<ProcedureDetail> {
    return this.procedures.get(code);
  }
}
