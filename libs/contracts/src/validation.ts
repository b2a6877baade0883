import * as z from 'zod';
import type { LocalizedText } from './common';

/**
 * Every validation message, in both languages. Schemas use the keys as their
 * messages, so the browser and the API say the same thing in the same words.
 */
export const validationMessages = {
  required: { vi: 'Vui lòng nhập thông tin này.', en: 'Enter this information.' },
  wrongType: { vi: 'Giá trị không đúng kiểu.', en: 'This value has the wrong type.' },
  controlCharacter: {
    vi: 'Nội dung có ký tự không hợp lệ (ký tự điều khiển). Vui lòng nhập lại.',
    en: 'This contains characters that are not allowed (control characters). Please type it again.',
  },
  tooLong: { vi: 'Nội dung quá dài.', en: 'This is too long.' },
  fullName: {
    vi: 'Họ và tên chỉ gồm chữ cái tiếng Việt và dấu cách, từ 2 đến 100 ký tự.',
    en: 'The full name may contain only Vietnamese letters and spaces, 2 to 100 characters.',
  },
  email: {
    vi: 'Địa chỉ thư điện tử không đúng, ví dụ: ten@example.vn.',
    en: 'Enter an e-mail address like name@example.vn.',
  },
  phone: {
    vi: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
    en: 'Enter a 10-digit Vietnamese mobile number starting with 03, 05, 07, 08 or 09.',
  },
  emailOrPhone: {
    vi: 'Vui lòng nhập thư điện tử hoặc số điện thoại.',
    en: 'Enter an e-mail address or a phone number.',
  },
  password: {
    vi: 'Mật khẩu cần từ 8 đến 128 ký tự, có cả chữ và số.',
    en: 'The password needs 8 to 128 characters, with both letters and digits.',
  },
  passwordConfirmation: { vi: 'Hai mật khẩu chưa khớp nhau.', en: 'The two passwords do not match.' },
  login: {
    vi: 'Vui lòng nhập thư điện tử hoặc số điện thoại đã đăng ký.',
    en: 'Enter the e-mail address or phone number you registered with.',
  },
  passwordRequired: { vi: 'Vui lòng nhập mật khẩu.', en: 'Enter your password.' },
  personName: {
    vi: 'Họ, chữ đệm và tên chỉ gồm chữ cái tiếng Việt và dấu cách.',
    en: 'Names may contain only Vietnamese letters and spaces.',
  },
  choose: { vi: 'Vui lòng chọn một mục.', en: 'Choose one option.' },
  date: { vi: 'Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm.', en: 'Enter a real date.' },
  dateInFuture: { vi: 'Ngày không được ở tương lai.', en: 'The date cannot be in the future.' },
  time: { vi: 'Giờ không hợp lệ, ví dụ: 08:30.', en: 'Enter a time like 08:30.' },
  facilityName: {
    vi: 'Vui lòng nhập tên cơ sở y tế nơi trẻ sinh ra.',
    en: 'Enter the name of the health facility where the child was born.',
  },
  personalId: { vi: 'Số định danh cá nhân gồm 12 chữ số.', en: 'The personal ID number has 12 digits.' },
  relation: {
    vi: 'Vui lòng chọn quan hệ của người đi khai sinh với trẻ.',
    en: "Choose the informant's relation to the child.",
  },
  declarantRelation: {
    vi: 'Vui lòng chọn quan hệ của người đi khai tử với người đã chết.',
    en: "Choose the declarant's relation to the deceased.",
  },
  deathBeforeBirth: {
    vi: 'Ngày chết không được trước ngày sinh của người đã chết.',
    en: 'The date of death cannot be before the date of birth.',
  },
  authorisationRequired: {
    vi: 'Người được ủy quyền đi khai tử vui lòng tải lên văn bản ủy quyền.',
    en: 'As an authorised declarant, upload the letter of authorisation.',
  },
  chooseWard: { vi: 'Vui lòng chọn phường, xã nơi đăng ký.', en: 'Choose the ward where you register.' },
  uploadRequired: { vi: 'Vui lòng tải lên giấy tờ này.', en: 'Upload this paper.' },
  marriageCertificate: {
    vi: 'Khi khai cả cha và mẹ, vui lòng tải lên giấy chứng nhận kết hôn.',
    en: "When both parents are named, upload the parents' marriage certificate.",
  },
  dossierCode: {
    vi: 'Mã hồ sơ có dạng HS-01-261125-000123.',
    en: 'A dossier code looks like HS-01-261125-000123.',
  },
  reasonRequired: { vi: 'Vui lòng ghi rõ lý do.', en: 'Give the reason.' },
  underSix: {
    vi: 'Thủ tục liên thông chỉ dành cho trẻ em dưới 6 tuổi.',
    en: 'The linked procedure is only for children under six.',
  },
  paperCode: {
    vi: 'Loại giấy tờ không hợp lệ. Vui lòng tải lại trang và thử lại.',
    en: 'The type of paper is not valid. Please reload the page and try again.',
  },
  fileRequired: { vi: 'Vui lòng chọn tệp cần tải lên.', en: 'Choose a file to upload.' },
  holidayExists: { vi: 'Ngày này đã có trong lịch nghỉ.', en: 'This day is already in the holiday calendar.' },
  extraCopies: {
    vi: 'Số bản sao là số nguyên từ 0 đến 10.',
    en: 'The number of copies is a whole number from 0 to 10.',
  },
  postalAddress: {
    vi: 'Vui lòng nhập địa chỉ nhận kết quả qua bưu điện.',
    en: 'Enter the address the result should be posted to.',
  },
  ratingScore: {
    vi: 'Vui lòng chọn mức đánh giá từ 1 đến 5 sao.',
    en: 'Choose a rating from 1 to 5 stars.',
  },
  feeAmount: {
    vi: 'Lệ phí là số đồng nguyên, từ 0 đến 10.000.000 ₫.',
    en: 'A fee is a whole number of đồng, from 0 to 10,000,000 ₫.',
  },
  timeLimitAmount: {
    vi: 'Thời hạn giải quyết là số nguyên, từ 0 đến 90 ngày làm việc (hoặc 720 giờ làm việc).',
    en: 'The time limit is a whole number, from 0 to 90 working days (or 720 working hours).',
  },
  procedureItems: {
    vi: 'Danh sách lệ phí hoặc giấy tờ không khớp với thủ tục. Vui lòng tải lại trang và thử lại.',
    en: 'The list of fees or papers does not match the procedure. Please reload the page and try again.',
  },
  reportPeriod: {
    vi: 'Chọn một kỳ báo cáo: một tháng, một quý, một năm, hoặc từ ngày đến ngày (không quá 5 năm).',
    en: 'Choose one report period: a month, a quarter, a year, or from one day to another (at most 5 years).',
  },
  reportPlace: {
    vi: 'Chọn một phường, xã hoặc một tỉnh, thành phố, không chọn cả hai.',
    en: 'Choose a ward or a province, not both.',
  },
} satisfies Record<string, LocalizedText>;

export type ValidationMessageKey = keyof typeof validationMessages;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.prototype.hasOwnProperty.call(validationMessages, value);
}

/** A problem with one field, as the API reports it in `details.fields`. */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `child.fullName`. */
  field: string;
  code: ValidationMessageKey;
  message: string;
}

/** Turns a failed parse into field problems in one language. */
export function fieldProblems(error: z.ZodError, language: 'vi' | 'en'): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    let code: ValidationMessageKey = isValidationMessageKey(issue.message) ? issue.message : 'wrongType';
    if (code === 'wrongType' && issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
      code = 'required';
    }
    problems.push({ field, code, message: validationMessages[code][language] });
  }
  return problems;
}

/** Vietnamese letters (with diacritics), Latin letters and spaces. */
export const VIETNAMESE_NAME =
  /^[A-Za-zÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]+(?: [A-Za-zÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]+)*$/;

/** Trims and collapses inner spaces; NFC so that "ễ" typed two ways is one letter. */
export function normaliseName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export const fullNameSchema = z
  .string({ message: 'required' })
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(2, { message: 'fullName' })
      .max(100, { message: 'fullName' })
      .regex(VIETNAMESE_NAME, { message: 'fullName' }),
  );

export const emailSchema = z
  .string({ message: 'wrongType' })
  .trim()
  .toLowerCase()
  .max(254, { message: 'tooLong' })
  .pipe(z.email({ message: 'email' }));

/** A Vietnamese mobile number, given as 0xxxxxxxxx, +84xxxxxxxxx or with spaces and dots; stored as 0xxxxxxxxx. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/[\s.()-]/g, '');
  return digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
}

export const phoneSchema = z
  .string({ message: 'wrongType' })
  .transform(normalisePhone)
  .pipe(z.string().regex(/^0(3|5|7|8|9)\d{8}$/, { message: 'phone' }));

export const passwordSchema = z
  .string({ message: 'required' })
  .min(8, { message: 'password' })
  .max(128, { message: 'password' })
  .regex(/\p{L}/u, { message: 'password' })
  .regex(/\d/, { message: 'password' });
