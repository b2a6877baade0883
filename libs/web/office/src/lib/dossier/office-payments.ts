import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { PaymentsApi } from '@portal/web/data-access';
import { VnDatePipe, VndPipe } from '@portal/web/ui';

/** The payments of a dossier in the back office: each with its amount, state and history, newest first. */
@Component({
  selector: 'dvc-office-payments',
  imports: [TranslocoPipe, VndPipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (payments.hasValue()) {
      @for (p of payments.value(); track p.reference) {
        <section class="office-payment" [attr.aria-label]="p.reference">
          <p>
            <strong>{{ p.reference }}</strong> –
            <strong
              class="tag"
              [class.tag--green]="p.state === 'succeeded'"
              [class.tag--grey]="p.state !== 'succeeded'"
              >{{ 'payment.states.' + p.state | transloco }}</strong
            >
            – {{ p.amount | vnd }}
            @if (p.bankCode) {
              <span class="hint block">{{ 'office.payments.bank' | transloco }}: {{ p.bankCode }}</span>
            }
            @if (p.transactionNo) {
              <span class="hint block">{{ 'office.payments.transactionNo' | transloco }}: {{ p.transactionNo }}</span>
            }
          </p>
          <ol class="timeline">
            @for (e of p.events; track $index) {
              <li class="timeline__item">
                {{ 'event.payment-' + (e.toState && e.toState !== e.fromState ? e.toState : e.action) | transloco }}
                <span class="hint block">{{ e.at | vnDate: true }}</span>
              </li>
            }
          </ol>
        </section>
      } @empty {
        <p>{{ 'office.payments.none' | transloco }}</p>
      }
    }
  `,
})
export class OfficePayments {
  readonly code = input.required<string>();
  protected readonly payments = inject(PaymentsApi).office(() => this.code());
}
