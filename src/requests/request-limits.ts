// Limits that must hold for every process on one store, and across a restart: a signed Slack request
// is accepted once (a replay sent to another replica or after a deploy is refused), a Slack retry is
// answered only when no process took the first delivery, and an API token gets its requests a minute
// however many replicas serve it. A store role: PostgreSQL shares them among replicas, the JSON store
// (one bot at a time) keeps them in a log beside its file. A button that must act once (an import's
// Add) claims its press here, so a double click that lands on two replicas still acts once.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RequestLimiter {
  /**
   * Counts one request on `key`. Resolves 0 when it is within the allowance, otherwise the milliseconds
   * until the key's window ends.
   */
  take(key: string): Promise<number>;
  /** Ends the key's window now: a claim given back when the work it guarded did not happen. */
  release(key: string): Promise<void>;
}

export interface RequestLimits {
  /** `points` requests per `seconds` for each key, in fixed windows that start at a key's first request. */
  requestLimiter(name: string, points: number, seconds: number): RequestLimiter;
}

/** A rate-limiter-flexible limiter as a RequestLimiter: its refusal is a wait, its other errors the store's. */
export function requestLimiterOf(limiter: RateLimiterAbstract): RequestLimiter {
  return {
    take: async (key) => {
      try {
        await limiter.consume(key);
        return 0;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
        throw refusal;
      }
    },
    release: async (key) => {
      await limiter.delete(key);
    },
  };
}
