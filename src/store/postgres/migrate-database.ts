// Brings a PostgreSQL database's schema up to this eolwatch's version: each missing migration in its
// own transaction, recorded in eolwatch_schema. Concurrent starts (replicas) take turns on an advisory
// lock, so a migration runs once. A database newer than this eolwatch is refused, not touched.
import type { Pool } from 'pg';
import { StoreFileError } from '../durable-json-file.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** pg_advisory_lock key for migrations ("eolw" in ASCII). */
const MIGRATION_LOCK = 0x656f6c77;

export async function migrateDatabase(pool: Pool): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
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
