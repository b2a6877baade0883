import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProcedureDetail, ProcedureSummary } from '@portal/contracts';
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
  @ApiOkResponse({ description: 'The procedure.' })
  @ApiNotFoundResponse({ description: '`PROCEDURE_NOT_FOUND`: no active procedure has this code.' })
  get(@Param('code') code: string): Promise<ProcedureDetail> {
    return this.procedures.get(code);
  }
}
