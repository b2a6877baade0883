import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DraftView, SessionUser, SubmittedDossier } from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { APP_CONFIG, type AppConfig, languageOf, ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import { z } from 'zod';
import { ApplicationsService, type RequestContext } from './applications.service';

const startSchema = z.object({
  procedureCode: z.string({ message: 'required' }).min(1, { message: 'required' }).max(32, { message: 'tooLong' }),
});

function contextOf(req: Request, user: SessionUser): RequestContext {
  return { user, language: languageOf(req), requestId: req.id === undefined ? undefined : String(req.id) };
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
  start(
    @Body(new ZodBody(startSchema)) body: z.output<typeof startSchema>,
    @Req() req: Request,
    @CurrentUser() user: SessionUser,
  ): Promise<DraftView> {
    return this.applications.start(contextOf(req, user), body.procedureCode);
  }

  @Get()
  @ApiOperation({ summary: "The signed-in citizen's drafts, newest first." })
  list(@Req() req: Request, @CurrentUser() user: SessionUser): Promise<DraftView[]> {
    return this.applications.list(contextOf(req, user));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my drafts, to resume it on any device.' })
  get(@Param('id') id: string, @Req() req: Request, @CurrentUser() user: SessionUser): Promise<DraftView> {
    return this.applications.get(contextOf(req, user), id);
  }

  @Put(':id/steps/:step')
  @ApiOperation({ summary: 'Check and save one page of the form; 400 with every field problem.' })
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
  async discard(@Param('id') id: string, @Req() req: Request, @CurrentUser() user: SessionUser): Promise<void> {
    await this.applications.discard(contextOf(req, user), id);
  }

  @Post(':id/submit')
  @ApiOperation({ summary: 'Submit the draft: a dossier with its code, ward, status "new" and expected due date.' })
  submit(@Param('id') id: string, @Req() req: Request, @CurrentUser() user: SessionUser): Promise<SubmittedDossier> {
    return this.applications.submit(contextOf(req, user), id, this.config.PUBLIC_URL);
  }
}
