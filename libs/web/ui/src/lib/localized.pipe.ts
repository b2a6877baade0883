import { Pipe, PipeTransform } from '@angular/core';
import type { Language, LocalizedText } from '@portal/contracts';

/** `{{ procedure.name | localized: language() }}` */
@Pipe({ name: 'localized' })
export class LocalizedPipe implements PipeTransform {
  transform(text: LocalizedText | null | undefined, language: Language): string {
    return text ? text[language] : '';
  }
}
