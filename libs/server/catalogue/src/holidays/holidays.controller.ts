import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { holidayYearSchema, isoDate, newHolidaySchema, type HolidayView, type SessionUser } from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ZodBody } from '@portal/server/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import { HolidayNotFound, HolidaysService } from './holidays.service';

const requestIdOf = (req: Request) => (req.id === undefined ? undefined : String(req.id));

/** The holiday calendar: anyone may read it (it explains due dates); administrators keep it. */
@ApiTags('holidays')
@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get('holidays')
  @ApiOperation({ summary: 'The days off of one year (?year=2026), which do not count towards time limits.' })
  list(@Query(new ZodBody(holidayYearSchema)) query: z.output<typeof holidayYearSchema>): Promise<HolidayView[]> {
    return this.holidays.list(query.year);
  }

  @Post('admin/holidays')
  @UseGuards(SignedIn)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a day off (administrators). Applies to dossiers received from now on.' })
  add(
    @Body(new ZodBody(newHolidaySchema)) body: z.output<typeof newHolidaySchema>,
    @CurrentUser() admin: SessionUser,
    @Req() req: Request,
  ): Promise<HolidayView> {
    return this.holidays.add(admin, body, requestIdOf(req));
  }

  @Delete('admin/holidays/:day')
  @HttpCode(204)
  @UseGuards(SignedIn)
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a day off (administrators).' })
  async remove(@Param('day') day: string, @CurrentUser() admin: SessionUser, @Req() req: Request): Promise<void> {
    if (!isoDate.safeParse(day).success) throw new HolidayNotFound();
    await this.holidays.remove(admin, day, requestIdOf(req));
  }
}
