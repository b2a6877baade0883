import { BadInput, Conflict, DomainError, NotFound } from '@portal/server/platform';

export class IdempotencyKeyRequired extends BadInput {
  constructor() {
    super('IDEMPOTENCY_KEY_REQUIRED', {
      vi: 'Yêu cầu thanh toán thiếu khóa chống trùng lặp (tiêu đề Idempotency-Key). Vui lòng tải lại trang và thử lại.',
      en: 'The payment request has no Idempotency-Key header. Please reload the page and try again.',
    });
  }
}

/** A malformed key is 422, as GOV.UK Pay answers it. */
export class IdempotencyKeyInvalid extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_INVALID';
  readonly status = 422;
  constructor() {
    super({
      vi: 'Khóa chống trùng lặp (Idempotency-Key) chỉ gồm 1–255 chữ cái, chữ số và dấu gạch ngang.',
      en: 'The Idempotency-Key must be 1–255 letters, digits and hyphens.',
    });
  }
}

export class IdempotencyKeyReused extends Conflict {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', {
      vi: 'Khóa chống trùng lặp này đã được dùng cho một yêu cầu thanh toán khác.',
      en: 'This Idempotency-Key was already used for a different payment request.',
    });
  }
}

export class NothingToPay extends Conflict {
  constructor(status: string) {
    super(
      'NOTHING_TO_PAY',
      {
        vi: 'Hồ sơ này không có khoản phí nào đang chờ thanh toán.',
        en: 'This dossier has no fee waiting to be paid.',
      },
      { status },
    );
  }
}

export class AlreadyPaid extends Conflict {
  constructor() {
    super('ALREADY_PAID', {
      vi: 'Lệ phí của hồ sơ này đã được thanh toán.',
      en: 'The fee of this dossier has already been paid.',
    });
  }
}

export class PaymentNotFound extends NotFound {
  constructor() {
    super('PAYMENT_NOT_FOUND', {
      vi: 'Không tìm thấy giao dịch thanh toán này.',
      en: 'This payment was not found.',
    });
  }
}

export class PaymentReturnInvalid extends BadInput {
  constructor() {
    super('PAYMENT_RETURN_INVALID', {
      vi: 'Thông tin trả về từ cổng thanh toán không hợp lệ. Vui lòng xem tình trạng thanh toán trong mục Hồ sơ của tôi.',
      en: 'The payment gateway sent back information that is not valid. Please check the payment in My dossiers.',
    });
  }
}
