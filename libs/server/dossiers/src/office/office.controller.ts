import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  actionRequestSchema,
  counterIntakeSchema,
  inboxQuerySchema,
  workflowActions,
  type InboxPage,
  type OfficeDossier,
  type SessionUser,
  type WorkflowAction,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ZodBody } from '@portal/server/platform';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AttachmentsService } from '../attachments';
import { contentDisposition } from '../attachments/file-name';
import { CounterIntakeService } from './counter-intake.service';
import { ActionNotAllowed } from './office.errors';
import { OfficeService, staffUnit } from './office.service';
import { WorkflowActionsService } from './workflow-actions.service';

const requestIdOf = (req: Request) => (req.id === undefined ? undefined : String(req.id));

/** The back office of a ward: its clerks and leaders work it; auditors read every ward's, read only. */
@ApiTags('back office')
@Controller('office/dossiers')
@UseGuards(SignedIn)
@Roles('clerk', 'leader')
export class OfficeController {
  constructor(
    private readonly office: OfficeService,
    private readonly workflow: WorkflowActionsService,
    private readonly attachments: AttachmentsService,
    private readonly counterIntake: CounterIntakeService,
  ) {}

  @Get()
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: "The ward's inbox: one tab, searched by code or name, soonest due first." })
  inbox(
    @Query(new ZodBody(inboxQuerySchema)) query: z.output<typeof inboxQuerySchema>,
    @CurrentUser() user: SessionUser,
  ): Promise<InboxPage> {
    return this.office.inbox(user, query.tab, query.q || undefined, query.page, query.procedureCode || undefined);
  }

  @Post('counter')
  @Roles('clerk')
  @ApiOperation({ summary: "Record a walk-in citizen's paper application (channel counter), received on the spot." })
  async counter(
    @Body(new ZodBody(counterIntakeSchema)) body: z.output<typeof counterIntakeSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<OfficeDossier> {
    const code = await this.counterIntake.record(user, body.procedureCode, body.data, requestIdOf(req));
    return this.office.view(user, code, requestIdOf(req));
  }

  @Get(':code')
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: 'One dossier of the ward, with the actions the viewer may take. The read is recorded.' })
  view(@Param('code') code: string, @CurrentUser() user: SessionUser, @Req() req: Request): Promise<OfficeDossier> {
    return this.office.view(user, code, requestIdOf(req));
  }

  @Get(':code/papers/:attachmentId')
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: 'A paper of a dossier of the ward, shown inline.' })
  async paper(
    @Param('code') code: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const dossierId = await this.office.dossierId(user, code);
    const { attachment, file } = await this.attachments.openInDossier(dossierId, attachmentId);
    const { size } = await file.stat();
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    // Shown inside the back office's own page (a PDF in an iframe): framing by this site only.
    res.setHeader('Content-Security-Policy', "frame-ancestors 'self'");
    return new StreamableFile(file.createReadStream(), {
      type: attachment.mimeType,
      disposition: contentDisposition('inline', attachment.fileName),
      length: size,
    });
  }

  @Post(':code/actions/:action')
  @Roles('clerk', 'leader')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive, refuse, start, request papers, propose, sign or send back — as the state table allows.',
  })
  async act(
    @Param('code') code: string,
    @Param('action') action: string,
    @Body(new ZodBody(actionRequestSchema)) body: z.output<typeof actionRequestSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<OfficeDossier> {
    if (!(workflowActions as readonly string[]).includes(action))
      throw new ActionNotAllowed(action.slice(0, 32), 'unknown');
    await this.workflow.act(user, { unitCode: staffUnit(user) }, code, action as WorkflowAction, {
      version: body.version,
      reason: body.reason,
      papers: body.papers,
      requestId: requestIdOf(req),
    });
    return this.office.view(user, code, requestIdOf(req));
  }
}
