import type { Language, LocalizedText } from '@portal/contracts';

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

  /** Details in the caller's language; by default the same for everyone. */
  detailsIn(_language: Language): Record<string, unknown> | undefined {
    return this.details;
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

export class Conflict extends DomainError {
  readonly code: string;
  readonly status = 409;
  constructor(code: string, text: LocalizedText, details?: Record<string, unknown>) {
    super(text, details);
    this.code = code;
  }
}

export class Unauthenticated extends DomainError {
  readonly code: string;
  readonly status = 401;
  constructor(code: string, text: LocalizedText) {
    super(text);
    this.code = code;
  }
}

export class TooManyAttempts extends DomainError {
  readonly code = 'TOO_MANY_ATTEMPTS';
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      {
        vi: `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
        en: `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      },
      { retryAfterSeconds },
    );
  }
}
