// A PostgreSQL database of its own for a test file, on the server this project's machines run
// (127.0.0.1:5432, trust authentication), dropped afterwards. Without a server the PostgreSQL tests are
// skipped with a line saying why, except in CI (CI set), where that is a failure.
import pg from 'pg';

export const POSTGRES_SERVER_URL =
  process.env.EOLWATCH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let reachable: Promise<string | null> | undefined;

/** Null when the server answers; otherwise why not. */
function serverProblem(): Promise<string | null> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      return `${POSTGRES_SERVER_URL.replace(/\/\/[^@]*@/, '//')} did not answer (${(error as Error).message})`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

/** Null when PostgreSQL tests can run; otherwise why they are skipped. In CI (CI set) no server is a failure. */
export async function postgresSkipReason(): Promise<string | null> {
  const problem = await serverProblem();
  if (!problem) return null;
  if (process.env.CI) throw new Error(`the PostgreSQL tests must run in CI, but ${problem}`);
  return `no PostgreSQL server: ${problem}; start PostgreSQL (or set EOLWATCH_TEST_DATABASE_URL) to run it`;
}

/** A fresh database, or null when no server answers outside CI (see itWithPostgres). */
export async function createTestDatabase(): Promise<TestDatabase | null> {
  if (await postgresSkipReason()) return null;
  const name = `eolwatch_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
