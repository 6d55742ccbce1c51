// PostgreSQL tests reported as skipped (never as passed) when no server answers: for jest test files
// only (the benches share postgres.ts, which loads no jest).
import { describe, it } from '@jest/globals';
import { postgresSkipReason } from './postgres.js';

/**
 * `it` when a server answers; otherwise `it.skip`, so jest reports the tests as skipped (not passed),
 * with one skipped test naming the reason. Call at the top level of a test file.
 */
export async function itWithPostgres(): Promise<typeof it.skip> {
  const reason = await postgresSkipReason();
  if (!reason) return it;
  describe.skip(`PostgreSQL (${reason})`, () => it('runs', () => undefined));
  return it.skip;
}
