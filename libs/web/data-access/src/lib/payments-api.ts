import { HttpClient, httpResource, HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreatePayment, PaymentStart, PaymentView } from '@portal/contracts';
import { firstValueFrom } from 'rxjs';

/** Paying a dossier's fee online (`/api/dossiers/:code/payments`), and the office's view of the payments. */
@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  /** The payments of one of my dossiers, newest first. Call from an injection context. */
  mine(code: () => string | undefined): HttpResourceRef<PaymentView[] | undefined> {
    return httpResource<PaymentView[]>(() => {
      const value = code();
      return value ? `/api/dossiers/${encodeURIComponent(value)}/payments` : undefined;
    });
  }

  /** The payments of a dossier in the back office. Call from an injection context. */
  office(code: () => string | undefined): HttpResourceRef<PaymentView[] | undefined> {
    return httpResource<PaymentView[]>(() => {
      const value = code();
      return value ? `/api/office/dossiers/${encodeURIComponent(value)}/payments` : undefined;
    });
  }

  /**
   * Starts a payment. The key is the caller's for this one attempt: sent again (a double click, a
   * network retry) it answers the same payment.
   */
  start(code: string, idempotencyKey: string, body: CreatePayment = {}): Promise<PaymentStart> {
    return firstValueFrom(
      this.http.post<PaymentStart>(`/api/dossiers/${encodeURIComponent(code)}/payments`, body, {
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    );
  }
}
