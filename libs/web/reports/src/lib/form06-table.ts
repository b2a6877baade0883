import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Language, ProcessingReport, ReportColumn, ReportFigures } from '@portal/contracts';
import type { ReportParams } from '@portal/web/data-access';

/** The form's figure columns in order, with their number on the form (column 5 split on screen). */
const SCREEN_COLUMNS: Array<{ column: ReportColumn; number: string }> = [
  { column: 'receivedTotal', number: '3' },
  { column: 'receivedOnline', number: '4' },
  { column: 'receivedCounter', number: '5a' },
  { column: 'receivedPost', number: '5b' },
  { column: 'carriedOver', number: '6' },
  { column: 'resolvedTotal', number: '7' },
  { column: 'resolvedEarly', number: '8' },
  { column: 'resolvedOnTime', number: '9' },
  { column: 'resolvedOverdue', number: '10' },
  { column: 'inProgressTotal', number: '11' },
  { column: 'inProgressWithinTime', number: '12' },
  { column: 'inProgressOverdue', number: '13' },
];
/** As printed: column 5 merged (in person or by post). */
const PRINT_COLUMNS: Array<{ column: ReportColumn; number: string }> = SCREEN_COLUMNS.filter(
  (c) => c.column !== 'receivedPost',
).map((c) => (c.column === 'receivedCounter' ? { column: 'receivedInPerson', number: '5' } : c));

interface Line {
  key: string;
  label: string;
  detail: string | null;
  figures: ReportFigures;
  /** What the figure's dossier list adds to the report's filters. */
  scope: ReportParams;
  total: boolean;
}

/**
 * Form 06's table: received (total, online, in person or by post, carried over), resolved (total,
 * early, on time, overdue), in progress (total, within time, overdue), a line per ward and
 * procedure under the totals. On screen column 5 is split into counter and post and every figure
 * links to the list of dossiers behind it; printed, column 5 is the form's merged one.
 */
@Component({
  selector: 'dvc-form06-table',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .form06 {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .form06 th,
    .form06 td {
      border: 1px solid var(--colour-border, #b1b4b6);
      padding: 0.35rem 0.5rem;
      vertical-align: top;
    }
    .form06 thead th {
      text-align: center;
      background: var(--colour-light, #f3f2f1);
    }
    .form06 td.figure {
      text-align: right;
    }
    .form06 .number-row th {
      font-weight: 400;
      font-style: italic;
    }
    .form06 tr.total th,
    .form06 tr.total td {
      font-weight: 700;
    }
  `,
  template: `
    <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="'reports.form.caption' | transloco">
      <table class="form06" [id]="print() ? 'form06-print' : 'form06'">
        <caption class="visually-hidden">
          {{
            'reports.form.caption' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowspan="3">{{ 'reports.form.no' | transloco }}</th>
            <th scope="col" rowspan="3">{{ 'reports.form.field' | transloco }}</th>
            <th scope="colgroup" [attr.colspan]="print() ? 4 : 5">{{ 'reports.form.received' | transloco }}</th>
            <th scope="colgroup" colspan="4">{{ 'reports.form.resolved' | transloco }}</th>
            <th scope="colgroup" colspan="3">{{ 'reports.form.inProgress' | transloco }}</th>
          </tr>
          <tr>
            <th scope="col" rowspan="2">{{ 'reports.form.total' | transloco }}</th>
            <th scope="colgroup" [attr.colspan]="print() ? 3 : 4">{{ 'reports.form.ofWhich' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.form.total' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.column.resolvedEarly' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.column.resolvedOnTime' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.column.resolvedOverdue' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.form.total' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.column.inProgressWithinTime' | transloco }}</th>
            <th scope="col" rowspan="2">{{ 'reports.column.inProgressOverdue' | transloco }}</th>
          </tr>
          <tr>
            <th scope="col">{{ 'reports.column.receivedOnline' | transloco }}</th>
            @if (print()) {
              <th scope="col">{{ 'reports.column.receivedInPerson' | transloco }}</th>
            } @else {
              <th scope="col">{{ 'reports.column.receivedCounter' | transloco }}</th>
              <th scope="col">{{ 'reports.column.receivedPost' | transloco }}</th>
            }
            <th scope="col">{{ 'reports.column.carriedOver' | transloco }}</th>
          </tr>
          <tr class="number-row">
            <th scope="col">(1)</th>
            <th scope="col">(2)</th>
            @for (c of columns(); track c.column) {
              <th scope="col">({{ c.number }})</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (line of lines(); track line.key; let i = $index) {
            <tr [class.total]="line.total" [attr.data-line]="line.key">
              <td>{{ line.total ? '' : i }}</td>
              <th scope="row">
                {{ line.label }}
                @if (line.detail) {
                  <span class="hint block">{{ line.detail }}</span>
                }
              </th>
              @for (c of columns(); track c.column) {
                <td class="figure" [attr.data-column]="c.column">
                  @if (print() || line.figures[c.column] === 0) {
                    {{ line.figures[c.column] }}
                  } @else {
                    <a
                      [routerLink]="['/reports/dossiers']"
                      [queryParams]="linkParams(line, c.column)"
                      [attr.aria-label]="
                        'reports.form.figureLabel'
                          | transloco
                            : {
                                count: line.figures[c.column],
                                column: ('reports.column.' + c.column | transloco),
                                line: line.label,
                              }
                      "
                      >{{ line.figures[c.column] }}</a
                    >
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class Form06Table {
  readonly report = input.required<ProcessingReport>();
  /** The report's filters, which each figure's dossier list keeps. */
  readonly params = input<ReportParams>({});
  readonly lang = input.required<Language>();
  readonly totalLabel = input.required<string>();
  /** The printed form: column 5 merged, no links. */
  readonly print = input(false);

  protected readonly columns = computed(() => (this.print() ? PRINT_COLUMNS : SCREEN_COLUMNS));

  protected readonly lines = computed<Line[]>(() => {
    const report = this.report();
    const lang = this.lang();
    return [
      {
        key: 'total',
        label: this.totalLabel(),
        detail: null,
        figures: report.totals.figures,
        scope: {},
        total: true,
      },
      ...report.rows.map((row) => ({
        key: `${row.unitCode}:${row.procedureCode}`,
        label: row.unitName[lang],
        detail: row.procedureName[lang],
        figures: row.figures,
        scope: { unitCode: row.unitCode, procedureCode: row.procedureCode },
        total: false,
      })),
    ];
  });

  protected linkParams(line: Line, column: ReportColumn): ReportParams {
    const { provinceCode: _province, ...rest } = this.params();
    // A ward's line names the ward, which stands in for the province filter.
    return { ...(line.scope['unitCode'] ? rest : this.params()), ...line.scope, column };
  }
}
