import { afterRenderEffect, ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';

export interface FieldError {
  /** The id of the input the message is about. */
  field: string;
  message: string;
}

/**
 * GOV.UK-style error summary: shown above the form when it has problems, takes
 * the focus so that screen readers announce it, and links to each field.
 */
@Component({
  selector: 'dvc-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (errors().length) {
      <div class="error-summary" role="alert" tabindex="-1" #box aria-labelledby="error-summary-title">
        <h2 class="error-summary__title" id="error-summary-title">{{ title() }}</h2>
        <ul class="error-summary__list">
          @for (error of errors(); track $index) {
            <li>
              <a [attr.href]="'#' + error.field" (click)="focusField($event, error.field)">{{ error.message }}</a>
            </li>
          }
        </ul>
      </div>
    }
  `,
})
export class ErrorSummary {
  readonly errors = input.required<FieldError[]>();
  readonly title = input.required<string>();
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  constructor() {
    afterRenderEffect(() => {
      if (this.errors().length) this.box()?.nativeElement.focus();
    });
  }

  protected focusField(event: Event, id: string): void {
    event.preventDefault();
    const field = document.getElementById(id);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }
}
