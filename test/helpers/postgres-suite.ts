// PostgreSQL tests reported as skipped (never as passed) when no server answers: for jest test files
// only (the benches share postgres.ts, which loads no jest).
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from './postgres.js';

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

/**
 * A database of the test file's own, made before its tests and dropped after them, with the `it` for
 * tests that need it. `url()` is for use inside those tests.
 */
export async function postgresForFile(): Promise<{ pgIt: typeof it.skip; url: () => string }> {
  const pgIt = await itWithPostgres();
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.drop());
  return { pgIt, url: () => (database as TestDatabase).url };
}
