// Every store role in PostgreSQL, for deployments with several replicas or many workspaces. Each change
// that is all or nothing in the JSON store is one transaction here; a team's or a channel's changes
// take turns on its row lock; the history is only ever appended to. Answers match the JSON store's
// exactly (one shared suite runs on both). Each role is its own module over one engine (pg-database.ts);
// this class opens them together; RolesStore hands each call to its role.
import type { JobOutcome } from '../../jobs/job-coordinator.js';
import { RolesStore } from '../roles-store.js';
import { PgAudit } from './pg-audit.js';
import { PgDatabase, type Client, type PgOptions } from './pg-database.js';
import { PgErasure } from './pg-erasure.js';
import { PgInventory } from './pg-inventory.js';
import { PgRecords } from './pg-records.js';
import { PgRequestLimits } from './pg-request-limits.js';
import { PgWatches } from './pg-watches.js';

export class PostgresStore extends RolesStore {
  private constructor(private readonly db: PgDatabase) {
    const watches = new PgWatches(db);
    super({
      inventory: new PgInventory(db, watches),
      watches,
      audit: new PgAudit(db),
      records: new PgRecords(db),
      erasure: new PgErasure(db, watches),
      limits: new PgRequestLimits(db),
    });
  }

  /** Connects and brings the schema up to date. */
  static async open(connectionString: string, options: PgOptions = {}): Promise<PostgresStore> {
    return new PostgresStore(await PgDatabase.open(connectionString, options));
  }

  /** `db migrate`: brings the schema up to date and says from which version to which. */
  static migrate(connectionString: string, schema?: string): Promise<{ from: number; to: number }> {
    return PgDatabase.migrate(connectionString, schema);
  }

  override close(): Promise<void> {
    return this.db.close();
  }

  /** For `db` commands: a client of this store's pool. */
  connect(): Promise<Client> {
    return this.db.connect();
  }

  override runOnce<T>(job: string, day: string, runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    return this.db.runOnce(job, day, runBy, run);
  }
}
