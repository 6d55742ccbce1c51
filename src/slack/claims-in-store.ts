// Keys claimed once within a window by any process on the store: its request limits, which every
// replica shares (PostgreSQL) and a restart keeps (the JSON store's log). A signed request's signature,
// an event's first delivery, an import button's press. The limiter is made on first use.
import type { CommandDeps } from '../commands/command-types.js';
import type { RequestLimiter } from '../requests/request-limits.js';

export interface Claims {
  /** True for the first claim of `key` in its window, false while it is held. */
  claim: (key: string) => Promise<boolean>;
  /** Gives the claim back (the work it guarded did not happen): the next claim of `key` succeeds. */
  giveBack: (key: string) => Promise<void>;
}

export function claimsInStore(commands: CommandDeps, name: string, seconds: number): Claims {
  let limiter: Promise<RequestLimiter> | undefined;
  const limiterNow = () => (limiter ??= commands.store().then((store) => store.requestLimiter(name, 1, seconds)));
  return {
    claim: async (key) => (await (await limiterNow()).take(key)) === 0,
    giveBack: async (key) => (await limiterNow()).release(key),
  };
}
