import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Params, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { inboxTabs, type InboxTab } from '@portal/contracts';
import { LocalizedPipe, VnDatePipe, VndPipe } from '@portal/web/ui';
import { Language, OfficeApi, pageTitle, ProceduresApi, Session, toApiProblem } from '@portal/web/data-access';
import { DueMark } from '../due-mark';

/**
 * The ward's inbox: one tab at a time (to receive, in progress, waiting for papers,
 * to sign, overdue, finished), searched by code or name, soonest due date first.
 * The tab, search, procedure and page live in the address (`?tab=&q=&procedure=&page=`), so they survive a reload and the Back button.
 */
@Component({
  selector: 'dvc-office-inbox-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, LocalizedPipe, VnDatePipe, DueMark, VndPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .office-search {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0 1rem;
    }
    .office-search .form-group {
      flex: 1 1 16rem;
      margin-bottom: 0.5rem;
    }
    .office-search .button {
      margin: 0 0 0.5rem;
    }
    .office-table__label {
      display: none;
    }
    .office-table .tag {
      display: inline-block;
    }
    .office-pagination {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      align-items: baseline;
    }
    @media (max-width: 40rem) {
      .office-table__label {
        display: inline;
        font-weight: 700;
      }
      .office-table__label::after {
        content: ': ';
      }
      .office-table td {
        overflow-wrap: anywhere;
      }
    }
  `,
  template: `
    <h1>{{ 'office.inbox.title' | transloco }}</h1>
    @if (isClerk()) {
      <a class="button button--secondary" routerLink="/office/counter">{{ 'office.counter.start' | transloco }}</a>
    }
    <ul class="link-list">
      <li>
        <a routerLink="/office/print-list">{{ 'office.printList.title' | transloco }}</a>
      </li>
      @if (readsRatings()) {
        <li>
          <a routerLink="/reports">{{ 'reports.link' | transloco }}</a>
        </li>
        <li>
          <a routerLink="/office/ratings">{{ 'rating.officeTitle' | transloco }}</a>
        </li>
      }
    </ul>
    <nav class="office-tabs" [attr.aria-label]="'office.inbox.tabs' | transloco">
      <ul class="office-tabs__list">
        @for (tab of tabs; track tab) {
          <li>
            <a
              class="office-tabs__tab"
              [routerLink]="[]"
              [queryParams]="query({ tab, page: null })"
              [attr.aria-current]="tab === currentTab() ? 'page' : null"
              >{{ 'office.tab.' + tab | transloco }}
              @if (counts(); as counts) {
                ({{ counts[tab] }})
              }
            </a>
          </li>
        }
      </ul>
    </nav>

    <form class="office-search" role="search" [formGroup]="searchForm" (ngSubmit)="search()">
      <div class="form-group">
        <label class="label" for="office-q">{{ 'office.inbox.searchLabel' | transloco }}</label>
        <div class="hint" id="office-q-hint">{{ 'office.inbox.searchHintAny' | transloco }}</div>
        <input
          id="office-q"
          class="input"
          type="search"
          autocomplete="off"
          [spellcheck]="false"
          aria-describedby="office-q-hint"
          formControlName="q"
        />
      </div>
      <div class="form-group">
        <label class="label" for="office-procedure">{{ 'office.inbox.procedure' | transloco }}</label>
        <select id="office-procedure" class="input select" formControlName="procedureCode">
          <option value="">{{ 'office.inbox.allProcedures' | transloco }}</option>
          @for (procedure of procedures.value() ?? []; track procedure.code) {
            <option [value]="procedure.code">{{ procedure.name | localized: lang() }}</option>
          }
        </select>
      </div>
      <button type="submit" class="button">{{ 'office.inbox.search' | transloco }}</button>
    </form>

    @if (inbox.error(); as error) {
      <div class="notice notice--error" role="alert">{{ problem(error) }}</div>
    } @else if (inbox.hasValue()) {
      @let result = inbox.value();
      <h2>{{ 'office.tab.' + currentTab() | transloco }}</h2>
      @if (result.rows.length === 0) {
        <p>{{ (q() ? 'office.inbox.noMatch' : 'office.inbox.empty') | transloco }}</p>
      } @else {
        <p class="hint">{{ 'office.inbox.total' | transloco: { count: result.total } }}</p>
        <table class="table office-table">
          <caption class="visually-hidden">
            {{
              'office.inbox.caption' | transloco: { tab: ('office.tab.' + currentTab() | transloco), page: result.page }
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'dossier.code' | transloco }}</th>
              <th scope="col">{{ 'office.inbox.subjectName' | transloco }}</th>
              <th scope="col">{{ 'dossier.procedure' | transloco }}</th>
              <th scope="col">{{ 'dossier.submittedAt' | transloco }}</th>
              <th scope="col">{{ 'office.dueAt' | transloco }}</th>
              <th scope="col">{{ 'dossier.status' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of result.rows; track row.code) {
              <tr>
                <td>
                  <span class="office-table__label">{{ 'dossier.code' | transloco }}</span>
                  <a [routerLink]="['/office/dossiers', row.code]">{{ row.code }}</a>
                </td>
                <td>
                  <span class="office-table__label">{{ 'office.inbox.subjectName' | transloco }}</span>
                  {{ row.subjectName ?? '–' }}
                  @if (row.applicantName) {
                    <span class="hint block">{{
                      'office.inbox.applicant' | transloco: { name: row.applicantName }
                    }}</span>
                  }
                </td>
                <td>
                  <span class="office-table__label">{{ 'dossier.procedure' | transloco }}</span>
                  {{ row.procedureName | localized: lang() }}
                  @if (everyWard()) {
                    <span class="hint block">{{ row.unitName }}</span>
                  }
                </td>
                <td>
                  <span class="office-table__label">{{ 'dossier.submittedAt' | transloco }}</span>
                  {{ row.submittedAt | vnDate }}
                </td>
                <td>
                  <span class="office-table__label">{{ 'office.dueAt' | transloco }}</span>
                  {{ row.dueAt | vnDate }}
                  <dvc-due-mark [dueSoon]="row.dueSoon" [overdue]="row.overdue" />
                </td>
                <td>
                  <span class="office-table__label">{{ 'dossier.status' | transloco }}</span>
                  <strong class="tag">{{ 'status.' + row.status | transloco }}</strong>
                  @if (row.step) {
                    <span class="block">{{ 'office.step.' + row.step | transloco }}</span>
                  }
                  @if (row.paid) {
                    <span class="block">
                      <strong class="tag tag--green">{{ 'office.inbox.paid' | transloco }}</strong>
                      {{ row.feeAmount | vnd }}
                    </span>
                  }
                  @if (row.assigneeName) {
                    <span class="hint block">{{
                      'office.inbox.assignee' | transloco: { name: row.assigneeName }
                    }}</span>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (pageCount() > 1) {
          <nav class="office-pagination" [attr.aria-label]="'office.inbox.pagination' | transloco">
            @if (result.page > 1) {
              <a [routerLink]="[]" [queryParams]="query({ page: result.page - 1 })" rel="prev">{{
                'office.inbox.previous' | transloco
              }}</a>
            }
            <span>{{ 'office.inbox.pageOf' | transloco: { page: result.page, pages: pageCount() } }}</span>
            @if (result.page < pageCount()) {
              <a [routerLink]="[]" [queryParams]="query({ page: result.page + 1 })" rel="next">{{
                'office.inbox.next' | transloco
              }}</a>
            }
          </nav>
        }
      }
    } @else {
      <p aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
})
export class InboxPage {
  /** Query parameters, bound by the router. */
  readonly tab = input<string>();
  readonly q = input<string>();
  readonly procedure = input<string>();
  readonly page = input<string>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(Language).current;
  protected readonly tabs = inboxTabs;

  protected readonly currentTab = computed<InboxTab>(() => {
    const tab = this.tab();
    return inboxTabs.find((t) => t === tab) ?? 'to_receive';
  });
  private readonly currentPage = computed(() => {
    const page = Number(this.page());
    return Number.isInteger(page) && page >= 1 ? page : 1;
  });
  protected readonly inbox = inject(OfficeApi).inbox(() => ({
    tab: this.currentTab(),
    q: this.q()?.trim() || undefined,
    procedureCode: this.procedure() || undefined,
    page: this.currentPage(),
  }));
  protected readonly procedures = inject(ProceduresApi).list();
  private readonly session = inject(Session);
  protected readonly isClerk = computed(() => !!this.session.user()?.roles.includes('clerk'));
  /** The ward's leader and the auditors read the citizens' ratings (`GET /api/office/ratings`). */
  protected readonly readsRatings = computed(() =>
    (this.session.user()?.roles ?? []).some((role) => role === 'leader' || role === 'auditor'),
  );
  /** An auditor reads every ward's dossiers: each row says whose. */
  protected readonly everyWard = computed(() => !this.session.user()?.unitCode);
  /** The tab counts stay on screen while another tab loads. */
  protected readonly counts = linkedSignal<Record<InboxTab, number> | undefined, Record<InboxTab, number> | undefined>({
    source: () => (this.inbox.hasValue() ? this.inbox.value().counts : undefined),
    computation: (counts, previous) => counts ?? previous?.value,
  });
  protected readonly pageCount = computed(() => {
    const result = this.inbox.hasValue() ? this.inbox.value() : undefined;
    return result ? Math.max(1, Math.ceil(result.total / Math.max(1, result.pageSize))) : 1;
  });

  protected readonly searchForm = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    procedureCode: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => this.searchForm.setValue({ q: this.q() ?? '', procedureCode: this.procedure() ?? '' }));
    pageTitle((t) => [t(`office.tab.${this.currentTab()}`), t('office.inbox.title')]);
  }

  /** The address of the inbox with some of its parameters changed (null removes one). */
  protected query(changes: Params): Params {
    const current: Params = {
      tab: this.currentTab() === 'to_receive' ? null : this.currentTab(),
      q: this.q() || null,
      procedure: this.procedure() || null,
      page: this.currentPage() === 1 ? null : this.currentPage(),
    };
    const next = { ...current, ...changes };
    if (next['tab'] === 'to_receive') next['tab'] = null;
    return next;
  }

  protected search(): void {
    const { q, procedureCode } = this.searchForm.getRawValue();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: this.query({ q: q.trim() || null, procedure: procedureCode || null, page: null }),
    });
  }

  protected problem(error: unknown): string {
    return toApiProblem(error, this.transloco.translate('office.inbox.loadError')).message;
  }
}
