// Request limits in PostgreSQL, shared by every replica, on the table migration 7 makes in
// rate-limiter-flexible's shape (key, points, expire in epoch milliseconds). A rate (the API's requests
// a minute) is rate-limiter-flexible's PostgreSQL store, one `INSERT … ON CONFLICT … RETURNING` a
// request; it clears expired rows itself every five minutes, off the request path. A key seen once (a
// signed request, an event's first delivery) is every Slack request's: those are group-committed, the
// keys that arrive while one statement is under way going together in the next, so a burst costs a few
// commits instead of one each (bench/eol-http-load.ts). Their commits do not wait for the WAL flush
// (PgDatabase.limitsPool says why).
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { requestLimiterOf, type RequestLimiter, type RequestLimits } from '../../requests/request-limits.js';
import type { PgDatabase } from './pg-database.js';

const REQUEST_LIMITS_TABLE = 'request_limits';
/** Keys in one statement at most. */
const MAX_BATCH = 500;

interface Pending {
  key: string;
  resolve: (waitMs: number) => void;
  reject: (error: unknown) => void;
}

/** One point per window: each key's first take in a window resolves 0, later ones the wait. */
function onceLimiter(db: PgDatabase, prefix: string, seconds: number): RequestLimiter {
  const pending: Pending[] = [];
  let flushing = false;

  async function takeBatch(batch: Pending[]): Promise<void> {
    const now = Date.now();
    const keys = [...new Set(batch.map((entry) => `${prefix}:${entry.key}`))];
    // A window that has ended starts again at 1, as rate-limiter-flexible's own upsert does.
    const { rows } = await db.limitsPool.query<{ key: string; points: number; expire: string }>(
      `INSERT INTO ${REQUEST_LIMITS_TABLE} (key, points, expire)
         SELECT key, 1, $2::bigint FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN ${REQUEST_LIMITS_TABLE}.expire <= $3 THEN 1 ELSE ${REQUEST_LIMITS_TABLE}.points + 1 END,
         expire = CASE WHEN ${REQUEST_LIMITS_TABLE}.expire <= $3 THEN EXCLUDED.expire ELSE ${REQUEST_LIMITS_TABLE}.expire END
       RETURNING key, points, expire`,
      [keys, now + seconds * 1000, now],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const answered = new Set<string>();
    for (const entry of batch) {
      const key = `${prefix}:${entry.key}`;
      const row = byKey.get(key);
      const first = row?.points === 1 && !answered.has(key);
      answered.add(key);
      entry.resolve(first ? 0 : Math.max(1, Number(row?.expire ?? now) - Date.now()));
    }
  }

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, MAX_BATCH);
        await takeBatch(batch).catch((error: unknown) => {
          for (const entry of batch) entry.reject(error);
        });
      }
    } finally {
      flushing = false;
    }
  }

  return {
    take: (key) =>
      new Promise((resolve, reject) => {
        pending.push({ key, resolve, reject });
        if (!flushing) void flush();
      }),
    release: async (key) => {
      await db.limitsPool.query(`DELETE FROM ${REQUEST_LIMITS_TABLE} WHERE key = $1`, [`${prefix}:${key}`]);
    },
  };
}

export class PgRequestLimits implements RequestLimits {
  constructor(private readonly db: PgDatabase) {}

  requestLimiter(name: string, points: number, seconds: number): RequestLimiter {
    if (points === 1) return onceLimiter(this.db, name, seconds);
    const limiter = new RateLimiterPostgres({
      storeClient: this.db.limitsPool,
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
