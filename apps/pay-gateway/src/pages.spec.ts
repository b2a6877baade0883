import { TEST_CARDS } from './cards';
import { escapeHtml, formatAmount, renderCheckout, renderError } from './pages';
import type { Payment } from './store';

const payment: Payment = {
  id: 'abc123',
  tmnCode: 'DVCPORT1',
  txnRef: 'HS-01-261202-000001',
  amount: '16500000',
  orderInfo: 'Le phi <b>ho so</b>',
  orderType: 'billpayment',
  locale: 'vn',
  returnUrl: 'http://localhost:3000/return',
  ipAddr: '127.0.0.1',
  createDate: '20261202100000',
  expireAt: Date.UTC(2026, 11, 2, 3, 15, 0),
  createdAt: Date.UTC(2026, 11, 2, 3, 0, 0),
  requestHash: 'x',
  detailFailures: 0,
  otpFailures: 0,
  refunds: [],
};

describe('checkout pages', () => {
  it('formats vnp_Amount (đồng × 100) in đồng', () => {
    expect(formatAmount('16500000')).toBe('165.000\u00a0₫');
    expect(formatAmount(500000000)).toBe('5.000.000\u00a0₫');
  });

  it('shows the order, every method, the cards and the switch to English, escaping what the merchant sent', () => {
    const html = renderCheckout({ payment, merchantName: 'Cổng Dịch vụ công', locale: 'vn' });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<dd class="amount">165.000\u00a0₫</dd>');
    expect(html).toContain('Le phi &lt;b&gt;ho so&lt;/b&gt;');
    expect(html).toContain('02/12/2026 10:15:00');
    expect(html).toContain('<label for="card-number">Số thẻ</label>');
    expect(html).toContain('action="/paymentv2/checkout/abc123/transfer"');
    expect(html).toContain('action="/paymentv2/checkout/abc123/qr"');
    expect(html).toContain('action="/paymentv2/checkout/abc123/cancel"');
    expect(html).toContain('action="/paymentv2/checkout/abc123/expire"');
    expect(html).toContain('href="/paymentv2/checkout/abc123?lang=en" lang="en" hreflang="en">English</a>');
    for (const card of TEST_CARDS) expect(html).toContain(`<td>${card.number}</td>`);
    expect(html).not.toMatch(/<script/i);
  });

  it('leaves only the method vnp_BankCode picks', () => {
    const qr = renderCheckout({ payment: { ...payment, bankCode: 'VNPAYQR' }, merchantName: 'm', locale: 'en' });
    expect(qr).toContain('<html lang="en">');
    expect(qr).not.toContain('/card"');
    expect(qr).toContain('/qr"');
    const card = renderCheckout({ payment: { ...payment, bankCode: 'VNBANK' }, merchantName: 'm', locale: 'en' });
    expect(card).toContain('/card"');
    expect(card).not.toContain('/qr"');
    expect(card).not.toContain('/transfer"');
  });

  it('links each error in the summary to its field, which says it is invalid', () => {
    const html = renderCheckout({
      payment,
      merchantName: 'm',
      locale: 'vn',
      errors: [{ field: 'card-number', message: 'Nhập số thẻ.' }],
    });
    expect(html).toContain('<li><a href="#card-number">Nhập số thẻ.</a></li>');
    expect(html).toContain('aria-describedby="card-number-hint card-number-error" aria-invalid="true"');
    expect(html).toContain('<span class="error" id="card-number-error">Nhập số thẻ.</span>');
  });

  it('asks for the OTP once a card is given', () => {
    const html = renderCheckout({ payment: { ...payment, otpCard: 0 }, merchantName: 'm', locale: 'vn' });
    expect(html).toContain('<label for="otp">Mã OTP</label>');
    expect(html).toContain('đuôi 2198');
    expect(html).not.toContain('id="card-number"');
  });

  it('shows an error page with the code', () => {
    const html = renderError('en', '70');
    expect(html).toContain('Error code: <span data-error-code>70</span>');
    expect(html).toContain('Invalid signature');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });
});
