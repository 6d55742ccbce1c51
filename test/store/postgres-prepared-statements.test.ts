// The PostgreSQL store prepares its statements once a connection rather than having each parsed and
// planned again (src/store/postgres/prepared-statements.ts): a count set twice on one connection
// finds its statements prepared, and the answers are the same.
import { expect } from '@jest/globals';
import pg from 'pg';
import { prepareStatements } from '../../src/store/postgres/prepared-statements.js';
import { PgDatabase } from '../../src/store/postgres/pg-database.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { postgresForFile } from '../helpers/postgres-suite.js';

const { pgIt, url } = await postgresForFile();

const team = { workspace: 'T1', channel: 'CMET' };
const by = { user: 'U1', at: '2017-06-01T09:00:00.000Z' };

pgIt('sets counts twice on one connection, the second time through the statements the first prepared', async () => {
  const store = await PostgresStore.open(url(), { max: 1 });
  try {
    await store.setCounts(team, [{ release: 'windows/5-sp3', count: 18293 }], by);
    await store.setCounts(team, [{ release: 'windows/5-sp3', count: 14450 }], by);
    expect((await store.team(team)).counts).toEqual({ 'windows/5-sp3': 14450 });
    expect(await store.history(team)).toHaveLength(2);
  } finally {
    await store.close();
  }
});

pgIt('names each parameterised statement once, and leaves statements without parameters unnamed', async () => {
  const pool = new pg.Pool({ connectionString: url(), max: 1 });
  prepareStatements(pool);
  try {
    for (const value of [1, 2, 3]) {
      const { rows } = await pool.query<{ doubled: number }>('SELECT $1::int * 2 AS doubled', [value]);
      expect(rows[0]?.doubled).toBe(value * 2);
    }
    await pool.query('SELECT 1');
    const { rows } = await pool.query<{ statement: string }>(
      "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'eolwatch\\_%'",
      [],
    );
    const statements = rows.map((row) => row.statement);
    expect(statements).toContain('SELECT $1::int * 2 AS doubled');
    expect(statements).not.toContain('SELECT 1');
    expect(statements.filter((statement) => statement === 'SELECT $1::int * 2 AS doubled')).toHaveLength(1);
  } finally {
    await pool.end();
  }
});

/** `work` on a database of one connection, closed after. */
async function onOneConnection(work: (db: PgDatabase) => Promise<void>): Promise<void> {
  const db = await PgDatabase.open(url(), { max: 1 });
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

pgIt('runs a transaction opening by EXECUTE, each statement prepared once a connection', async () => {
  const doubled = { name: 'eolwatch_test_doubled', types: 'int', sql: 'SELECT $1::int * 2 AS doubled' };
  await onOneConnection(async (db) => {
    for (const value of ['21', "4'2"]) {
      const run = db.transaction(async (_client, [result]) => result?.rows[0], [{ statement: doubled, args: [value] }]);
      // A quote in a value stays inside its literal: the statement refuses it as no integer.
      if (value.includes("'")) await expect(run).rejects.toThrow(/invalid input syntax for type integer/);
      else await expect(run).resolves.toEqual({ doubled: 42 });
    }
    // The refusal came after the statement was prepared: it runs again on the same connection, with no
    // second PREPARE (which PostgreSQL would refuse as existing).
    await expect(
      db.transaction(async (_client, [result]) => result?.rows[0], [{ statement: doubled, args: ['5'] }]),
    ).resolves.toEqual({ doubled: 10 });
    const prepared = await db.transaction(async (client) => {
      const { rows } = await client.query(
        "SELECT name FROM pg_prepared_statements WHERE name = 'eolwatch_test_doubled'",
      );
      return rows;
    });
    expect(prepared).toHaveLength(1);
  });
});

pgIt('does not reuse a connection whose batch failed after preparing: the next batch prepares afresh', async () => {
  const divided = { name: 'eolwatch_test_divided', types: 'int', sql: 'SELECT 12 / $1::int AS divided' };
  await onOneConnection(async (db) => {
    // The PREPARE runs, its EXECUTE fails: the statement exists on that connection, unrecorded.
    await expect(db.transaction(async () => null, [{ statement: divided, args: ['0'] }])).rejects.toThrow(
      /division by zero/,
    );
    await expect(
      db.transaction(async (_client, [result]) => result?.rows[0], [{ statement: divided, args: ['4'] }]),
    ).resolves.toEqual({ divided: 3 });
  });
});
