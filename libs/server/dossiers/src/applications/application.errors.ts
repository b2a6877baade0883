import { dossierPathSchema, type LocalizedText } from '@portal/contracts';
import { Conflict, DomainError, NotFound } from '@portal/server/platform';

export class DraftNotFound extends NotFound {
  constructor() {
    super('DRAFT_NOT_FOUND', {
      vi: 'Không tìm thấy hồ sơ đang soạn. Có thể hồ sơ đã được nộp hoặc đã bị xóa.',
      en: 'This draft application was not found. It may have been submitted or deleted.',
    });
  }
}

export class UnknownFormStep extends NotFound {
  constructor(step: string) {
    super(
      'FORM_STEP_NOT_FOUND',
      { vi: 'Không có trang này trong biểu mẫu.', en: 'The form has no such page.' },
      { step: step.slice(0, 40) },
    );
  }
}

export class ProcedureNotOnline extends DomainError {
  readonly code = 'PROCEDURE_NOT_ONLINE';
  readonly status = 400;
  constructor(code: string) {
    super(
      {
        vi: `Thủ tục "${code.slice(0, 40)}" chưa nhận hồ sơ trực tuyến trên cổng này.`,
        en: `The procedure "${code.slice(0, 40)}" cannot be applied for online on this portal yet.`,
      },
      { procedureCode: code.slice(0, 40) },
    );
  }
}

/** An administrator has stopped new applications for the procedure (`/admin/procedures`). */
export class ProcedureSuspended extends Conflict {
  constructor(name: LocalizedText) {
    super('PROCEDURE_SUSPENDED', {
      vi: `Thủ tục "${name.vi}" đang tạm ngừng nhận hồ sơ mới. Hồ sơ đã nộp vẫn được giải quyết bình thường. Vui lòng quay lại sau hoặc liên hệ UBND phường, xã.`,
      en: `The procedure "${name.en}" is not taking new applications for now. Dossiers already submitted are still being processed. Please come back later or contact the ward's People's Committee.`,
    });
  }
}

export class UnitNotFound extends DomainError {
  readonly code = 'UNIT_NOT_FOUND';
  readonly status = 400;
  constructor() {
    super({
      vi: 'Phường, xã đã chọn không tiếp nhận hồ sơ này. Vui lòng chọn lại.',
      en: 'The chosen ward does not handle this application. Please choose again.',
    });
  }
}

export class PaperNotUploaded extends DomainError {
  readonly code = 'PAPER_NOT_AVAILABLE';
  readonly status = 400;
  constructor(paper: string) {
    super(
      {
        vi: 'Giấy tờ đính kèm không tìm thấy hoặc đã dùng cho hồ sơ khác. Vui lòng tải lên lại.',
        en: 'An attached paper was not found or belongs to another application. Please upload it again.',
      },
      { paper },
    );
  }
}

export class DossierNotFound extends NotFound {
  constructor() {
    super('DOSSIER_NOT_FOUND', { vi: 'Không tìm thấy hồ sơ.', en: 'The application was not found.' });
  }
}

/** A dossier code from a path, or the 404 of a dossier that does not exist when it cannot be one. */
export function checkedDossierCode(code: string): string {
  if (!dossierPathSchema.safeParse({ code }).success) throw new DossierNotFound();
  return code;
}

export class LookupNotFound extends NotFound {
  constructor() {
    super('LOOKUP_NOT_FOUND', {
      vi: 'Không tìm thấy hồ sơ khớp với mã hồ sơ và số điện thoại đã nhập. Vui lòng kiểm tra lại.',
      en: 'No application matches this code and phone number. Please check them.',
    });
  }
}
