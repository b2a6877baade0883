import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiError, Language, LocalizedText } from '@portal/contracts';
import { DomainError, TooManyAttempts } from './domain-error';

const GENERIC: Record<number, { code: string; text: LocalizedText }> = {
  400: { code: 'BAD_REQUEST', text: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' } },
  401: { code: 'UNAUTHENTICATED', text: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' } },
  403: {
    code: 'FORBIDDEN',
    text: { vi: 'Bạn không có quyền thực hiện việc này.', en: 'You are not allowed to do this.' },
  },
  404: {
    code: 'NOT_FOUND',
    text: { vi: 'Không tìm thấy trang hoặc dữ liệu yêu cầu.', en: 'The page or record was not found.' },
  },
  405: {
    code: 'METHOD_NOT_ALLOWED',
    text: { vi: 'Phương thức không được hỗ trợ.', en: 'This method is not supported.' },
  },
  413: { code: 'PAYLOAD_TOO_LARGE', text: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' } },
  429: {
    code: 'TOO_MANY_REQUESTS',
    text: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau.', en: 'Too many requests; please try again later.' },
  },
  503: {
    code: 'SERVICE_UNAVAILABLE',
    text: {
      vi: 'Dịch vụ tạm thời gián đoạn. Vui lòng thử lại sau ít phút.',
      en: 'The service is briefly unavailable. Please try again in a few minutes.',
    },
  },
  500: {
    code: 'INTERNAL_ERROR',
    text: {
      vi: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau.',
      en: 'Something went wrong on our side. Please try again later.',
    },
  },
};

/** Picks the caller's language: Vietnamese unless they prefer English. */
export function languageOf(request: Pick<Request, 'headers'>): Language {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** Answers with the API's error body, for the few places that run before Nest's exception filter. */
export function sendError(
  request: Pick<Request, 'headers'> & { id?: unknown },
  response: Response,
  status: number,
  code: string,
  text: LocalizedText,
  details?: Record<string, unknown>,
): void {
  const language = languageOf(request);
  const requestId = request.id === undefined ? undefined : String(request.id);
  const body: ApiError = { code, message: text[language], details, requestId };
  if (!response.headersSent) response.status(status).json(body);
}

/**
 * Maps every error to `{ code, message, details, requestId }`. Domain errors keep
 * their code; framework errors get a generic one; anything unexpected becomes a
 * 500 whose body says nothing about the internals (the log has the stack).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const language = languageOf(request);

    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let code = GENERIC[500].code;
    let text = GENERIC[500].text;
    let details: Record<string, unknown> | undefined;

    if (exception instanceof DomainError) {
      status = exception.status;
      code = exception.code;
      text = exception.text;
      details = exception.detailsIn(language);
      if (exception instanceof TooManyAttempts) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const generic = GENERIC[status] ?? (status < 500 ? GENERIC[400] : GENERIC[500]);
      code = generic.code;
      text = generic.text;
      // A failed readiness check says which dependency is down.
      const payload = exception.getResponse();
      if (status === 503 && typeof payload === 'object') details = payload as Record<string, unknown>;
    } else {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }

    sendError(request, response, status, code, text, details);
  }
}
