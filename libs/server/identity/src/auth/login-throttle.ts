import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TooManyAttempts } from '@portal/server/platform';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/** Failed sign-ins allowed per account and per network address in the window before a pause. */
export const FAILURES_PER_ACCOUNT = 5;
export const FAILURES_PER_ADDRESS = 30;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins in PostgreSQL (shared by every API replica) and refuses
 * further attempts for a while once an account or an address has too many.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

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
