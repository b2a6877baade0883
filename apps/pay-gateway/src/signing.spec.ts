import { createHmac } from 'node:crypto';
import { buildPaymentUrlSearchParams } from 'vnpay';
import {
  answerHashData,
  canonicalQuery,
  checksumsEqual,
  hmacSha512,
  pipeJoined,
  requestHashData,
  signAnswer,
  signQuery,
  verifyQuery,
} from './signing';

const SECRET = 'TESTSECRET123456';

describe('the query checksum (payment request, return URL, IPN)', () => {
  it('sorts by name, drops empty values and the hash fields, form-encodes with a space as +', () => {
    expect(
      canonicalQuery({
        vnp_TxnRef: 'HS-01',
        vnp_Amount: 16500000,
        vnp_OrderInfo: 'Thanh toan le phi & phi/ho so',
        vnp_BankCode: '',
        vnp_CardType: undefined,
        vnp_SecureHash: 'abc',
        vnp_SecureHashType: 'HmacSHA512',
        vnp_ReturnUrl: 'https://dvc.example.vn/api/payments/vnpay/return?x=1',
      }),
    ).toBe(
      'vnp_Amount=16500000&vnp_OrderInfo=Thanh+toan+le+phi+%26+phi%2Fho+so' +
        '&vnp_ReturnUrl=https%3A%2F%2Fdvc.example.vn%2Fapi%2Fpayments%2Fvnpay%2Freturn%3Fx%3D1&vnp_TxnRef=HS-01',
    );
  });

  it('encodes exactly as the vnpay package does, so our checksums and its agree', () => {
    const params = { b: 'a b*c~d(e)!', a: "o'k", c: 'Tiền ₫', d: '' };
    expect(canonicalQuery(params)).toBe(buildPaymentUrlSearchParams(params).toString());
  });

  it('signs with lower-case hex HMAC-SHA512 and appends vnp_SecureHash', () => {
    const query = signQuery(SECRET, { vnp_TxnRef: 'A1', vnp_Amount: '1000000' });
    const expected = createHmac('sha512', SECRET).update('vnp_Amount=1000000&vnp_TxnRef=A1').digest('hex');
    expect(query).toBe(`vnp_Amount=1000000&vnp_TxnRef=A1&vnp_SecureHash=${expected}`);
    expect(expected).toMatch(/^[0-9a-f]{128}$/);
  });

  it('verifies a signed query, and refuses one with a changed value, another secret or no hash', () => {
    const params = Object.fromEntries(
      new URLSearchParams(signQuery(SECRET, { vnp_TxnRef: 'A1', vnp_Amount: '1000000' })),
    );
    expect(verifyQuery(SECRET, params)).toBe(true);
    expect(verifyQuery(SECRET, { ...params, vnp_SecureHash: params['vnp_SecureHash'].toUpperCase() })).toBe(true);
    expect(verifyQuery(SECRET, { ...params, vnp_Amount: '2000000' })).toBe(false);
    expect(verifyQuery('another-secret', params)).toBe(false);
    expect(verifyQuery(SECRET, { ...params, vnp_SecureHash: undefined })).toBe(false);
    expect(verifyQuery(SECRET, { ...params, vnp_SecureHash: 'zz' })).toBe(false);
  });

  it('compares checksums of different lengths without throwing', () => {
    expect(checksumsEqual('abcd', 'abc')).toBe(false);
    expect(checksumsEqual('abcd', 'ABCD')).toBe(true);
  });
});

describe('the transaction API checksums (pipe-joined)', () => {
  const querydr = {
    vnp_RequestId: 'R1',
    vnp_Version: '2.1.0',
    vnp_Command: 'querydr',
    vnp_TmnCode: 'DVCPORT1',
    vnp_TxnRef: 'HS-01',
    vnp_TransactionDate: 20261202100000,
    vnp_CreateDate: 20261202101500,
    vnp_IpAddr: '127.0.0.1',
    vnp_OrderInfo: 'Truy van',
    vnp_TransactionNo: 123,
  };

  it('joins the querydr request fields in their order, nothing else', () => {
    expect(requestHashData(querydr)).toBe(
      'R1|2.1.0|querydr|DVCPORT1|HS-01|20261202100000|20261202101500|127.0.0.1|Truy van',
    );
  });

  it('joins the refund request fields in their order, an absent one as empty', () => {
    expect(
      requestHashData({
        ...querydr,
        vnp_Command: 'refund',
        vnp_TransactionType: '03',
        vnp_Amount: 5000000,
        vnp_TransactionNo: undefined,
        vnp_CreateBy: 'admin',
      }),
    ).toBe('R1|2.1.0|refund|DVCPORT1|03|HS-01|5000000||20261202100000|admin|20261202101500|127.0.0.1|Truy van');
  });

  it('signs a querydr answer over its fifteen fields, the promotion ones empty when absent', () => {
    const answer = {
      vnp_ResponseId: 'X',
      vnp_Command: 'querydr',
      vnp_ResponseCode: '00',
      vnp_Message: 'Success',
      vnp_TmnCode: 'DVCPORT1',
      vnp_TxnRef: 'HS-01',
      vnp_Amount: '16500000',
      vnp_BankCode: 'NCB',
      vnp_PayDate: '20261202101600',
      vnp_TransactionNo: '14000001',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: '00',
      vnp_OrderInfo: 'Le phi',
    };
    expect(answerHashData(answer)).toBe(
      'X|querydr|00|Success|DVCPORT1|HS-01|16500000|NCB|20261202101600|14000001|01|00|Le phi||',
    );
    expect(signAnswer(SECRET, answer).vnp_SecureHash).toBe(hmacSha512(SECRET, answerHashData(answer)));
  });

  it('counts a refund answer’s amount in đồng, as the vnpay package verifies it', () => {
    const answer = { vnp_ResponseId: 'Y', vnp_Command: 'refund', vnp_ResponseCode: '00', vnp_Amount: '16500000' };
    expect(answerHashData(answer)).toBe('Y|refund|00||||165000||||||');
  });

  it('writes an absent value as an empty string', () => {
    expect(pipeJoined(['a', undefined, null, 0, 'b'])).toBe('a|||0|b');
  });
});
