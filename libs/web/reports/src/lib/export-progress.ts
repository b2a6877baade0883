import type { HttpResourceRef } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DossierExport } from '@portal/contracts';
import { ReportsApi } from '@portal/web/data-access';

/** An export is still being made. */
export const inProgress = (e: DossierExport) => e.status === 'queued' || e.status === 'running';

/**
 * Reloads a resource every `everyMs` while `busy` says what it holds is still changing (an export being
 * made), and stops when it is not or the component is gone.
 */
export function reloadWhile<T>(ref: HttpResourceRef<T | undefined>, busy: (value: T) => boolean, everyMs = 1000): void {
  effect((onCleanup) => {
    if (!ref.hasValue()) return;
    const value = ref.value();
    if (value === undefined || !busy(value)) return;
    const timer = setTimeout(() => ref.reload(), everyMs);
    onCleanup(() => clearTimeout(timer));
  });
}

const sizeOf = (bytes: number, lang: string) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)} KB`
    : `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`;

/**
 * One export as its requester follows it: a progress bar (the dossiers written of those counted), its
 * state in words for screen readers (announced when it changes, not at every step), and the file's link
 * once it is done.
 */
@Component({
  selector: 'dvc-export-progress',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .export-progress progress {
      display: block;
      width: 100%;
      max-width: 30rem;
      height: 1.25rem;
      margin: 0.25rem 0;
      accent-color: #00703c;
    }
  `,
  template: `
    @let e = export();
    <div class="export-progress" [attr.data-status]="e.status">
      <label [for]="'export-bar-' + e.id">{{ e.fileName }}</label>
      <progress
        [id]="'export-bar-' + e.id"
        [max]="e.total || 1"
        [value]="e.status === 'done' ? e.total || 1 : e.written"
      >
        {{ percent() }}%
      </progress>
      <p class="hint">
        @if (e.total === null) {
          {{ 'reports.exports.counting' | transloco }}
        } @else {
          {{
            'reports.exports.written'
              | transloco
                : {
                    written: e.written.toLocaleString(lang()),
                    total: e.total.toLocaleString(lang()),
                    percent: percent(),
                  }
          }}
        }
      </p>
      <p role="status">
        @switch (e.status) {
          @case ('done') {
            <a class="export-download" [href]="fileUrl()" download>{{
              'reports.exports.download' | transloco: { size: size() }
            }}</a>
          }
          @case ('failed') {
            <span class="notice notice--error">{{ 'reports.exports.failed' | transloco }}</span>
          }
          @case ('expired') {
            {{ 'reports.exports.expired' | transloco }}
          }
          @default {
            {{ 'reports.exports.' + e.status | transloco }}
          }
        }
      </p>
    </div>
  `,
})
export class ExportProgress {
  readonly export = input.required<DossierExport>();
  readonly lang = input.required<string>();
  private readonly api = inject(ReportsApi);
  protected readonly percent = computed(() => {
    const e = this.export();
    if (e.status === 'done') return 100;
    return e.total ? Math.floor((e.written / e.total) * 100) : 0;
  });
  protected readonly fileUrl = computed(() => this.api.exportFileUrl(this.export().id));
  protected readonly size = computed(() => sizeOf(this.export().sizeBytes ?? 0, this.lang()));
}
