import { DomainError, NotFound } from '@portal/server/platform';

export class DossierExportNotFound extends NotFound {
  constructor() {
    super('EXPORT_NOT_FOUND', {
      vi: 'Không tìm thấy tệp xuất này trong các tệp bạn đã yêu cầu.',
      en: 'There is no such export among the ones you asked for.',
    });
  }
}

export class DossierExportNotReady extends DomainError {
  readonly code = 'EXPORT_NOT_READY';
  readonly status = 409;
  constructor() {
    super({
      vi: 'Tệp chưa làm xong. Vui lòng chờ đến khi thanh tiến độ đầy rồi tải về.',
      en: 'The file is not ready yet. Please wait until the progress bar is full, then download it.',
    });
  }
}

export class DossierExportFailed extends DomainError {
  readonly code = 'EXPORT_FAILED';
  readonly status = 409;
  constructor() {
    super({
      vi: 'Không làm được tệp này. Vui lòng yêu cầu xuất lại.',
      en: 'This file could not be made. Please ask for the export again.',
    });
  }
}

export class DossierExportExpired extends DomainError {
  readonly code = 'EXPORT_EXPIRED';
  readonly status = 410;
  constructor() {
    super({
      vi: 'Tệp đã hết hạn lưu giữ và đã bị xoá. Vui lòng yêu cầu xuất lại.',
      en: 'The file was kept for a limited time and has been deleted. Please ask for the export again.',
    });
  }
}

export class TooManyDossierExports extends DomainError {
  readonly code = 'EXPORTS_IN_PROGRESS';
  readonly status = 429;
  constructor(limit: number) {
    super(
      {
        vi: `Bạn đang có ${limit} tệp đang được làm. Vui lòng chờ một tệp xong rồi yêu cầu tiếp.`,
        en: `You already have ${limit} exports being made. Please wait for one to finish before asking for another.`,
      },
      { limit },
    );
  }
}
