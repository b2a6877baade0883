import { NotFound } from '@portal/server/platform';

export class ProcedureNotFound extends NotFound {
  constructor(code: string) {
    const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
    super(
      'PROCEDURE_NOT_FOUND',
      {
        vi: `Không tìm thấy thủ tục có mã "${shown}". Vui lòng kiểm tra lại mã thủ tục.`,
        en: `There is no procedure with the code "${shown}". Please check the code.`,
      },
      { code: shown },
    );
  }
}
