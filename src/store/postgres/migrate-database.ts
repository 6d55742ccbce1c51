// Brings a PostgreSQL database's schema up to this eolwatch's version: each missing migration in its
// own transaction, recorded in eolwatch_schema. Concurrent starts (replicas) take turns on an advisory
// lock, so a migration runs once. A database newer than this eolwatch is refused, not touched.
import type { Pool, PoolClient } from 'pg';
import { StoreFileError } from '../durable-json-file.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** pg_advisory_lock key for migrations ("eolw" in ASCII). */
const MIGRATION_LOCK = 0x656f6c77;

/** Every table the migrations make, by name (read from them, so a new one is never missed). */
const TABLES = [
  'eolwatch_schema',
  ...new Set(
    MIGRATIONS.flatMap(({ sql }) => [...sql.matchAll(/CREATE TABLE (\w+)/gi)].map((match) => match[1] as string)),
  ),
];

/**
 * A database eolwatch used before its tables had a schema of their own has them in `public`: they move
 * (with their indexes, sequences and rows) into `schema`, once, before anything else runs.
 */
async function moveFromPublic(client: PoolClient, schema: string): Promise<string[]> {
  if (schema === 'public') return [];
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)
       AND EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'eolwatch_schema')
       AND NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = $2 AND table_name = 'eolwatch_schema')`,
    [TABLES, schema],
  );
  if (rows.length === 0) return [];
  await client.query('BEGIN');
  try {
    for (const { table_name: table } of rows) await client.query(`ALTER TABLE public.${table} SET SCHEMA ${schema}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return rows.map((row) => row.table_name);
}

export async function migrateDatabase(pool: Pool, schema: string): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // `schema` is checked to be a plain identifier before any pool is made (pg-database.ts).
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await moveFromPublic(client, schema);
    await client.query(
      'CREATE TABLE IF NOT EXISTS eolwatch_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM eolwatch_schema',
    );
    const from = rows[0]?.version ?? 0;
    if (from > SCHEMA_VERSION)
      throw new StoreFileError(
        `the database is at schema version ${from}, newer than this eolwatch (${SCHEMA_VERSION}); it was left as it is`,
      );
    for (const migration of MIGRATIONS.filter(({ version }) => version > from)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO eolwatch_schema (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: SCHEMA_VERSION };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
