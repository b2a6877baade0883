import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type * as z from 'zod';
import {
  dossierPathSchema,
  paperPostedSchema,
  printListQuerySchema,
  type PaperDeliveryState,
  type PrintListPage,
  type SessionUser,
} from '@portal/contracts';
import { checkedDossierCode } from '@portal/server/dossiers';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import {
  ApiErrors,
  ApiNoBody,
  ApiZodBody,
  ApiZodParams,
  ApiZodQuery,
  requestIdFrom,
  ZodBody,
} from '@portal/server/platform';
import type { Request } from 'express';
import { PrintListService, type PaperStep } from './print-list.service';

const stepErrors = {
  403: '`UNIT_STAFF_ONLY`: the account belongs to no ward.',
  404: "`DOSSIER_NOT_FOUND` (not the ward's), or `NO_PAPER_ORDERED`.",
  409: '`PAPER_STEP_NOT_ALLOWED`: not in the state this step starts from, or the other way of delivery.',
};

/** The ward's print list: paper copies of signed results to print, then hand over or post. */
@ApiTags('back office')
@Controller('office/print-list')
@UseGuards(SignedIn)
export class PrintListController {
  constructor(private readonly printList: PrintListService) {}

  @Get()
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: "The ward's print list, one tab: to print, printed (to hand over or post), done." })
  @ApiZodQuery(printListQuerySchema)
  @ApiOkResponse({ description: "The tab's dossiers (at most 200) and how many each tab holds." })
  @ApiErrors({ 403: stepErrors[403] })
  list(
    @Query(new ZodBody(printListQuerySchema)) query: z.output<typeof printListQuerySchema>,
    @CurrentUser() user: SessionUser,
  ): Promise<PrintListPage> {
    return this.printList.list(user, query.tab);
  }

  @Post(':code/printed')
  @HttpCode(200)
  @Roles('clerk', 'leader')
  @ApiOperation({ summary: "Mark a dossier's paper copies printed (the citizen who collects is told they are ready)." })
  @ApiNoBody('The path names the dossier; printing has nothing more to say.')
  @ApiZodParams(dossierPathSchema)
  @ApiOkResponse({ description: 'The new state.' })
  @ApiErrors(stepErrors)
  printed(@Param('code') code: string, @CurrentUser() user: SessionUser, @Req() req: Request) {
    return this.step(user, code, 'printed', req);
  }

  @Post(':code/handed-over')
  @HttpCode(200)
  @Roles('clerk', 'leader')
  @ApiOperation({ summary: 'Mark printed copies handed over to the citizen at the desk.' })
  @ApiNoBody('The path names the dossier; the handing over has nothing more to say.')
  @ApiZodParams(dossierPathSchema)
  @ApiOkResponse({ description: 'The new state.' })
  @ApiErrors(stepErrors)
  handedOver(@Param('code') code: string, @CurrentUser() user: SessionUser, @Req() req: Request) {
    return this.step(user, code, 'handed_over', req);
  }

  @Post(':code/posted')
  @HttpCode(200)
  @Roles('clerk', 'leader')
  @ApiOperation({
    summary: 'Mark printed copies posted, with the postal reference if there is one (the citizen is told).',
  })
  @ApiZodParams(dossierPathSchema)
  @ApiZodBody(paperPostedSchema)
  @ApiOkResponse({ description: 'The new state.' })
  @ApiErrors({ 400: '`INVALID_INPUT`: the postal reference is over 32 characters.', ...stepErrors })
  posted(
    @Param('code') code: string,
    @Body(new ZodBody(paperPostedSchema)) body: z.output<typeof paperPostedSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ) {
    return this.step(user, code, 'posted', req, body.postalReference);
  }

  private step(
    user: SessionUser,
    code: string,
    step: PaperStep,
    req: Request,
    postalReference?: string,
  ): Promise<{ state: PaperDeliveryState }> {
    return this.printList.mark(user, checkedDossierCode(code), step, {
      ...(postalReference ? { postalReference } : {}),
      requestId: requestIdFrom(req),
    });
  }
}
