import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { printListTabs, type PrintListRow, type PrintListTab } from '@portal/contracts';
import { Language, pageTitle, PrintListApi, Session, toApiProblem } from '@portal/web/data-access';
import { LocalizedPipe, VnDatePipe } from '@portal/web/ui';

/**
 * The ward's print list: the paper copies citizens ordered with a signed result.
 * The clerk downloads the signed file and prints it, marks it printed (a citizen
 * who collects is e-mailed that it is ready), then marks it handed over at the
 * desk or posted with the postal reference. The tab lives in the address (`?tab=`).
 * Auditors read every ward's list and mark nothing.
 */
@Component({
  selector: 'dvc-office-print-list-page',
  imports: [RouterLink, TranslocoPipe, LocalizedPipe, VnDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .print-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-end;
    }
    .print-actions .button {
      margin: 0;
    }
    .print-actions input {
      width: 12rem;
    }
  `,
  template: `
    <p>
      <a routerLink="/office">‹ {{ 'office.inbox.title' | transloco }}</a>
    </p>
    <h1>{{ 'office.printList.title' | transloco }}</h1>
    <p>{{ 'office.printList.intro' | transloco }}</p>
    @if (notice(); as notice) {
      <div class="notice notice--success" role="status">{{ notice }}</div>
    }
    @if (failure(); as failure) {
      <div class="notice notice--error" role="alert">{{ failure }}</div>
    }
    <nav class="office-tabs" [attr.aria-label]="'office.printList.tabs' | transloco">
      <ul class="office-tabs__list">
        @for (t of tabs; track t) {
          <li>
            <a
              class="office-tabs__tab"
              [routerLink]="[]"
              [queryParams]="{ tab: t }"
              [attr.aria-current]="t === currentTab() ? 'page' : null"
              >{{ 'office.printList.tab.' + t | transloco }}
              @if (list.hasValue()) {
                ({{ list.value().counts[t] }})
              }
            </a>
          </li>
        }
      </ul>
    </nav>
    @if (list.hasValue()) {
      @let page = list.value();
      @if (page.rows.length === 0) {
        <p id="print-list-empty">{{ 'office.printList.empty.' + currentTab() | transloco }}</p>
      } @else {
        <table class="table" id="print-list">
          <caption class="visually-hidden">
            {{
              'office.printList.tab.' + currentTab() | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'dossier.code' | transloco }}</th>
              <th scope="col">{{ 'office.printList.subject' | transloco }}</th>
              <th scope="col">{{ 'office.printList.copies' | transloco }}</th>
              <th scope="col">{{ 'office.printList.delivery' | transloco }}</th>
              <th scope="col">{{ 'office.printList.action' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of page.rows; track r.dossierCode) {
              <tr [attr.data-dossier]="r.dossierCode">
                <td>
                  <a [routerLink]="['/office/dossiers', r.dossierCode]">{{ r.dossierCode }}</a>
                  <span class="hint block">{{ r.procedureName | localized: lang() }}</span>
                  <span class="hint block">{{
                    'office.printList.number' | transloco: { number: r.documentNumber }
                  }}</span>
                  @if (everyWard()) {
                    <span class="hint block">{{ r.unitName }}</span>
                  }
                </td>
                <td>
                  {{ r.subjectName ?? '–' }}
                  @if (r.applicantName) {
                    <span class="hint block">{{
                      'office.printList.applicant' | transloco: { name: r.applicantName }
                    }}</span>
                  }
                  @if (r.contactPhone) {
                    <span class="hint block">{{ r.contactPhone }}</span>
                  }
                </td>
                <td class="print-copies">{{ r.copies }}</td>
                <td>
                  {{ 'office.printList.method.' + r.method | transloco }}
                  @if (r.postalAddress) {
                    <span class="block">{{ r.postalAddress }}</span>
                  }
                </td>
                <td>
                  @switch (r.state) {
                    @case ('to_print') {
                      <div class="print-actions">
                        <a [href]="'/api/office/dossiers/' + r.dossierCode + '/result'" download
                          >{{ 'office.printList.download' | transloco }}
                          <span class="visually-hidden">({{ r.dossierCode }})</span></a
                        >
                        @if (acts()) {
                          <button type="button" class="button" [disabled]="busy()" (click)="mark(r, 'printed')">
                            {{ 'office.printList.markPrinted' | transloco }}
                          </button>
                        }
                      </div>
                    }
                    @case ('printed') {
                      <span class="hint block">{{
                        'office.printList.printedAt' | transloco: { date: (r.printedAt | vnDate: true) }
                      }}</span>
                      @if (acts()) {
                        <div class="print-actions">
                          @if (r.method === 'post') {
                            <div class="form-group">
                              <label class="label" [for]="'postal-' + r.dossierCode">{{
                                'office.printList.postalReference' | transloco
                              }}</label>
                              <input
                                class="input"
                                [id]="'postal-' + r.dossierCode"
                                maxlength="32"
                                autocomplete="off"
                                #reference
                              />
                            </div>
                            <button
                              type="button"
                              class="button"
                              [disabled]="busy()"
                              (click)="mark(r, 'posted', reference.value)"
                            >
                              {{ 'office.printList.markPosted' | transloco }}
                            </button>
                          } @else {
                            <button type="button" class="button" [disabled]="busy()" (click)="mark(r, 'handed-over')">
                              {{ 'office.printList.markHandedOver' | transloco }}
                            </button>
                          }
                        </div>
                      }
                    }
                    @default {
                      <strong class="tag tag--green">{{ 'office.printList.state.' + r.state | transloco }}</strong>
                      <span class="hint block">{{ r.deliveredAt | vnDate: true }}</span>
                      @if (r.postalReference) {
                        <span class="hint block">{{
                          'office.printList.postalReferenceShown' | transloco: { reference: r.postalReference }
                        }}</span>
                      }
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else if (list.error()) {
      <div class="notice notice--error" role="alert">{{ 'office.printList.loadError' | transloco }}</div>
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class PrintListPage {
  /** `?tab=` of the address. */
  readonly tab = input<string>();
  protected readonly tabs = printListTabs;
  protected readonly currentTab = computed<PrintListTab>(() =>
    printListTabs.includes(this.tab() as PrintListTab) ? (this.tab() as PrintListTab) : 'to_print',
  );
  protected readonly lang = inject(Language).current;
  private readonly api = inject(PrintListApi);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(Session);
  protected readonly list = this.api.tab(() => this.currentTab());
  /** The ward's clerks and leader mark the list; auditors only read it. */
  protected readonly acts = computed(() =>
    (this.session.user()?.roles ?? []).some((role) => role === 'clerk' || role === 'leader'),
  );
  protected readonly everyWard = computed(() => !this.session.user()?.unitCode);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    pageTitle((t) => t('office.printList.title'));
  }

  protected async mark(row: PrintListRow, step: 'printed' | 'handed-over' | 'posted', postalReference?: string) {
    this.busy.set(true);
    this.notice.set(null);
    this.failure.set(null);
    try {
      await this.api.mark(row.dossierCode, step, postalReference ? { postalReference } : {});
      this.notice.set(this.transloco.translate(`office.printList.done.${step}`, { code: row.dossierCode }));
      this.list.reload();
    } catch (error) {
      this.failure.set(toApiProblem(error, this.transloco.translate('office.printList.markError')).message);
    } finally {
      this.busy.set(false);
    }
  }
}
