import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  citizenActionRequestSchema,
  dossierActionPathSchema,
  dossierPathSchema,
  statusLookupRequestSchema,
  type DossierDetail,
  type DossierSummary,
  type SessionUser,
  type StatusLookupResult,
  type WorkflowAction,
  workflowActions,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodBody, ApiZodParams, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import { ActionNotAllowed } from '../office/office.errors';
import { WorkflowActionsService } from '../office/workflow-actions.service';
import { MyDossiersService } from './my-dossiers.service';

const dossierNotFound = '`DOSSIER_NOT_FOUND`: you have no dossier with this code.';

@ApiTags('dossiers')
@Controller('dossiers')
export class MyDossiersController {
  constructor(
    private readonly dossiers: MyDossiersService,
    private readonly workflow: WorkflowActionsService,
  ) {}

  @Get()
  @UseGuards(SignedIn)
  // A citizen's own dossiers; staff work dossiers in the back office only.
  @Roles('citizen')
  @ApiOperation({ summary: "The signed-in citizen's dossiers, newest first." })
  @ApiOkResponse({ description: 'Dossier summaries, the newest first.' })
  list(@CurrentUser() user: SessionUser): Promise<DossierSummary[]> {
    return this.dossiers.list(user.id);
  }

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Public status lookup by dossier code and the applicant phone number.' })
  @ApiZodBody(statusLookupRequestSchema)
  @ApiOkResponse({ description: "The dossier's status, ward and dates (nothing personal)." })
  @ApiErrors({
    404: '`LOOKUP_NOT_FOUND`: no dossier has this code and phone number (the same for either being wrong).',
    429: '`TOO_MANY_ATTEMPTS`: more than 20 lookups from this address in 15 minutes; `Retry-After` says when to retry.',
  })
  lookup(
    @Body(new ZodBody(statusLookupRequestSchema)) body: z.output<typeof statusLookupRequestSchema>,
    @Req() req: Request,
  ): Promise<StatusLookupResult> {
    return this.dossiers.lookup(body.code, body.phone, req.ip ?? 'unknown');
  }

  @Post(':code/actions/:action')
  @HttpCode(200)
  @UseGuards(SignedIn)
  // A citizen's own dossiers; staff work dossiers in the back office only.
  @Roles('citizen')
  @ApiOperation({ summary: 'The citizen sends the papers asked for (resubmit), or withdraws the dossier.' })
  @ApiZodParams(dossierActionPathSchema)
  @ApiZodBody(citizenActionRequestSchema)
  @ApiOkResponse({ description: 'The dossier after the action, with its timeline.' })
  @ApiErrors({
    400: '`REASON_REQUIRED`: this action needs a reason.\n\n`ATTACHMENT_NOT_AVAILABLE`: an attachment is not an upload of yours free to use.',
    403: '`ROLE_REQUIRED`: the state table does not let a citizen take this action.',
    404: dossierNotFound,
    409: "`ACTION_NOT_ALLOWED`: not in the dossier's present state.\n\n`DOSSIER_CHANGED`: `version` is not the dossier's version any more.",
  })
  async act(
    @Param('code') code: string,
    @Param('action') action: string,
    @Body(new ZodBody(citizenActionRequestSchema)) body: z.output<typeof citizenActionRequestSchema>,
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
      requestId: requestIdFrom(req),
    });
    return this.dossiers.detail(user.id, code);
  }

  @Get(':code')
  @UseGuards(SignedIn)
  // A citizen's own dossiers; staff work dossiers in the back office only.
  @Roles('citizen')
  @ApiOperation({ summary: 'One of my dossiers with its papers and the timeline of every event.' })
  @ApiZodParams(dossierPathSchema)
  @ApiOkResponse({ description: 'The dossier, its papers, its timeline and the actions you may take.' })
  @ApiErrors({ 404: dossierNotFound })
  detail(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<DossierDetail> {
    return this.dossiers.detail(user.id, code);
  }
}
