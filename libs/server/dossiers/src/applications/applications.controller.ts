import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  draftPathSchema,
  draftStepPathSchema,
  formStepBodySchema,
  startDraftRequestSchema,
  type DraftView,
  type SessionUser,
  type SubmittedDossier,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import {
  ApiErrors,
  ApiNoBody,
  ApiZodBody,
  ApiZodParams,
  APP_CONFIG,
  type AppConfig,
  languageOf,
  requestIdFrom,
  ZodBody,
} from '@portal/server/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import { ApplicationsService, type RequestContext } from './applications.service';

const draftNotFound = '`DRAFT_NOT_FOUND`: no draft of yours has this id (it may have been submitted or deleted).';

function contextOf(req: Request, user: SessionUser): RequestContext {
  return { user, language: languageOf(req), requestId: requestIdFrom(req) };
}

@ApiTags('applications')
@Controller('drafts')
@UseGuards(SignedIn)
@Roles('citizen')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start an application (a draft) for a procedure.' })
  @ApiZodBody(startDraftRequestSchema)
  @ApiCreatedResponse({ description: 'The new, empty draft.' })
  @ApiErrors({ 400: '`PROCEDURE_NOT_ONLINE`: the procedure cannot be applied for online here.' })
  start(
    @Body(new ZodBody(startDraftRequestSchema)) body: z.output<typeof startDraftRequestSchema>,
    @Req() req: Request,
    @CurrentUser() user: SessionUser,
  ): Promise<DraftView> {
    return this.applications.start(contextOf(req, user), body.procedureCode);
  }

  @Get()
  @ApiOperation({ summary: "The signed-in citizen's drafts, newest first." })
  @ApiOkResponse({ description: 'Up to 50 drafts, the most recently changed first.' })
  list(@Req() req: Request, @CurrentUser() user: SessionUser): Promise<DraftView[]> {
    return this.applications.list(contextOf(req, user));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my drafts, to resume it on any device.' })
  @ApiZodParams(draftPathSchema)
  @ApiOkResponse({ description: 'The draft, with the uploads its papers page names.' })
  @ApiErrors({ 404: draftNotFound })
  get(@Param('id') id: string, @Req() req: Request, @CurrentUser() user: SessionUser): Promise<DraftView> {
    return this.applications.get(contextOf(req, user), id);
  }

  @Put(':id/steps/:step')
  @ApiOperation({ summary: 'Check and save one page of the form; 400 with every field problem.' })
  @ApiZodParams(draftStepPathSchema)
  @ApiZodBody(formStepBodySchema)
  @ApiOkResponse({ description: 'The draft with the page saved and marked complete.' })
  @ApiErrors({
    400: '`PAPER_NOT_AVAILABLE`: a paper named on the papers page is not an upload of yours that is free to use.',
    404: `${draftNotFound}\n\n\`FORM_STEP_NOT_FOUND\`: the draft's procedure has no such page.`,
  })
  saveStep(
    @Param('id') id: string,
    @Param('step') step: string,
    @Body() values: unknown,
    @Req() req: Request,
    @CurrentUser() user: SessionUser,
  ): Promise<DraftView> {
    return this.applications.saveStep(contextOf(req, user), id, step, values);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a draft.' })
  @ApiZodParams(draftPathSchema)
  @ApiNoBody("The draft's id in the path is all it takes.")
  @ApiNoContentResponse({ description: 'Discarded.' })
  @ApiErrors({ 404: draftNotFound })
  async discard(@Param('id') id: string, @Req() req: Request, @CurrentUser() user: SessionUser): Promise<void> {
    await this.applications.discard(contextOf(req, user), id);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit the draft: a dossier with its code, ward, status "new" and expected due date.' })
  @ApiZodParams(draftPathSchema)
  @ApiNoBody('The application is the draft saved so far; the path names it.')
  @ApiCreatedResponse({ description: 'The dossier: its code, ward, status `new`, due date and fee.' })
  @ApiErrors({
    400: [
      '`VALIDATION_FAILED`: the application as a whole is not complete or not valid; `details.fields` lists every problem.',
      '`PROCEDURE_NOT_ONLINE`, `UNIT_NOT_FOUND`: the procedure or the chosen ward no longer takes it.',
      '`ATTACHMENT_NOT_AVAILABLE`, `PAPER_NOT_AVAILABLE`: a paper is no longer an upload of yours free to use.',
    ].join('\n\n'),
    404: draftNotFound,
    409: '`DOSSIER_CHANGED`: the draft changed while it was submitted; submit again.',
  })
  submit(@Param('id') id: string, @Req() req: Request, @CurrentUser() user: SessionUser): Promise<SubmittedDossier> {
    return this.applications.submit(contextOf(req, user), id, this.config.PUBLIC_URL);
  }
}
