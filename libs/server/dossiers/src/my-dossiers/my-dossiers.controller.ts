import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  statusLookupRequestSchema,
  type DossierDetail,
  type DossierSummary,
  type SessionUser,
  type StatusLookupResult,
} from '@portal/contracts';
import { CurrentUser, SignedIn } from '@portal/server/identity';
import { ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import { MyDossiersService } from './my-dossiers.service';

@ApiTags('dossiers')
@Controller('dossiers')
export class MyDossiersController {
  constructor(private readonly dossiers: MyDossiersService) {}

  @Get()
  @UseGuards(SignedIn)
  @ApiOperation({ summary: "The signed-in citizen's dossiers, newest first." })
  list(@CurrentUser() user: SessionUser): Promise<DossierSummary[]> {
    return this.dossiers.list(user.id);
  }

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Public status lookup by dossier code and the applicant phone number.' })
  lookup(
    @Body(new ZodBody(statusLookupRequestSchema)) body: z.output<typeof statusLookupRequestSchema>,
    @Req() req: Request,
  ): Promise<StatusLookupResult> {
    return this.dossiers.lookup(body.code, body.phone, req.ip ?? 'unknown');
  }

  @Get(':code')
  @UseGuards(SignedIn)
  @ApiOperation({ summary: 'One of my dossiers with its papers and the timeline of every event.' })
  detail(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<DossierDetail> {
    return this.dossiers.detail(user.id, code);
  }
}
