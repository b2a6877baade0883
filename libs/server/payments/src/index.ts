export * from './payments.module';
export * from './payments.service';
export * from './payment.errors';
export { paymentUrl, signParams, verifyParams, vnpayDate } from './vnpay/protocol';
export * from './payments-worker';
