import { VNPay } from 'vnpay';
import {
  paymentUrl,
  signaturesEqual,
  signedText,
  signParams,
  verifyParams,
  vnpayDate,
  withoutDiacritics,
} from './protocol';

const secret = 'a-merchant-secret-for-tests';

describe("the portal's side of VNPAY 2.1.0", () => {
  it('signs the sorted query, empty values left out, spaces as +, as VNPAY specifies', () => {
    expect(signedText({ vnp_b: 'x y', vnp_a: '1', vnp_c: '', vnp_SecureHash: 'z' })).toBe('vnp_a=1&vnp_b=x+y');
    expect(signedText({ vnp_OrderInfo: 'Thanh toan/HS:01' })).toBe('vnp_OrderInfo=Thanh+toan%2FHS%3A01');
  });

  it('builds the redirect the vnpay package builds from the same facts (the same signature)', () => {
    const createdAt = new Date('2026-12-01T03:04:05Z');
    const { url, createDate } = paymentUrl({
      gatewayUrl: 'http://127.0.0.1:4500',
      tmnCode: 'DVCPORT1',
      secret,
      reference: 'DVC26120100000001',
      amount: 49_000,
      orderInfo: 'Thanh toán lệ phí hồ sơ HS-01-261201-000001',
      locale: 'vn',
      returnUrl: 'http://localhost:3000/api/payments/vnpay/return',
      ipAddr: '203.0.113.7',
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 15 * 60_000),
    });
    expect(createDate).toBe('20261201100405');
    const ours = new URL(url);
    expect(ours.searchParams.get('vnp_Amount')).toBe('4900000');
    expect(ours.searchParams.get('vnp_OrderInfo')).toBe('Thanh toan le phi ho so HS-01-261201-000001');
    const theirs = new URL(
      new VNPay({ tmnCode: 'DVCPORT1', secureSecret: secret, vnpayHost: 'http://127.0.0.1:4500' }).buildPaymentUrl({
        vnp_Amount: 49_000,
        vnp_IpAddr: '203.0.113.7',
        vnp_TxnRef: 'DVC26120100000001',
        vnp_OrderInfo: 'Thanh toan le phi ho so HS-01-261201-000001',
        vnp_OrderType: 'billpayment' as never,
        vnp_ReturnUrl: 'http://localhost:3000/api/payments/vnpay/return',
        vnp_Locale: 'vn' as never,
        vnp_CreateDate: 20261201100405,
        vnp_ExpireDate: 20261201101905,
      }),
    );
    expect(ours.searchParams.get('vnp_SecureHash')).toBe(theirs.searchParams.get('vnp_SecureHash'));
  });

  it('takes a query as genuine only with its exact signature, compared in constant time', () => {
    const params = { vnp_TxnRef: 'DVC1', vnp_Amount: '4900000', vnp_ResponseCode: '00' };
    const signed = { ...params, vnp_SecureHash: signParams(params, secret) };
    expect(verifyParams(signed, secret)).toBe(true);
    expect(verifyParams({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.toUpperCase() }, secret)).toBe(true);
    expect(verifyParams({ ...signed, vnp_Amount: '100' }, secret)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: signed.vnp_SecureHash.slice(2) }, secret)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: 'zz' + signed.vnp_SecureHash.slice(2) }, secret)).toBe(false);
    expect(verifyParams(params, secret)).toBe(false);
    expect(verifyParams(signed, 'another-secret')).toBe(false);
    expect(signaturesEqual(undefined, 'ab')).toBe(false);
  });

  it('writes dates in Viet Nam time and order info without diacritics', () => {
    expect(vnpayDate(new Date('2026-12-01T17:30:00Z'))).toBe('20261202003000');
    expect(withoutDiacritics('Đăng ký khai sinh – lệ phí: 8.000 ₫')).toBe('Dang ky khai sinh le phi: 8.000');
  });
});
