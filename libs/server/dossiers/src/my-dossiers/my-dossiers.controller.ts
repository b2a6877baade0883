import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  actionRequestSchema,
  statusLookupRequestSchema,
  type DossierDetail,
  type DossierSummary,
  type SessionUser,
  type StatusLookupResult,
  type WorkflowAction,
  workflowActions,
} from '@portal/contracts';
import { CurrentUser, SignedIn } from '@portal/server/identity';
import { ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import { z } from 'zod';
import { ActionNotAllowed } from '../office/office.errors';
import { WorkflowActionsService } from '../office/workflow-actions.service';
import { MyDossiersService } from './my-dossiers.service';

const citizenActionSchema = actionRequestSchema.extend({
  /** New uploads sent with a resubmission. */
  attachmentIds: z
    .array(z.string().uuid({ message: 'uploadRequired' }))
    .max(10, { message: 'tooLong' })
    .optional(),
});

@ApiTags('dossiers')
@Controller('dossiers')
export class MyDossiersController {
  constructor(
    private readonly dossiers: MyDossiersService,
    private readonly workflow: WorkflowActionsService,
  ) {}

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

  @Post(':code/actions/:action')
  @HttpCode(200)
  @UseGuards(SignedIn)
  @ApiOperation({ summary: 'The citizen sends the papers asked for (resubmit), or withdraws the dossier.' })
  async act(
    @Param('code') code: string,
    @Param('action') action: string,
    @Body(new ZodBody(citizenActionSchema)) body: z.output<typeof citizenActionSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<DossierDetail> {
    // Which of them a citizen may take, and when, is the state table's to say (resubmit, withdraw).
    if (!(workflowActions as readonly string[]).includes(action))
      throw new ActionNotAllowed(action.slice(0, 32), 'unknown');
    await this.workflow.act(user, { applicantId: user.id }, code, action as WorkflowAction, {
      version: body.version,
      reason: body.reason,
      attachmentIds: body.attachmentIds,
      requestId: req.id === undefined ? undefined : String(req.id),
    });
    return this.dossiers.detail(user.id, code);
  }

  @Get(':code')
  @UseGuards(SignedIn)
  @ApiOperation({ summary: 'One of my dossiers with its papers and the timeline of every event.' })
  detail(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<DossierDetail> {
    return this.dossiers.detail(user.id, code);
  }
}
