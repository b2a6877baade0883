import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { HolidayView, NewHoliday } from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/** The holiday calendar: anyone reads it, administrators keep it (`/api/holidays`, `/api/admin/holidays`). */
@Injectable({ providedIn: 'root' })
export class HolidaysApi {
  private readonly http = inject(HttpClient);

  /** The days off of the year the signal asks for. Call from an injection context. */
  year(year: () => number): HttpResourceRef<HolidayView[] | undefined> {
    return httpResource<HolidayView[]>(() => ({ url: '/api/holidays', params: { year: String(year()) } }));
  }

  add(holiday: NewHoliday): Promise<HolidayView> {
    return firstValueFrom(this.http.post<HolidayView>('/api/admin/holidays', holiday));
  }

  async remove(day: string): Promise<void> {
    await firstValueFrom(this.http.delete(`/api/admin/holidays/${encodeURIComponent(day)}`));
  }
}
