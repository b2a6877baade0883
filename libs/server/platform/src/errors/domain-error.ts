import type { LocalizedText } from '@portal/contracts';

/**
 * Base class of the errors the domain raises on purpose. The exception filter
 * turns them into `{ code, message, details }` with the message in the
 * caller's language; nothing else about them reaches the client.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  constructor(
    readonly text: LocalizedText,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly code: string;
  readonly status = 404;
  constructor(code: string, text: LocalizedText, details?: Record<string, unknown>) {
    super(text, details);
    this.code = code;
  }
}

export class BadInput extends DomainError {
  readonly code: string;
  readonly status = 400;
  constructor(code: string, text: LocalizedText, details?: Record<string, unknown>) {
    super(text, details);
    this.code = code;
  }
}
