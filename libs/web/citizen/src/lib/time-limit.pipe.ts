import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import type { Language, TimeLimit } from '@portal/contracts';

/** {amount: 0, unit: working_days} → "Trong ngày làm việc"; {amount: 3, …} → "3 ngày làm việc". */
@Pipe({ name: 'timeLimit' })
export class TimeLimitPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(limit: TimeLimit, language: Language): string {
    if (limit.amount === 0 && limit.unit === 'working_days')
      return this.transloco.translate('procedure.sameDay', {}, language);
    return this.transloco.translate(`procedure.unit.${limit.unit}`, { count: limit.amount }, language);
  }
}
