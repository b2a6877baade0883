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
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  actionRequestSchema,
  ATTACHMENT_MIME_TYPES,
  counterIntakeSchema,
  dossierActionPathSchema,
  dossierPaperPathSchema,
  dossierPathSchema,
  inboxQuerySchema,
  workflowActions,
  type InboxPage,
  type OfficeDossier,
  type SessionUser,
  type WorkflowAction,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodBody, ApiZodParams, ApiZodQuery, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AttachmentsService } from '../attachments';
import { contentDisposition } from '../attachments/file-name';
import { CounterIntakeService } from './counter-intake.service';
import { ActionNotAllowed } from './office.errors';
import { OfficeService, staffUnit } from './office.service';
import { WorkflowActionsService } from './workflow-actions.service';

const notUnitStaff = '`UNIT_STAFF_ONLY`: the account belongs to no ward.';
const dossierNotFound =
  '`DOSSIER_NOT_FOUND`: no dossier with this code in your scope (your ward; every ward for auditors).';

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
  @ApiZodQuery(inboxQuerySchema)
  @ApiOkResponse({ description: "One page of the tab's dossiers, and how many each tab holds." })
  @ApiErrors({ 403: notUnitStaff })
  inbox(
    @Query(new ZodBody(inboxQuerySchema)) query: z.output<typeof inboxQuerySchema>,
    @CurrentUser() user: SessionUser,
  ): Promise<InboxPage> {
    return this.office.inbox(user, query.tab, query.q || undefined, query.page, query.procedureCode || undefined);
  }

  @Post('counter')
  @Roles('clerk')
  @ApiOperation({ summary: "Record a walk-in citizen's paper application (channel counter), received on the spot." })
  @ApiZodBody(counterIntakeSchema)
  @ApiCreatedResponse({ description: 'The dossier, received, as the back office shows it.' })
  @ApiErrors({
    400: '`PROCEDURE_NOT_ONLINE`: the portal has no form for this procedure.\n\n`UNIT_NOT_FOUND`: the ward is not yours.',
    403: notUnitStaff,
  })
  async counter(
    @Body(new ZodBody(counterIntakeSchema)) body: z.output<typeof counterIntakeSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<OfficeDossier> {
    const code = await this.counterIntake.record(user, body.procedureCode, body.data, requestIdFrom(req));
    return this.office.view(user, code, requestIdFrom(req));
  }

  @Get(':code')
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: 'One dossier of the ward, with the actions the viewer may take. The read is recorded.' })
  @ApiZodParams(dossierPathSchema)
  @ApiOkResponse({ description: 'The dossier, its applicant, papers, timeline, due marks and the allowed actions.' })
  @ApiErrors({ 403: notUnitStaff, 404: dossierNotFound })
  view(@Param('code') code: string, @CurrentUser() user: SessionUser, @Req() req: Request): Promise<OfficeDossier> {
    return this.office.view(user, code, requestIdFrom(req));
  }

  @Get(':code/papers/:attachmentId')
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: 'A paper of a dossier of the ward, shown inline.' })
  @ApiZodParams(dossierPaperPathSchema)
  @ApiOkResponse({
    description: 'The file, shown in the browser (Content-Disposition: inline).',
    content: Object.fromEntries(
      ATTACHMENT_MIME_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiErrors({
    403: notUnitStaff,
    404: `${dossierNotFound}\n\n\`ATTACHMENT_NOT_FOUND\`: the dossier has no such paper.`,
  })
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
  @ApiZodParams(dossierActionPathSchema)
  @ApiZodBody(actionRequestSchema)
  @ApiOkResponse({ description: 'The dossier after the action.' })
  @ApiErrors({
    400: '`REASON_REQUIRED`: this action needs a reason.',
    403: `\`ROLE_REQUIRED\`: the state table gives this action to another role.\n\n${notUnitStaff}`,
    404: dossierNotFound,
    409: "`ACTION_NOT_ALLOWED`: not in the dossier's present state.\n\n`DOSSIER_CHANGED`: `version` is not the dossier's version any more.",
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
      requestId: requestIdFrom(req),
    });
    return this.office.view(user, code, requestIdFrom(req));
  }
}
