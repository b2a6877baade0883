import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PaperDeliveryState, PaperPostedInput, PrintListPage, PrintListTab } from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/** The ward's print list (`/api/office/print-list`): paper copies to print, hand over or post. */
@Injectable({ providedIn: 'root' })
export class PrintListApi {
  private readonly http = inject(HttpClient);

  /** One tab of the list. Call from an injection context. */
  tab(tab: () => PrintListTab): HttpResourceRef<PrintListPage | undefined> {
    return httpResource<PrintListPage>(() => ({ url: '/api/office/print-list', params: { tab: tab() } }));
  }

  mark(
    code: string,
    step: 'printed' | 'handed-over' | 'posted',
    body: PaperPostedInput = {},
  ): Promise<{ state: PaperDeliveryState }> {
    return firstValueFrom(
      this.http.post<{ state: PaperDeliveryState }>(
        `/api/office/print-list/${encodeURIComponent(code)}/${step}`,
        step === 'posted' ? body : {},
      ),
    );
  }
}
