// eolwatch's tables in a PostgreSQL schema of their own (EOLWATCH_DATABASE_SCHEMA, default `eolwatch`),
// not among whatever else lives in `public`; a database from before, with the tables in `public`, has
// them moved on the next start with every row kept.
import { afterAll, beforeAll, expect } from '@jest/globals';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { itWithPostgres } from '../helpers/postgres-suite.js';

const pgIt = await itWithPostgres();
let database: TestDatabase | null = null;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function tablesIn(schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: (database as TestDatabase).url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

const team = { workspace: 'T1', channel: 'CMET' };
const by = { user: 'U1', at: '2017-06-01T09:00:00.000Z' };

pgIt('moves the tables of a database used before into the eolwatch schema, rows and all', async () => {
  // An older eolwatch kept its tables in public.
  const old = await PostgresStore.open((database as TestDatabase).url, { schema: 'public' });
  await old.setCounts(team, [{ release: 'windows/5-sp3', count: 18293 }], by);
  await old.appendAudit({
    workspace: 'T1',
    at: by.at,
    user: 'U1',
    via: 'slack',
    channel: 'CMET',
    action: 'counts.set',
    change: 'x',
    releases: [],
  });
  await old.close();
  expect(await tablesIn('public')).toContain('counts');

  const moved = await PostgresStore.open((database as TestDatabase).url);
  try {
    expect((await moved.team(team)).counts).toEqual({ 'windows/5-sp3': 18293 });
    expect(await moved.history(team)).toHaveLength(1);
    // The audit's id sequence moved with its table: the next entry gets the next id.
    await moved.appendAudit({
      workspace: 'T1',
      at: by.at,
      user: 'U2',
      via: 'slack',
      channel: 'CMET',
      action: 'counts.set',
      change: 'y',
      releases: [],
    });
    expect((await moved.auditEntries('T1')).map((entry) => entry.user)).toEqual(['U1', 'U2']);
  } finally {
    await moved.close();
  }
  expect(await tablesIn('public')).toEqual([]);
  expect(await tablesIn('eolwatch')).toEqual(expect.arrayContaining(['counts', 'eolwatch_schema', 'history', 'teams']));
});

pgIt('keeps its tables in the schema EOLWATCH_DATABASE_SCHEMA names, apart from the default one', async () => {
  const config = loadConfig({ EOLWATCH_DATABASE_SCHEMA: 'ops_eolwatch' });
  expect(config.databaseSchema).toBe('ops_eolwatch');
  const store = await PostgresStore.open((database as TestDatabase).url, { schema: config.databaseSchema });
  try {
    expect((await store.team(team)).counts).toEqual({});
    await store.setCounts(team, [{ release: 'windows/8.1', count: 3 }], by);
  } finally {
    await store.close();
  }
  expect(await tablesIn('ops_eolwatch')).toContain('counts');
});

pgIt('refuses a schema name that is not a plain identifier, before connecting', async () => {
  expect(() => loadConfig({ EOLWATCH_DATABASE_SCHEMA: 'eol; DROP TABLE x' })).toThrow(
    /EOLWATCH_DATABASE_SCHEMA must be/,
  );
  await expect(PostgresStore.open((database as TestDatabase).url, { schema: 'Bad-Name' })).rejects.toThrow(
    /schema name "Bad-Name" is not valid/,
  );
});

pgIt('commits request limits without waiting for the WAL flush, and everything else with it', async () => {
  const { PgDatabase } = await import('../../src/store/postgres/pg-database.js');
  const db = await PgDatabase.open((database as TestDatabase).url, { schema: 'limits_check' });
  try {
    const setting = async (pool: pg.Pool) =>
      (await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit;
    expect(await setting(db.limitsPool)).toBe('off');
    expect(await setting(db.pool)).toBe('on');
    // Both find eolwatch's tables in the store's schema.
    expect((await db.limitsPool.query('SELECT count(*) FROM request_limits')).rowCount).toBe(1);
  } finally {
    await db.close();
  }
});
