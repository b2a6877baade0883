/**
 * The test cards the checkout page accepts, and what each does. The first four are VNPAY sandbox's own NCB
 * cards; the others are ours, for outcomes the sandbox has no card for. Every card is held by NGUYEN VAN A
 * and was issued 07/15; the OTP is 123456.
 *
 * `at: 'card'` cards end the payment as soon as the card is given; `at: 'otp'` ones after a right OTP.
 * `refused` cards are turned away at the card step with a message, the payment left open (as a bank would
 * for an expired card).
 */
export type Locale = 'vn' | 'en';

export interface TestCard {
  number: string;
  bank: string;
  label: Record<Locale, string>;
  at: 'card' | 'otp';
  /** vnp_ResponseCode the payment ends with; absent for a card refused at the card step. */
  responseCode?: string;
  refused?: Record<Locale, string>;
  /** Every OTP is wrong for this card. */
  otpAlwaysWrong?: boolean;
}

export const TEST_CARD_HOLDER = 'NGUYEN VAN A';
export const TEST_CARD_ISSUE_DATE = '07/15';
export const TEST_OTP = '123456';

export const TEST_CARDS: TestCard[] = [
  {
    number: '9704198526191432198',
    bank: 'NCB',
    label: { vn: 'Thành công', en: 'Success' },
    at: 'otp',
    responseCode: '00',
  },
  {
    number: '9704195798459170488',
    bank: 'NCB',
    label: { vn: 'Không đủ số dư (51)', en: 'Insufficient funds (51)' },
    at: 'otp',
    responseCode: '51',
  },
  {
    number: '9704193370791314',
    bank: 'NCB',
    label: { vn: 'Thẻ bị khóa (12)', en: 'Card locked (12)' },
    at: 'card',
    responseCode: '12',
  },
  {
    number: '9704194841945513',
    bank: 'NCB',
    label: { vn: 'Thẻ hết hạn (bị từ chối ở bước nhập thẻ)', en: 'Expired card (refused at the card step)' },
    at: 'card',
    refused: { vn: 'Thẻ đã hết hạn sử dụng.', en: 'The card has expired.' },
  },
  {
    number: '9704190000000013',
    bank: 'NCB',
    label: { vn: 'OTP luôn sai (13)', en: 'Wrong OTP, always (13)' },
    at: 'otp',
    responseCode: '13',
    otpAlwaysWrong: true,
  },
  {
    number: '9704190000000075',
    bank: 'NCB',
    label: { vn: 'Ngân hàng đang bảo trì (75)', en: 'Bank under maintenance (75)' },
    at: 'card',
    responseCode: '75',
  },
  {
    number: '9704190000000065',
    bank: 'NCB',
    label: { vn: 'Vượt hạn mức trong ngày (65)', en: 'Daily limit exceeded (65)' },
    at: 'otp',
    responseCode: '65',
  },
  {
    number: '9704190000000009',
    bank: 'NCB',
    label: { vn: 'Chưa đăng ký Internet Banking (09)', en: 'No internet banking (09)' },
    at: 'card',
    responseCode: '09',
  },
  {
    number: '9704190000000007',
    bank: 'NCB',
    label: { vn: 'Trừ tiền thành công, nghi ngờ gian lận (07)', en: 'Debited, suspected fraud (07)' },
    at: 'otp',
    responseCode: '07',
  },
];

export function findCard(number: string): TestCard | undefined {
  const digits = number.replace(/[\s-]/g, '');
  return TEST_CARDS.find((card) => card.number === digits);
}

/** vnp_TransactionStatus for a payment that ended with this vnp_ResponseCode. */
export function transactionStatusOf(responseCode: string): string {
  if (responseCode === '00') return '00';
  if (responseCode === '07') return '07';
  return '02';
}

/** What the payer and the logs are told for each vnp_ResponseCode. */
export const RESPONSE_MESSAGES: Record<string, Record<Locale, string>> = {
  '00': { vn: 'Giao dịch thành công', en: 'Transaction successful' },
  '07': {
    vn: 'Trừ tiền thành công. Giao dịch bị nghi ngờ (liên quan tới lừa đảo, giao dịch bất thường)',
    en: 'Debited. The transaction is suspected of fraud',
  },
  '09': {
    vn: 'Thẻ/Tài khoản chưa đăng ký dịch vụ Internet Banking',
    en: 'The card/account has not registered for internet banking',
  },
  '10': {
    vn: 'Xác thực thông tin thẻ/tài khoản không đúng quá 3 lần',
    en: 'Card/account details entered wrongly more than 3 times',
  },
  '11': { vn: 'Đã hết hạn chờ thanh toán', en: 'The payment timed out' },
  '12': { vn: 'Thẻ/Tài khoản bị khóa', en: 'The card/account is locked' },
  '13': { vn: 'Nhập sai mật khẩu xác thực giao dịch (OTP)', en: 'Wrong one-time password (OTP)' },
  '24': { vn: 'Khách hàng hủy giao dịch', en: 'The payer cancelled the transaction' },
  '51': { vn: 'Tài khoản không đủ số dư', en: 'Insufficient funds' },
  '65': { vn: 'Tài khoản đã vượt quá hạn mức giao dịch trong ngày', en: 'Daily transaction limit exceeded' },
  '75': { vn: 'Ngân hàng thanh toán đang bảo trì', en: 'The bank is under maintenance' },
  '79': { vn: 'Nhập sai mật khẩu thanh toán quá số lần quy định', en: 'Wrong payment password too many times' },
  '99': { vn: 'Lỗi không xác định', en: 'Other error' },
};
