/**
 * The gateway's pages: the hosted checkout (order, payment methods, OTP step) and the error page a bad
 * payment request lands on. Plain HTML forms posting back to the gateway, no script, one stylesheet of its
 * own (the CSP allows nothing else); Vietnamese or English per vnp_Locale, with a link to the other.
 */
import { RESPONSE_MESSAGES, TEST_CARD_HOLDER, TEST_CARD_ISSUE_DATE, TEST_CARDS, TEST_OTP, type Locale } from './cards';
import type { Payment } from './store';
import { displayVnTime } from './vn-time';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

/** vnp_Amount (đồng × 100) as the payer reads it, e.g. "165.000 ₫". */
export function formatAmount(vnpAmount: string | number): string {
  return vnd.format(Math.round(Number(vnpAmount) / 100));
}

const TEXT = {
  vn: {
    lang: 'vi',
    other: 'en' as Locale,
    otherName: 'English',
    gateway: 'Cổng thanh toán VNPAY (bản thử nghiệm)',
    title: 'Thanh toán đơn hàng',
    order: 'Thông tin đơn hàng',
    merchant: 'Đơn vị bán hàng',
    reference: 'Mã tham chiếu',
    orderInfo: 'Nội dung thanh toán',
    amount: 'Số tiền',
    expires: 'Hết hạn thanh toán lúc',
    expiresNote: '(giờ Việt Nam)',
    methods: 'Chọn phương thức thanh toán',
    card: 'Thẻ ATM nội địa / tài khoản ngân hàng',
    intcard: 'Thẻ thanh toán quốc tế',
    cardNumber: 'Số thẻ',
    cardNumberHint: 'Dãy số in trên mặt thẻ, không có dấu cách.',
    holder: 'Tên chủ thẻ',
    holderHint: 'Viết in hoa, không dấu, như trên thẻ.',
    issue: 'Ngày phát hành',
    issueHint: 'Tháng/năm, ví dụ 07/15.',
    pay: 'Thanh toán',
    transfer: 'Chuyển khoản ngân hàng',
    transferText: (ref: string) =>
      `Chuyển khoản tới tài khoản 0001 2345 6789 (Ngân hàng NCB, VNPAY thử nghiệm) với nội dung ${ref}.`,
    transferDone: 'Tôi đã chuyển khoản',
    qr: 'Quét mã VNPAY-QR',
    qrText: 'Mở ứng dụng ngân hàng, quét mã và xác nhận thanh toán (mã minh họa).',
    qrLabel: 'Mã QR thanh toán (minh họa)',
    qrDone: 'Tôi đã quét mã và thanh toán',
    otpTitle: 'Xác thực giao dịch',
    otp: 'Mã OTP',
    otpHint: (last4: string) => `Mã gồm 6 chữ số đã gửi tới số điện thoại đăng ký của thẻ đuôi ${last4}.`,
    confirm: 'Xác nhận',
    cancel: 'Hủy thanh toán',
    cancelTitle: 'Không thanh toán nữa?',
    expire: 'Để giao dịch hết hạn (thử nghiệm)',
    expireText: 'Thử nghiệm: kết thúc giao dịch như khi hết thời gian chờ, không cần đợi.',
    errors: 'Có lỗi cần sửa',
    errorPrefix: 'Lỗi: ',
    cardsTitle: 'Thẻ thử nghiệm',
    cardsIntro: `Chủ thẻ ${TEST_CARD_HOLDER}, ngày phát hành ${TEST_CARD_ISSUE_DATE}, mã OTP ${TEST_OTP}.`,
    cardsNumber: 'Số thẻ',
    cardsResult: 'Kết quả',
    required: (what: string) => `Nhập ${what.toLowerCase()}.`,
    cardUnknown: 'Số thẻ không đúng. Dùng một thẻ thử nghiệm trong bảng bên dưới.',
    cardDetailsLeft: (n: number) => `Thông tin thẻ không đúng. Còn ${n} lần thử.`,
    otpWrong: (n: number) => `Mã OTP không đúng. Còn ${n} lần thử.`,
    errorTitle: 'Thông báo',
    errorCode: 'Mã lỗi',
    errorAdvice: 'Vui lòng quay lại trang của đơn vị bán hàng và thử lại.',
  },
  en: {
    lang: 'en',
    other: 'vn' as Locale,
    otherName: 'Tiếng Việt',
    gateway: 'VNPAY payment gateway (test stand-in)',
    title: 'Pay for your order',
    order: 'Order',
    merchant: 'Merchant',
    reference: 'Reference',
    orderInfo: 'Description',
    amount: 'Amount',
    expires: 'Pay before',
    expiresNote: '(Viet Nam time)',
    methods: 'Choose how to pay',
    card: 'Domestic ATM card / bank account',
    intcard: 'International card',
    cardNumber: 'Card number',
    cardNumberHint: 'The number on the front of the card, without spaces.',
    holder: 'Card holder',
    holderHint: 'In capitals, without diacritics, as on the card.',
    issue: 'Issue date',
    issueHint: 'Month/year, for example 07/15.',
    pay: 'Pay',
    transfer: 'Bank transfer',
    transferText: (ref: string) =>
      `Transfer to account 0001 2345 6789 (NCB bank, VNPAY test) with the description ${ref}.`,
    transferDone: 'I have made the transfer',
    qr: 'Scan the VNPAY-QR code',
    qrText: 'Open your banking app, scan the code and confirm the payment (illustrative code).',
    qrLabel: 'Payment QR code (illustration)',
    qrDone: 'I have scanned and paid',
    otpTitle: 'Confirm the payment',
    otp: 'One-time password (OTP)',
    otpHint: (last4: string) => `The 6-digit code sent to the phone registered for the card ending ${last4}.`,
    confirm: 'Confirm',
    cancel: 'Cancel payment',
    cancelTitle: 'Not paying after all?',
    expire: 'Let the payment time out (test)',
    expireText: 'Test: end the payment as if its time ran out, without waiting.',
    errors: 'There is a problem',
    errorPrefix: 'Error: ',
    cardsTitle: 'Test cards',
    cardsIntro: `Holder ${TEST_CARD_HOLDER}, issue date ${TEST_CARD_ISSUE_DATE}, OTP ${TEST_OTP}.`,
    cardsNumber: 'Card number',
    cardsResult: 'Outcome',
    required: (what: string) => `Enter the ${what.toLowerCase()}.`,
    cardUnknown: 'Wrong card number. Use one of the test cards listed below.',
    cardDetailsLeft: (n: number) => `The card details are wrong. ${n} tries left.`,
    otpWrong: (n: number) => `Wrong OTP. ${n} tries left.`,
    errorTitle: 'Notice',
    errorCode: 'Error code',
    errorAdvice: "Please go back to the merchant's site and try again.",
  },
};

export type Texts = (typeof TEXT)['vn'];
export const textsOf = (locale: Locale): Texts => TEXT[locale] as Texts;

export const STYLESHEET = `
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; margin: 0; line-height: 1.5; color: #1b1b1b; background: #f3f6fa; }
header { background: #005baa; color: #fff; padding: 0.75rem 1rem; display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
header a { color: #fff; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
section, .summary { background: #fff; border: 1px solid #c7d1dc; border-radius: 6px; padding: 1rem; margin: 0 0 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.75rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.amount { font-size: 1.3rem; font-weight: 700; }
label { display: block; font-weight: 600; margin-top: 0.75rem; }
.hint { display: block; color: #4a4a4a; font-size: 0.95rem; }
.error { display: block; color: #b00020; font-weight: 600; }
input { display: block; font: inherit; padding: 0.4rem 0.5rem; border: 2px solid #4a4a4a; border-radius: 4px; width: 100%; max-width: 22rem; box-sizing: border-box; }
input[aria-invalid="true"] { border-color: #b00020; }
button { font: inherit; font-weight: 600; margin-top: 1rem; padding: 0.5rem 1.25rem; border-radius: 4px; border: 2px solid #005baa; background: #005baa; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #005baa; }
a:focus-visible, button:focus-visible, input:focus-visible, .summary:focus { outline: 3px solid #f5b400; outline-offset: 2px; }
.summary { border: 3px solid #b00020; }
.summary a { color: #b00020; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #c7d1dc; padding: 0.3rem 0.5rem; text-align: left; }
svg { width: 10rem; height: 10rem; display: block; margin: 0.5rem 0; }
`;

function page(locale: Locale, title: string, body: string, switchHref?: string): string {
  const t = textsOf(locale);
  const other = textsOf(t.other);
  const switchLink = switchHref
    ? `<a href="${escapeHtml(switchHref)}" lang="${other.lang}" hreflang="${other.lang}">${escapeHtml(t.otherName)}</a>`
    : '';
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(t.gateway)}</title>
<link rel="stylesheet" href="/paymentv2/static/checkout.css">
</head>
<body>
<header><span>${escapeHtml(t.gateway)}</span>${switchLink}</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface FieldError {
  field: 'card-number' | 'card-holder' | 'card-issue' | 'otp';
  message: string;
}

function errorSummary(t: Texts, errors: FieldError[]): string {
  if (!errors.length) return '';
  const items = errors.map((e) => `<li><a href="#${e.field}">${escapeHtml(e.message)}</a></li>`).join('\n');
  return `<div class="summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${escapeHtml(t.errors)}</h2>
<ul>
${items}
</ul>
</div>`;
}

interface Field {
  id: FieldError['field'];
  name: string;
  label: string;
  hint: string;
  autocomplete: string;
  inputmode?: string;
  value?: string;
}

function input(field: Field, errors: FieldError[]): string {
  const error = errors.find((e) => e.field === field.id);
  const describedBy = [`${field.id}-hint`, ...(error ? [`${field.id}-error`] : [])].join(' ');
  return `<label for="${field.id}">${escapeHtml(field.label)}</label>
<span class="hint" id="${field.id}-hint">${escapeHtml(field.hint)}</span>
${error ? `<span class="error" id="${field.id}-error">${escapeHtml(error.message)}</span>\n` : ''}<input id="${field.id}" name="${field.name}" type="text" autocomplete="${field.autocomplete}"${field.inputmode ? ` inputmode="${field.inputmode}"` : ''} spellcheck="false" value="${escapeHtml(field.value ?? '')}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>`;
}

/** A decorative, not scannable, QR-like pattern drawn from the payment id. */
function qrPicture(seed: string, label: string): string {
  const cells: string[] = [];
  for (let y = 0; y < 21; y++) {
    for (let x = 0; x < 21; x++) {
      const finder = (x < 7 && y < 7) || (x > 13 && y < 7) || (x < 7 && y > 13);
      const on = finder
        ? x % 6 === 0 ||
          y % 6 === 0 ||
          (x % 7 >= 2 && x % 7 <= 4 && y % 7 >= 2 && y % 7 <= 4) ||
          x === 20 ||
          x === 14 ||
          y === 14 ||
          y === 20
        : (seed.charCodeAt((x * 21 + y) % seed.length) * (x + 3) * (y + 7)) % 3 === 0;
      if (on) cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
    }
  }
  return `<svg viewBox="-1 -1 23 23" role="img" aria-label="${escapeHtml(label)}"><rect x="-1" y="-1" width="23" height="23" fill="#fff"/><g fill="#000">${cells.join('')}</g></svg>`;
}

export interface CheckoutView {
  payment: Payment;
  merchantName: string;
  locale: Locale;
  errors?: FieldError[];
  values?: { cardNumber?: string; holder?: string; issueDate?: string };
}

function orderSummary(t: Texts, view: CheckoutView): string {
  const p = view.payment;
  return `<section aria-labelledby="order-title">
<h2 id="order-title">${escapeHtml(t.order)}</h2>
<dl>
<dt>${escapeHtml(t.merchant)}</dt><dd>${escapeHtml(view.merchantName)}</dd>
<dt>${escapeHtml(t.reference)}</dt><dd>${escapeHtml(p.txnRef)}</dd>
<dt>${escapeHtml(t.orderInfo)}</dt><dd>${escapeHtml(p.orderInfo)}</dd>
<dt>${escapeHtml(t.amount)}</dt><dd class="amount">${escapeHtml(formatAmount(p.amount))}</dd>
<dt>${escapeHtml(t.expires)}</dt><dd><time datetime="${new Date(p.expireAt).toISOString()}">${displayVnTime(p.expireAt)}</time> ${escapeHtml(t.expiresNote)}</dd>
</dl>
</section>`;
}

const hiddenLang = (locale: Locale) => `<input type="hidden" name="lang" value="${locale}">`;

function endButtons(t: Texts, base: string, locale: Locale): string {
  return `<section aria-labelledby="cancel-title">
<h2 id="cancel-title">${escapeHtml(t.cancelTitle)}</h2>
<form method="post" action="${base}/cancel">${hiddenLang(locale)}<button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></form>
<p>${escapeHtml(t.expireText)}</p>
<form method="post" action="${base}/expire">${hiddenLang(locale)}<button type="submit" class="secondary">${escapeHtml(t.expire)}</button></form>
</section>`;
}

function testCards(t: Texts, locale: Locale): string {
  const rows = TEST_CARDS.map(
    (card) => `<tr><td>${card.number}</td><td>${card.bank}</td><td>${escapeHtml(card.label[locale])}</td></tr>`,
  ).join('\n');
  return `<section aria-labelledby="cards-title">
<h2 id="cards-title">${escapeHtml(t.cardsTitle)}</h2>
<p>${escapeHtml(t.cardsIntro)}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(t.cardsNumber)}</th><th scope="col">NH / Bank</th><th scope="col">${escapeHtml(t.cardsResult)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/**
 * The checkout page: the order, then the methods vnp_BankCode leaves (all when absent; VNPAYQR the QR code;
 * INTCARD, VNBANK or a bank's code the card form), or the OTP step.
 */
export function renderCheckout(view: CheckoutView): string {
  const { payment, locale } = view;
  const t = textsOf(locale);
  const errors = view.errors ?? [];
  const base = `/paymentv2/checkout/${payment.id}`;
  const switchHref = `${base}?lang=${t.other}`;
  const parts = [`<h1>${escapeHtml(t.title)}</h1>`, errorSummary(t, errors), orderSummary(t, view)];

  if (payment.otpCard !== undefined) {
    const last4 = (TEST_CARDS[payment.otpCard]?.number ?? '0000').slice(-4);
    parts.push(`<section aria-labelledby="otp-title">
<h2 id="otp-title">${escapeHtml(t.otpTitle)}</h2>
<form method="post" action="${base}/otp" novalidate>
${hiddenLang(locale)}
${input({ id: 'otp', name: 'otp', label: t.otp, hint: t.otpHint(last4), autocomplete: 'one-time-code', inputmode: 'numeric' }, errors)}
<button type="submit">${escapeHtml(t.confirm)}</button>
</form>
</section>`);
  } else {
    const code = payment.bankCode;
    const methods: string[] = [];
    if (code !== 'VNPAYQR') {
      const v = view.values ?? {};
      methods.push(`<section aria-labelledby="card-title">
<h2 id="card-title">${escapeHtml(code === 'INTCARD' ? t.intcard : t.card)}</h2>
<form method="post" action="${base}/card" novalidate>
${hiddenLang(locale)}
${input({ id: 'card-number', name: 'cardNumber', label: t.cardNumber, hint: t.cardNumberHint, autocomplete: 'cc-number', inputmode: 'numeric', value: v.cardNumber }, errors)}
${input({ id: 'card-holder', name: 'holder', label: t.holder, hint: t.holderHint, autocomplete: 'cc-name', value: v.holder }, errors)}
${input({ id: 'card-issue', name: 'issueDate', label: t.issue, hint: t.issueHint, autocomplete: 'off', inputmode: 'numeric', value: v.issueDate }, errors)}
<button type="submit">${escapeHtml(t.pay)}</button>
</form>
</section>`);
    }
    if (!code) {
      methods.push(`<section aria-labelledby="transfer-title">
<h2 id="transfer-title">${escapeHtml(t.transfer)}</h2>
<p>${escapeHtml(t.transferText(payment.txnRef))}</p>
<form method="post" action="${base}/transfer">${hiddenLang(locale)}<button type="submit">${escapeHtml(t.transferDone)}</button></form>
</section>`);
    }
    if (!code || code === 'VNPAYQR') {
      methods.push(`<section aria-labelledby="qr-title">
<h2 id="qr-title">${escapeHtml(t.qr)}</h2>
<p>${escapeHtml(t.qrText)}</p>
${qrPicture(payment.id, t.qrLabel)}
<form method="post" action="${base}/qr">${hiddenLang(locale)}<button type="submit">${escapeHtml(t.qrDone)}</button></form>
</section>`);
    }
    if (methods.length > 1) parts.push(`<h2>${escapeHtml(t.methods)}</h2>`);
    parts.push(...methods);
  }
  parts.push(endButtons(t, base, locale), testCards(t, locale));
  // A title that starts with the error is the first thing a screen reader says after the post.
  const title = errors.length ? `${t.errorPrefix}${t.title}` : t.title;
  return page(locale, title, parts.filter(Boolean).join('\n'), switchHref);
}

/** What each of the payment page's error codes means. */
export const PAYMENT_ERRORS: Record<string, Record<Locale, string>> = {
  '01': {
    vn: 'Giao dịch đã tồn tại (mã tham chiếu vnp_TxnRef đã được dùng).',
    en: 'The transaction already exists (vnp_TxnRef already used).',
  },
  '03': { vn: 'Dữ liệu gửi sang không đúng định dạng.', en: 'The request is not in the expected format.' },
  '15': { vn: 'Giao dịch đã quá thời gian chờ thanh toán.', en: 'The payment request has expired.' },
  '70': { vn: 'Sai chữ ký (vnp_SecureHash).', en: 'Invalid signature (vnp_SecureHash).' },
  '71': {
    vn: 'Website này chưa được phê duyệt (vnp_TmnCode không đúng).',
    en: 'This website is not approved (unknown vnp_TmnCode).',
  },
  '91': { vn: 'Không tìm thấy giao dịch.', en: 'No such transaction.' },
};

/** VNPAY's own error page, with the code and what was wrong (no link back: the request cannot be trusted). */
export function renderError(locale: Locale, code: string, detail?: string): string {
  const t = textsOf(locale);
  const message = PAYMENT_ERRORS[code]?.[locale] ?? RESPONSE_MESSAGES[code]?.[locale] ?? code;
  return page(
    locale,
    t.errorTitle,
    `<h1>${escapeHtml(t.errorTitle)}</h1>
<section aria-labelledby="error-title">
<h2 id="error-title">${escapeHtml(t.errorCode)}: <span data-error-code>${escapeHtml(code)}</span></h2>
<p>${escapeHtml(message)}</p>
${detail ? `<p>${escapeHtml(detail)}</p>` : ''}
<p>${escapeHtml(t.errorAdvice)}</p>
</section>`,
  );
}
