import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES, attachmentMessages } from '@portal/contracts';
import { BadInput, Conflict, DomainError, NotFound } from '@portal/server/platform';

/** An owner holds as many papers not yet in a submitted dossier as they may. */
export class UploadQuotaExceeded extends DomainError {
  readonly code = 'UPLOAD_QUOTA_EXCEEDED';
  readonly status = 413;
  constructor(files: number, bytes: number) {
    const megabytes = Math.floor(bytes / (1024 * 1024));
    super(
      {
        vi: `Bạn đã tải lên tối đa ${files} tệp (${megabytes} MB) chưa nộp kèm hồ sơ nào. Vui lòng gỡ bớt tệp không cần khỏi hồ sơ đang khai, hoặc nộp hồ sơ, rồi tải thêm.`,
        en: `You already hold the most papers allowed outside a submitted dossier (${files} files, ${megabytes} MB). Remove papers you no longer need from your application, or submit it, before uploading more.`,
      },
      { maxFiles: files, maxBytes: bytes },
    );
  }
}

export class FileTooLarge extends BadInput {
  constructor() {
    super('FILE_TOO_LARGE', attachmentMessages.tooLarge, { maxBytes: ATTACHMENT_MAX_BYTES });
  }
}

export class FileTypeNotAllowed extends BadInput {
  constructor() {
    super('FILE_TYPE_NOT_ALLOWED', attachmentMessages.typeNotAllowed, { allowed: [...ATTACHMENT_MIME_TYPES] });
  }
}

export class FileEmpty extends BadInput {
  constructor() {
    super('FILE_EMPTY', attachmentMessages.empty);
  }
}

/** A multipart body the upload form would never send: extra files or fields, a broken body. */
export class UploadMalformed extends BadInput {
  constructor() {
    super('UPLOAD_MALFORMED', {
      vi: 'Yêu cầu tải tệp không hợp lệ. Mỗi lần chỉ tải lên một tệp, trong trường "file".',
      en: 'The upload is not valid. Upload one file at a time, in the "file" field.',
    });
  }
}

/** The same answer for an id that does not exist and for someone else's, so ids cannot be probed. */
export class AttachmentNotFound extends NotFound {
  constructor() {
    super('ATTACHMENT_NOT_FOUND', {
      vi: 'Không tìm thấy tệp đính kèm. Có thể tệp đã bị xóa.',
      en: 'The attachment was not found. It may have been deleted.',
    });
  }
}

export class AttachmentInUse extends Conflict {
  constructor() {
    super('ATTACHMENT_IN_USE', {
      vi: 'Không thể xóa tệp này vì đã được nộp kèm hồ sơ.',
      en: 'This file cannot be deleted: it was submitted with an application.',
    });
  }
}

/** Linking papers to a dossier: some id is not one of the citizen's own, still unattached uploads. */
export class AttachmentNotAvailable extends BadInput {
  constructor(attachmentIds: string[]) {
    super(
      'ATTACHMENT_NOT_AVAILABLE',
      {
        vi: 'Giấy tờ đính kèm không tìm thấy hoặc đã dùng cho hồ sơ khác. Vui lòng tải lên lại.',
        en: 'An attached paper was not found or belongs to another application. Please upload it again.',
      },
      { attachmentIds: attachmentIds.map((id) => id.slice(0, 40)) },
    );
  }
}
