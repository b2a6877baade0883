/**
 * The VNPAY stand-in as its own process (`npm start` runs the built one): a payment gateway speaking VNPAY
 * 2.1.0 for the merchants in PAY_GATEWAY_MERCHANTS, its state under PAY_GATEWAY_DATA_DIR (settings.ts).
 * The log names payments by merchant code and reference only: never a card number, a name or an address.
 */
import { startPayGateway, type PayGateway } from './gateway';
import { readSettings } from './settings';

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

async function main(): Promise<void> {
  let gateway: PayGateway;
  try {
    const settings = readSettings(process.env);
    gateway = await startPayGateway({
      host: settings.host,
      port: settings.port,
      dataDir: settings.dataDir,
      merchants: settings.merchants,
      ipnAttempts: settings.ipnAttempts,
      ipnIntervalMs: settings.ipnIntervalMs,
      ipnTimeoutMs: settings.ipnTimeoutMs,
      ipnLateMs: settings.ipnLateMs,
      refundSettleMs: settings.refundSettleMs,
      controlToken: settings.controlToken,
      log,
    });
    log(`merchants: ${settings.merchants.map((m) => m.tmnCode).join(', ') || 'none (set PAY_GATEWAY_MERCHANTS)'}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = code === 'EADDRINUSE' ? `${message} (the port is in use; set PAY_GATEWAY_PORT)` : message;
    process.stderr.write(
      message.startsWith('Configuration error') ? `${message}\n` : `Pay gateway could not start: ${reason}\n`,
    );
    process.exit(1);
  }
  log(`pay gateway listening: ${gateway.url} (data in ${gateway.dataDir})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received; stopping`);
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
