import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { FeeLine, PaymentView } from '@portal/contracts';
import { Language, PaymentsApi, toApiProblem } from '@portal/web/data-access';
import { FeeTable, VnDatePipe, VndPipe } from '@portal/web/ui';

/**
 * The fee of a dossier and its payments, on the citizen's dossier page: what is
 * owed line by line and a button to pay it at the gateway while the dossier
 * awaits payment; back from the gateway, what the portal holds of that payment
 * (the server's state, never the browser's word); and every payment made.
 */
@Component({
  selector: 'dvc-payment-panel',
  imports: [TranslocoPipe, VndPipe, VnDatePipe, FeeTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .numeric {
      text-align: right;
    }
  `,
  template: `
    @if (returned(); as p) {
      <div
        class="notice"
        [class.notice--error]="p.state !== 'succeeded'"
        role="status"
        id="payment-result"
        tabindex="-1"
      >
        <strong>{{ 'payment.result.' + p.state | transloco: { amount: (p.amount | vnd) } }}</strong>
      </div>
    }
    @if (awaiting()) {
      <section class="notice" aria-labelledby="pay-title">
        <h2 id="pay-title">{{ 'payment.title' | transloco }}</h2>
        <p>{{ 'payment.intro' | transloco }}</p>
        <dvc-fee-table
          [tableId]="'fee-lines'"
          [lines]="items()"
          [lang]="lang()"
          [caption]="'payment.title' | transloco"
        />
        @if (problem(); as problem) {
          <div class="notice notice--error" role="alert">{{ problem }}</div>
        }
        <button type="button" id="pay-button" class="button" [disabled]="busy()" (click)="pay()">
          {{ (tried() ? 'payment.retry' : 'payment.pay') | transloco: { amount: (total() | vnd) } }}
        </button>
        <p class="hint">{{ 'payment.gatewayHint' | transloco }}</p>
      </section>
    }
    @if (payments.hasValue() && payments.value().length) {
      <h2>{{ 'payment.history' | transloco }}</h2>
      <table class="table" id="payments">
        <caption class="visually-hidden">
          {{
            'payment.history' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'payment.reference' | transloco }}</th>
            <th scope="col">{{ 'payment.when' | transloco }}</th>
            <th scope="col">{{ 'payment.state' | transloco }}</th>
            <th scope="col" class="numeric">{{ 'apply.check.feeAmount' | transloco }}</th>
            <th scope="col">{{ 'payment.receipt' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (p of payments.value(); track p.reference) {
            <tr>
              <td>{{ p.reference }}</td>
              <td>{{ p.paidAt ?? p.createdAt | vnDate: true }}</td>
              <td>
                <strong
                  class="tag"
                  [class.tag--green]="p.state === 'succeeded'"
                  [class.tag--grey]="p.state !== 'succeeded'"
                  >{{ 'payment.states.' + p.state | transloco }}</strong
                >
              </td>
              <td class="numeric">{{ p.amount | vnd }}</td>
              <td>
                @if (p.receipt; as receipt) {
                  <a [href]="'/api/dossiers/' + code() + '/payments/' + p.reference + '/receipt'" download
                    >{{ 'payment.downloadReceipt' | transloco
                    }}<span class="visually-hidden"> {{ receipt.number }}</span></a
                  >
                } @else {
                  –
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class PaymentPanel {
  readonly code = input.required<string>();
  readonly status = input.required<string>();
  readonly feeItems = input.required<FeeLine[]>();
  /** `?payment=<reference>`: the payer is back from the gateway. */
  readonly returnedFrom = input<string>();
  private readonly api = inject(PaymentsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly lang = inject(Language).current;
  protected readonly payments = this.api.mine(() => this.code());
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly awaiting = computed(() => this.status() === 'awaiting_payment');
  protected readonly items = computed(() => this.feeItems());
  protected readonly total = computed(() => this.feeItems().reduce((sum, line) => sum + line.amount, 0));
  protected readonly tried = computed(() => (this.payments.value() ?? []).length > 0);
  protected readonly returned = computed<PaymentView | undefined>(() => {
    const reference = this.returnedFrom();
    return reference ? this.payments.value()?.find((p) => p.reference === reference) : undefined;
  });
  /** One key per attempt on this page: a double click or a retried request is the same payment. */
  private key = crypto.randomUUID();

  constructor() {
    // Back from the gateway with the payment still open (its notice not yet in): look again shortly.
    effect((onCleanup) => {
      const back = this.returned();
      if (!back || (back.state !== 'pending' && back.state !== 'created')) return;
      const timer = setTimeout(() => this.payments.reload(), 1500);
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected async pay(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { checkoutUrl } = await this.api.start(this.code(), this.key);
      // On to the gateway's own page (a full navigation: the portal's redirect, then the gateway's checkout).
      this.document.location.assign(checkoutUrl);
    } catch (error) {
      this.problem.set(toApiProblem(error, this.transloco.translate('form.networkError')).message);
      this.key = crypto.randomUUID();
      this.busy.set(false);
    }
  }
}
