import { DomainError } from '@portal/server/platform';

export class ActionNotAllowed extends DomainError {
  readonly code = 'ACTION_NOT_ALLOWED';
  readonly status = 409;
  constructor(action: string, status: string) {
    super(
      {
        vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ. Vui lòng tải lại hồ sơ.',
        en: 'This action is not possible in the dossier’s current state. Please reload the dossier.',
      },
      { action, status },
    );
  }
}

export class DossierChanged extends DomainError {
  readonly code = 'DOSSIER_CHANGED';
  readonly status = 409;
  constructor() {
    super({
      vi: 'Hồ sơ vừa được người khác cập nhật. Vui lòng xem lại hồ sơ trước khi thao tác tiếp.',
      en: 'Someone else has just updated this dossier. Please look at it again before you act.',
    });
  }
}

export class ReasonRequired extends DomainError {
  readonly code = 'REASON_REQUIRED';
  readonly status = 400;
  constructor() {
    super(
      { vi: 'Vui lòng ghi rõ lý do.', en: 'Give the reason.' },
      { fields: [{ field: 'reason', code: 'reasonRequired' }] },
    );
  }
}

export class NotUnitStaff extends DomainError {
  readonly code = 'UNIT_STAFF_ONLY';
  readonly status = 403;
  constructor() {
    super({
      vi: 'Chức năng này dành cho công chức, lãnh đạo của phường, xã.',
      en: 'This is for the clerks and leaders of a ward.',
    });
  }
}
