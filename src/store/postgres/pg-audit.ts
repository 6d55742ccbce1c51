// AuditLog in PostgreSQL: one append-only table.
import pg from 'pg';
import { matchesAuditFilter, type AuditEntry, type AuditLog } from '../../audit/audit-log.js';
import { type PgDatabase } from './pg-database.js';

export class PgAudit implements Omit<AuditLog, 'forgetWorkspace' | 'forgetChannel'> {
  constructor(private readonly db: PgDatabase) {}

  async appendAudit(entry: AuditEntry): Promise<void> {
    await insertAudit(this.db.pool, entry);
  }

  async auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    const { rows } = await this.db.pool.query<{
      workspace: string;
      at: string;
      user_id: string;
      via: AuditEntry['via'];
      channel: string | null;
      action: string;
      change: string;
      releases: string[];
    }>(
      'SELECT workspace, at, user_id, via, channel, action, change, releases FROM audit WHERE workspace = $1 ORDER BY id',
      [workspace],
    );
    return rows
      .map((row) => ({
        workspace: row.workspace,
        at: row.at,
        user: row.user_id,
        via: row.via,
        channel: row.channel,
        action: row.action,
        change: row.change,
        releases: row.releases,
      }))
      .filter((entry) => matchesAuditFilter(entry, filter));
  }
}

/** One audit row: the store's append, and `db import-json` moving a JSON store's log. */
export async function insertAudit(client: pg.Pool | pg.PoolClient, entry: AuditEntry): Promise<void> {
  await client.query(`INSERT INTO audit ${auditRowSql(1)}`, auditRowValues(entry));
}

/**
 * An audit row's columns and VALUES, its parameters numbered from `first`: for a statement that writes
 * the row beside its own work (an inventory change and its entry in one round trip).
 */
export function auditRowSql(first: number): string {
  const values = Array.from({ length: 8 }, (_, index) => `$${first + index}`).join(', ');
  return `(workspace, at, user_id, via, channel, action, change, releases) VALUES (${values})`;
}

export const auditRowValues = (entry: AuditEntry): unknown[] => [
  entry.workspace,
  entry.at,
  entry.user,
  entry.via,
  entry.channel,
  entry.action,
  entry.change,
  entry.releases,
];
