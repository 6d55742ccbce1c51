// The PostgreSQL store's engine: the connection pool, the schema brought up to date on open, one
// transaction at a time per change, and the daily job's once-a-day lock among replicas. The role
// modules beside this file read and write through it.
import pg from 'pg';
import {
  batchOn,
  closingStatement,
  prepareStatements,
  type BatchStatement,
  type Closing,
} from './prepared-statements.js';
import type { TeamRef } from '../../inventory/inventory-store.js';
import type { JobOutcome } from '../../jobs/job-coordinator.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import { migrateDatabase } from './migrate-database.js';
import { ChangeNotices } from './pg-change-notices.js';

export type Client = pg.PoolClient;

export function checkIds(ref: TeamRef): void {
  if (!isIdentifier(ref.workspace) || !isIdentifier(ref.channel))
    throw new Error(`a malformed id reached the store: ${JSON.stringify(ref).slice(0, 200)}`);
}

/** Where eolwatch's tables live unless EOLWATCH_DATABASE_SCHEMA says: not `public`, among others' tables. */
const DEFAULT_SCHEMA = 'eolwatch';

/** A schema name eolwatch accepts: a plain lower-case identifier, so it needs no quoting anywhere. */
const isSchemaName = (name: string): boolean => /^[a-z_][a-z0-9_]{0,62}$/.test(name);

export interface PgOptions {
  max?: number;
  /** The PostgreSQL schema of eolwatch's tables (every connection's search_path). */
  schema?: string;
  /**
   * How long a team's contracts read for a lookup are kept (a second): the backstop should a change's
   * notice not arrive on a connection that died unnoticed.
   */
  contractsRecheckMs?: number;
}

/** A pool whose every connection finds eolwatch's tables, unqualified, in `schema`. */
function poolOf(connectionString: string, max: number, schema: string, settings = ''): pg.Pool {
  if (!isSchemaName(schema))
    throw new Error(`the database schema name ${JSON.stringify(schema).slice(0, 80)} is not valid`);
  const options = `-c search_path=${schema}${settings}`;
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000, options });
  prepareStatements(pool);
  return pool;
}

const CONTRACTS_RECHECK_MS = 1000;

/** Connections for the request limits: a few, as their statements are batched. */
const LIMITS_POOL_MAX = 3;

export class PgDatabase {
  /**
   * `limitsPool`: the request limits' own connections, whose commits do not wait for the WAL to reach
   * the disk (synchronous_commit off). Every request takes a replay check, and waiting for a flush
   * for each was one of the two a request cost. As the JSON store's unsynced limits log, a crash may
   * lose the last few milliseconds of them (the one case where a replay could pass); the database
   * stays consistent, and everything people are told is saved still waits for its flush.
   */
  private constructor(
    readonly pool: pg.Pool,
    readonly limitsPool: pg.Pool,
    /** Changes other replicas made to what this process keeps (contracts). */
    readonly notices: ChangeNotices,
    readonly contractsRecheckMs: number,
  ) {}

  /** Connects and brings the schema up to date. */
  static async open(connectionString: string, options: PgOptions = {}): Promise<PgDatabase> {
    const schema = options.schema ?? DEFAULT_SCHEMA;
    const pool = poolOf(connectionString, options.max ?? 10, schema);
    pool.on('error', () => undefined); // an idle client's broken connection: the pool replaces it
    try {
      await migrateDatabase(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const limitsPool = poolOf(connectionString, LIMITS_POOL_MAX, schema, ' -c synchronous_commit=off');
    limitsPool.on('error', () => undefined);
    const notices = await ChangeNotices.start(connectionString, schema);
    return new PgDatabase(pool, limitsPool, notices, options.contractsRecheckMs ?? CONTRACTS_RECHECK_MS);
  }

  /** `db migrate`: brings the schema up to date and says from which version to which. */
  static async migrate(connectionString: string, schema = DEFAULT_SCHEMA): Promise<{ from: number; to: number }> {
    const pool = poolOf(connectionString, 1, schema);
    try {
      return await migrateDatabase(pool, schema);
    } finally {
      await pool.end();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.limitsPool.end(), this.notices.close()]);
  }

  /** For the daily job's once-only lock and `db` commands: a client of this store's pool. */
  connect(): Promise<Client> {
    return this.pool.connect();
  }

  /**
   * A client of the pool that cannot crash the process: a checked-out client whose connection drops
   * (a restart, `pg_terminate_backend`) emits 'error', which with no listener would end the process.
   * Such a client is destroyed on release rather than returned to the pool.
   */
  private async checkOut(): Promise<{ client: Client; lost: () => Error | null; release: (discard?: Error) => void }> {
    const client = await this.pool.connect();
    let lost: Error | null = null;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    return {
      client,
      lost: () => lost,
      /** `discard`: why the connection is not to be reused. */
      release: (discard?: Error) => {
        client.off('error', onError);
        client.release(lost ?? discard);
      },
    };
  }

  /**
   * Runs a daily job once for `day` among every replica on this database. Replicas take turns on an
   * advisory lock held for the run; whoever gets it next sees the day done and skips. If the holder
   * dies, its session ends, the lock goes with it, and the next in line does the work. If the holder
   * only loses its connection, its run ends with an error (not a crash) and is not marked done, so another
   * replica or the next tick runs it; reminders are claimed one by one, so none is posted twice.
   */
  async runOnce<T>(job: string, day: string, runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    const { client, lost, release } = await this.checkOut();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`job:${job}`]);
      const { rows } = await client.query<{ run_by: string }>(
        'SELECT run_by FROM job_runs WHERE job = $1 AND day = $2',
        [job, day],
      );
      if (rows[0]) return { ran: false, by: rows[0].run_by };
      const result = await run();
      const dropped = lost();
      if (dropped)
        throw new Error(
          `lost the database connection holding the ${job} job's lock (${dropped.message}); not marked done`,
        );
      await client.query('INSERT INTO job_runs (job, day, run_by, finished_at) VALUES ($1, $2, $3, $4)', [
        job,
        day,
        runBy,
        new Date().toISOString(),
      ]);
      return { ran: true, result };
    } finally {
      if (!lost()) await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`job:${job}`]).catch(() => undefined);
      release();
    }
  }

  /**
   * `opening`: statements sent with the BEGIN in one round trip (prepared once a connection, run with
   * literal arguments: `batchOn`), whose results `work` receives in order. Each still reads a snapshot
   * of its own, taken when it starts, so a read after a lock in the same batch sees what the lock's
   * previous holder committed. `work` may hand its last write to `closeWith`: it is then sent with the
   * COMMIT, in the same round trip, rather than on its own before it.
   */
  async transaction<T>(
    work: (client: Client, opened: pg.QueryResult[], closeWith: (closing: Closing) => void) => Promise<T>,
    opening: readonly { statement: BatchStatement; args: readonly string[] }[] = [],
  ): Promise<T> {
    const { client, release } = await this.checkOut();
    const batch = batchOn(client, opening);
    let unsure = batch.preparing; // until a batch has run, what it prepared on this connection
    try {
      const sent = (await client.query(['BEGIN', ...batch.sql].join(';\n'))) as pg.QueryResult | pg.QueryResult[];
      batch.prepared();
      unsure = false;
      const results = Array.isArray(sent) ? sent.filter((result) => result.command !== 'PREPARE').slice(1) : [];
      let closing: Closing | null = null;
      const result = await work(client, results, (last) => {
        closing = last;
      });
      const last = closing as Closing | null; // (set in the callback, which TypeScript does not follow)
      const statement = last && closingStatement(last);
      if (last && !statement) await client.query(last.sql, [...last.values]); // past the named: alone
      const commit = batchOn(client, last && statement ? [{ statement, args: last.values }] : []);
      unsure = commit.preparing;
      await client.query([...commit.sql, 'COMMIT'].join(';\n'));
      commit.prepared();
      unsure = false;
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      release(unsure ? new Error('a batch that prepared statements failed') : undefined);
    }
  }
}
