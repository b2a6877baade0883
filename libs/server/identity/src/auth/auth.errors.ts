import { Conflict, DomainError, Unauthenticated } from '@portal/server/platform';

export class AccountExists extends Conflict {
  constructor() {
    super('ACCOUNT_EXISTS', {
      vi: 'Thư điện tử hoặc số điện thoại này đã được dùng cho một tài khoản khác. Bạn có thể đăng nhập bằng tài khoản đó.',
      en: 'This e-mail address or phone number already belongs to an account. You can sign in with it.',
    });
  }
}

export class InvalidCredentials extends Unauthenticated {
  constructor() {
    super('INVALID_CREDENTIALS', {
      vi: 'Thư điện tử, số điện thoại hoặc mật khẩu không đúng.',
      en: 'The e-mail address, phone number or password is not right.',
    });
  }
}

export class SignInRequired extends Unauthenticated {
  constructor() {
    super('SIGN_IN_REQUIRED', { vi: 'Vui lòng đăng nhập để tiếp tục.', en: 'Please sign in to continue.' });
  }
}

export class CsrfRejected extends DomainError {
  readonly code = 'CSRF_REJECTED';
  readonly status = 403;
  constructor() {
    super({
      vi: 'Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.',
      en: 'Your session has expired or the request is not valid. Please reload the page and try again.',
    });
  }
}
