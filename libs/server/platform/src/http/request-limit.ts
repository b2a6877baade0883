import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { TooManyAttempts } from '../errors/domain-error';

/** The request's id as the logger gave it (pino-http's `req.id`), for audit rows and dossier events. */
export function requestIdFrom(req: { id?: unknown }): string | undefined {
  return req.id === undefined ? undefined : String(req.id);
}

/**
 * At most `points` requests per key (a network address) in a window, counted in PostgreSQL's
 * `login_throttle` table so that every API replica shares the count: the public reads and checks
 * anyone may send (the status lookup, document verification, the index's open data).
 */
export class RequestLimit {
  private readonly limiter: RateLimiterPostgres;

  constructor(dataSource: DataSource, keyPrefix: string, points: number, windowSeconds = 15 * 60) {
    this.limiter = new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: 'login_throttle',
      tableCreated: true,
      keyPrefix,
      points,
      duration: windowSeconds,
    });
  }

  /** Counts one request of `key`; past the limit, TooManyAttempts (429) saying when to try again. */
  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) throw new TooManyAttempts(Math.ceil(outcome.msBeforeNext / 1000));
      throw outcome;
    }
  }
}
