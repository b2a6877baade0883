import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TooManyAttempts } from '@portal/server/platform';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Failed sign-ins allowed per account and per network address in the window before a pause. */
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_ADDRESS = 30;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
/** Registrations refused because the e-mail or phone is taken, per address: enough for a citizen's typos, not for a list. */
export const TAKEN_REGISTRATIONS_PER_ADDRESS = 10;

/**
 * The key an account's failures are counted under: the account itself when the login names one
 * (its e-mail and its phone share one count), otherwise a digest of the login (any length fits).
 */
export function accountThrottleKey(accountId: string | undefined, normalisedLogin: string): string {
  return accountId ? `user:${accountId}` : `login:${createHash('sha256').update(normalisedLogin).digest('hex')}`;
}

/**
 * Counts failed sign-ins in PostgreSQL (shared by every API replica) and refuses
 * further attempts for a while once an account or an address has too many.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;
  private readonly takenRegistrations: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const common = { storeClient: dataSource, storeType: 'typeorm', tableName: 'login_throttle', tableCreated: true };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'account',
      points: FAILURES_PER_ACCOUNT,
      duration: THROTTLE_WINDOW_SECONDS,
      blockDuration: THROTTLE_WINDOW_SECONDS,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'address',
      points: FAILURES_PER_ADDRESS,
      duration: THROTTLE_WINDOW_SECONDS,
      blockDuration: THROTTLE_WINDOW_SECONDS,
    });
    this.takenRegistrations = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'register',
      points: TAKEN_REGISTRATIONS_PER_ADDRESS,
      duration: THROTTLE_WINDOW_SECONDS,
      blockDuration: THROTTLE_WINDOW_SECONDS,
    });
  }

  /** Throws TooManyAttempts once an address has been told too often that an account exists. */
  async checkRegistration(address: string): Promise<void> {
    const spent = await this.takenRegistrations.get(address);
    if (spent && spent.consumedPoints >= TAKEN_REGISTRATIONS_PER_ADDRESS) {
      throw new TooManyAttempts(Math.ceil(spent.msBeforeNext / 1000));
    }
  }

  async recordTakenRegistration(address: string): Promise<void> {
    await this.takenRegistrations.consume(address).catch((spent: unknown) => this.rethrowUnlessSpent(spent));
  }

  /** Throws TooManyAttempts when either counter is spent. */
  async check(account: string, address: string): Promise<void> {
    const [byAccount, byAddress] = await Promise.all([this.perAccount.get(account), this.perAddress.get(address)]);
    const waits = [
      byAccount && byAccount.consumedPoints >= FAILURES_PER_ACCOUNT ? byAccount.msBeforeNext : 0,
      byAddress && byAddress.consumedPoints >= FAILURES_PER_ADDRESS ? byAddress.msBeforeNext : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) throw new TooManyAttempts(Math.ceil(wait / 1000));
  }

  async recordFailure(account: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.consume(account).catch((spent: unknown) => this.rethrowUnlessSpent(spent)),
      this.perAddress.consume(address).catch((spent: unknown) => this.rethrowUnlessSpent(spent)),
    ]);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.perAccount.delete(account);
  }

  private rethrowUnlessSpent(outcome: unknown): void {
    if (!(outcome instanceof RateLimiterRes)) throw outcome;
  }
}
