// At most `limit` requests per `windowMs` for each key (an API token): a sliding log of the last
// `limit` request times, so a burst cannot straddle a window edge to get twice the rate.

export class RateLimiter {
  private readonly log = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the request may go ahead (and counts it); otherwise the seconds until one may. */
  take(key: string): number {
    const now = this.now();
    const times = (this.log.get(key) ?? []).filter((time) => time > now - this.windowMs);
    if (times.length >= this.limit) {
      this.log.set(key, times);
      return Math.max(1, Math.ceil(((times[0] as number) + this.windowMs - now) / 1000));
    }
    times.push(now);
    this.log.set(key, times);
    // Keys of tokens gone quiet are dropped now and then, so the map stays as small as the busy set.
    if (this.log.size > 10_000)
      for (const [other, log] of this.log) if ((log.at(-1) ?? 0) <= now - this.windowMs) this.log.delete(other);
    return 0;
  }
}
