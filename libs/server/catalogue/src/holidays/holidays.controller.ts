import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  holidayPathSchema,
  holidayYearSchema,
  newHolidaySchema,
  type HolidayView,
  type SessionUser,
} from '@portal/contracts';
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
import type { z } from 'zod';
import { HolidayNotFound, HolidaysService } from './holidays.service';

/** The holiday calendar: anyone may read it (it explains due dates); administrators keep it. */
@ApiTags('holidays')
@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get('holidays')
  @ApiOperation({ summary: 'The days off of one year (?year=2026), which do not count towards time limits.' })
  @ApiZodQuery(holidayYearSchema)
  @ApiOkResponse({ description: 'The days off of the year, in date order, named in both languages.' })
  list(@Query(new ZodBody(holidayYearSchema)) query: z.output<typeof holidayYearSchema>): Promise<HolidayView[]> {
    return this.holidays.list(query.year);
  }

  @Post('admin/holidays')
  @UseGuards(SignedIn)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a day off (administrators). Applies to dossiers received from now on.' })
  @ApiZodBody(newHolidaySchema)
  @ApiCreatedResponse({ description: 'The day off added.' })
  @ApiErrors({ 409: '`HOLIDAY_EXISTS`: the day is already a day off.' })
  add(
    @Body(new ZodBody(newHolidaySchema)) body: z.output<typeof newHolidaySchema>,
    @CurrentUser() admin: SessionUser,
    @Req() req: Request,
  ): Promise<HolidayView> {
    return this.holidays.add(admin, body, requestIdFrom(req));
  }

  @Delete('admin/holidays/:day')
  @HttpCode(204)
  @UseGuards(SignedIn)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a day off (administrators).' })
  @ApiZodParams(holidayPathSchema)
  @ApiNoBody('The day in the path is all it takes.')
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiErrors({ 404: '`HOLIDAY_NOT_FOUND`: the day is not a day off (or is no date).' })
  async remove(@Param('day') day: string, @CurrentUser() admin: SessionUser, @Req() req: Request): Promise<void> {
    if (!holidayPathSchema.safeParse({ day }).success) throw new HolidayNotFound();
    await this.holidays.remove(admin, day, requestIdFrom(req));
  }
}
