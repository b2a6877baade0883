import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HolidayView, SessionUser } from '@portal/contracts';
import { audit } from '@portal/server/identity';
import { Conflict, NotFound } from '@portal/server/platform';
import type { HolidayCalendar } from '@portal/server/workflow';
import { DataSource } from 'typeorm';

/** How long a replica counts with the calendar it read: another replica's change reaches it within this time. */
const CALENDAR_TTL_MS = 60_000;

export class HolidayExists extends Conflict {
  constructor(day: string) {
    super(
      'HOLIDAY_EXISTS',
      { vi: 'Ngày này đã có trong lịch nghỉ.', en: 'This day is already in the holiday calendar.' },
      { fields: [{ field: 'day', code: 'holidayExists' }], day },
    );
  }
}

export class HolidayNotFound extends NotFound {
  constructor() {
    super('HOLIDAY_NOT_FOUND', {
      vi: 'Ngày này không có trong lịch nghỉ.',
      en: 'This day is not in the holiday calendar.',
    });
  }
}

/**
 * The holiday calendar that due dates are counted with, kept in the database by
 * the administrators. A change applies to dossiers received from then on; due
 * dates already set stay as they were announced to the citizen.
 */
@Injectable()
export class HolidaysService {
  private cached?: { at: number; calendar: Promise<HolidayCalendar> };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every day off, as the working-day arithmetic wants it. */
  calendar(): Promise<HolidayCalendar> {
    if (!this.cached || Date.now() - this.cached.at > CALENDAR_TTL_MS) {
      const calendar = this.dataSource
        .query(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holiday`)
        .then((rows: { day: string }[]) => new Set(rows.map((r) => r.day)) as HolidayCalendar);
      this.cached = { at: Date.now(), calendar };
      // A failed load is forgotten (unless a newer one has replaced it), so the next call tries again.
      calendar.catch(() => {
        if (this.cached?.calendar === calendar) this.cached = undefined;
      });
    }
    return this.cached.calendar;
  }

  async list(year: number): Promise<HolidayView[]> {
    const rows = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, name, name_en FROM holiday
        WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
      [year],
    );
    return rows.map((r: { day: string; name: string; name_en: string }) => ({
      day: r.day,
      name: { vi: r.name, en: r.name_en },
    }));
  }

  async add(
    admin: SessionUser,
    holiday: { day: string; name: string; nameEn: string },
    requestId?: string,
  ): Promise<HolidayView> {
    await this.dataSource.transaction(async (manager) => {
      const added = await manager.query(
        `INSERT INTO holiday (day, name, name_en, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (day) DO NOTHING RETURNING day`,
        [holiday.day, holiday.name, holiday.nameEn, admin.id],
      );
      if (!added.length) throw new HolidayExists(holiday.day);
      await audit(manager, {
        actorId: admin.id,
        action: 'holiday.add',
        targetType: 'holiday',
        targetId: holiday.day,
        details: { name: holiday.name, nameEn: holiday.nameEn },
        requestId,
      });
    });
    this.cached = undefined;
    return { day: holiday.day, name: { vi: holiday.name, en: holiday.nameEn } };
  }

  async remove(admin: SessionUser, day: string, requestId?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.query(`DELETE FROM holiday WHERE day = $1 RETURNING name, name_en`, [day]);
      // DELETE … RETURNING answers [rows, count] through TypeORM.
      const rows = (Array.isArray(removed[0]) ? removed[0] : removed) as { name: string; name_en: string }[];
      if (!rows.length) throw new HolidayNotFound();
      await audit(manager, {
        actorId: admin.id,
        action: 'holiday.remove',
        targetType: 'holiday',
        targetId: day,
        details: { name: rows[0].name, nameEn: rows[0].name_en },
        requestId,
      });
    });
    this.cached = undefined;
  }
}
