import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, FieldProblem } from '@portal/contracts';

/** What went wrong with a request, ready to show: a message and, for a form, one message per field. */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  fields: FieldProblem[];
}

export function toApiProblem(error: unknown, fallback: string): ApiProblem {
  if (error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' && 'code' in error.error) {
    const body = error.error as ApiError;
    const fields = Array.isArray(body.details?.['fields']) ? (body.details['fields'] as FieldProblem[]) : [];
    return { status: error.status, code: body.code, message: body.message, fields };
  }
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  return { status, code: 'NETWORK', message: fallback, fields: [] };
}
