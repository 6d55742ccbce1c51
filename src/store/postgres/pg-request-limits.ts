// Request limits in PostgreSQL, shared by every replica: rate-limiter-flexible's PostgreSQL store (one
// `INSERT … ON CONFLICT … RETURNING` a request) on the table migration 7 makes in its shape. It clears
// expired rows itself every five minutes, off the request path.
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { requestLimiterOf, type RequestLimiter, type RequestLimits } from '../../requests/request-limits.js';
import type { PgDatabase } from './pg-database.js';

const REQUEST_LIMITS_TABLE = 'request_limits';

export class PgRequestLimits implements RequestLimits {
  constructor(private readonly db: PgDatabase) {}

  requestLimiter(name: string, points: number, seconds: number): RequestLimiter {
    const limiter = new RateLimiterPostgres({
      storeClient: this.db.pool,
      storeType: 'pool',
      tableName: REQUEST_LIMITS_TABLE,
      tableCreated: true,
      keyPrefix: name,
      points,
      duration: seconds,
    });
    return requestLimiterOf(limiter);
  }
}
