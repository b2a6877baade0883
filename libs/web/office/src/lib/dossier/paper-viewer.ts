import {
  ChangeDetectionStrategy,
  Component,
  computed,
  Directive,
  effect,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { DossierPaper } from '@portal/contracts';
import { OfficeApi, PaperNamePipe } from '@portal/web/data-access';

interface ShownPaper {
  paper: DossierPaper;
  url: string;
  kind: 'pdf' | 'image' | 'other';
  size: string;
}

/**
 * Shows one of the portal's own API addresses in a frame. Angular's template binding would
 * need the DOM sanitizer (and its HTML sanitizer, a few kilobytes in the first bundle) to be
 * told the address is trusted; here only a same-origin path built by OfficeApi is accepted.
 */
@Directive({ selector: 'iframe[dvcPaperFrame]' })
export class PaperFrame {
  readonly dvcPaperFrame = input.required<string>();

  constructor() {
    const frame = inject<ElementRef<HTMLIFrameElement>>(ElementRef).nativeElement;
    effect(() => {
      const url = this.dvcPaperFrame();
      if (url.startsWith('/api/') && !url.includes('//')) frame.src = url;
    });
  }
}

/**
 * The dossier's papers, each shown in the page: photos and scans as images, PDFs in a frame
 * opened on request — the browser's PDF viewer takes the keyboard focus when it loads, which
 * must not happen to someone who has not asked for it.
 */
@Component({
  selector: 'dvc-office-paper-viewer',
  imports: [TranslocoPipe, PaperFrame, PaperNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .paper {
      margin: 0 0 2rem;
    }
    .paper__caption {
      margin-bottom: 0.5rem;
    }
    .paper__frame {
      display: block;
      width: 100%;
      height: 36rem;
      max-height: 80vh;
      border: 1px solid var(--colour-border);
      background: var(--colour-light);
    }
    .paper__toggle {
      margin: 0 0 0.75rem;
      background: var(--colour-light);
      color: var(--colour-text);
      box-shadow: 0 2px 0 #858686;
    }
    .paper__toggle:hover {
      background: #dbdad9;
    }
    .paper__image {
      display: block;
      max-width: 100%;
      height: auto;
      border: 1px solid var(--colour-border);
    }
  `,
  template: `
    @for (shown of shown(); track shown.paper.id) {
      <figure class="paper">
        <figcaption class="paper__caption">
          <strong class="block">{{ shown.paper.paperCode | paperName: procedureCode() }}</strong>
          <span class="hint">{{ shown.paper.fileName }} ({{ shown.size }})</span>
          –
          <a [href]="shown.url" target="_blank" rel="noopener"
            >{{ 'office.papers.open' | transloco
            }}<span class="visually-hidden">
              – {{ shown.paper.fileName }} ({{ 'office.papers.newTab' | transloco }})</span
            ></a
          >
        </figcaption>
        @switch (shown.kind) {
          @case ('pdf') {
            @let open = opened().includes(shown.paper.id);
            <button
              type="button"
              class="button paper__toggle"
              [attr.aria-expanded]="open"
              [attr.aria-controls]="'paper-' + shown.paper.id"
              (click)="toggle(shown.paper.id)"
            >
              {{ (open ? 'office.papers.hide' : 'office.papers.show') | transloco
              }}<span class="visually-hidden"> – {{ shown.paper.paperCode | paperName: procedureCode() }}</span>
            </button>
            <div [id]="'paper-' + shown.paper.id">
              @if (open) {
                <iframe
                  class="paper__frame"
                  [dvcPaperFrame]="shown.url"
                  [title]="(shown.paper.paperCode | paperName: procedureCode()) + ': ' + shown.paper.fileName"
                ></iframe>
              }
            </div>
          }
          @case ('image') {
            <img
              class="paper__image"
              [src]="shown.url"
              [alt]="(shown.paper.paperCode | paperName: procedureCode()) + ': ' + shown.paper.fileName"
            />
          }
        }
      </figure>
    } @empty {
      <p>{{ 'office.papers.none' | transloco }}</p>
    }
  `,
})
export class PaperViewer {
  readonly code = input.required<string>();
  readonly procedureCode = input.required<string>();
  readonly papers = input.required<DossierPaper[]>();

  private readonly api = inject(OfficeApi);
  /** The PDFs whose frame is open. */
  protected readonly opened = signal<string[]>([]);

  protected readonly shown = computed<ShownPaper[]>(() =>
    this.papers().map((paper) => {
      const url = this.api.paperUrl(this.code(), paper.id);
      const kind =
        paper.mimeType === 'application/pdf' ? 'pdf' : paper.mimeType.startsWith('image/') ? 'image' : 'other';
      return {
        paper,
        url,
        kind,
        size: `${Math.max(1, Math.round(paper.sizeBytes / 1024))} KB`,
      };
    }),
  );

  protected toggle(id: string): void {
    this.opened.update((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));
  }
}
