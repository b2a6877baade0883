import { HttpClient } from '@angular/common/http';
import { inject, Injectable, Pipe, PipeTransform, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { LocalizedText, ProcedureDetail } from '@portal/contracts';
import { Language } from './language';

/**
 * The names of a procedure's papers, as the catalogue has them: one place, which
 * administrators edit (`/admin/procedures`). Each procedure is read once per page
 * load; until it has arrived, or for a paper the catalogue does not list (the
 * authorisation letter a clerk may ask for), the translation file's name
 * `apply.papers.<code>` is shown.
 */
@Injectable({ providedIn: 'root' })
export class PaperNames {
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(Language).current;
  private readonly names = signal<Record<string, Record<string, LocalizedText>>>({});
  private readonly asked = new Set<string>();

  name(procedureCode: string | undefined, paperCode: string): string {
    if (procedureCode && !this.asked.has(procedureCode)) {
      this.asked.add(procedureCode);
      this.http.get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(procedureCode)}`).subscribe({
        next: (p) =>
          this.names.update((all) => ({
            ...all,
            [procedureCode]: Object.fromEntries(p.requiredPapers.map((paper) => [paper.code, paper.name])),
          })),
        // Asked again on a later page: the fallback names serve meanwhile.
        error: () => this.asked.delete(procedureCode),
      });
    }
    const fromCatalogue = procedureCode ? this.names()[procedureCode]?.[paperCode] : undefined;
    return fromCatalogue ? fromCatalogue[this.language()] : this.transloco.translate(`apply.papers.${paperCode}`);
  }
}

/**
 * `{{ paper.paperCode | paperName: dossier.procedureCode }}`. Impure, so that the
 * name changes when the catalogue's answer or the language arrives.
 */
@Pipe({ name: 'paperName', pure: false })
export class PaperNamePipe implements PipeTransform {
  private readonly names = inject(PaperNames);

  transform(paperCode: string, procedureCode: string | undefined): string {
    return this.names.name(procedureCode, paperCode);
  }
}
