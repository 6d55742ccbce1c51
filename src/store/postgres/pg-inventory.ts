// InventoryStore in PostgreSQL: a change is one transaction on the team's row lock; the history only appended to.
import pg from 'pg';
import {
  applyCounts,
  clearAll,
  countsOfUpdate,
  type AuditOfChanges,
  type ChangedBy,
  type CountChange,
  type CountUpdate,
  type HistoryEntry,
  type InventoryStore,
  type TeamRef,
  type TeamState,
} from '../../inventory/inventory-store.js';
import { followCounts } from '../../reminders/follow-counts.js';
import { checkIds, type Client, type PgDatabase } from './pg-database.js';
import type { PgWatches } from './pg-watches.js';
import { auditRowSql, auditRowValues, insertAudit } from './pg-audit.js';

export class PgInventory implements Omit<InventoryStore, 'forgetWorkspace' | 'forgetChannel' | 'close'> {
  constructor(
    private readonly db: PgDatabase,
    private readonly watches: PgWatches,
  ) {}

  setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by);
  }

  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy, audit?: AuditOfChanges): Promise<CountChange[]> {
    return this.changeCounts(
      team,
      (current) => countsOfUpdate(current, update),
      by,
      update.action,
      update.file?.slice(0, 255) ?? null,
      audit,
    );
  }

  clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return this.changeCounts(team, clearAll, by, 'clear', null);
  }

  private changeCounts(
    team: TeamRef,
    countsFor: (current: Record<string, number>) => { release: string; count: number }[],
    by: ChangedBy,
    action: HistoryEntry['action'],
    file: string | null,
    audit?: AuditOfChanges,
  ): Promise<CountChange[]> {
    checkIds(team);
    const { workspace, channel } = team;
    // Few round trips, each statement doing one step's whole work: the lock, the read, every count
    // and history row at once, and the watches only when a release starts or stops being counted.
    // (Ten statements and more, a watch rewritten one row at a time, made PostgreSQL half the JSON
    // store's speed: bench/inventory-fill.ts.)
    return this.db.transaction(async (client) => {
      // The audit entry in the same transaction: one commit, one WAL flush, for the change and its record.
      const writeAudit = async (changes: CountChange[]) => {
        const entry = audit?.(changes);
        if (entry) await insertAudit(client, entry);
        return changes;
      };
      // The team's row, made if new, locked: an upsert that updates on conflict waits for and locks
      // the row another transaction is inserting or changing.
      await client.query(
        'INSERT INTO teams (workspace, channel) VALUES ($1, $2) ON CONFLICT (workspace, channel) DO UPDATE SET workspace = EXCLUDED.workspace',
        [workspace, channel],
      );
      const current = await this.countsOf(client, team);
      const { changes } = applyCounts(current, countsFor(current));
      if (changes.length === 0) return writeAudit(changes);
      // The audit row rides in the same statement as the counts and their history: one round trip fewer.
      const entry = audit?.(changes);
      await client.query(
        `WITH ${entry ? `audited AS (INSERT INTO audit ${auditRowSql(10)}), ` : ''}changes AS (
           SELECT * FROM unnest($3::text[], $4::int[], $5::int[]) WITH ORDINALITY AS c(release, from_count, to_count, n)
         ), gone AS (
           DELETE FROM counts WHERE workspace = $1 AND channel = $2
             AND release IN (SELECT release FROM changes WHERE to_count = 0)
         ), kept AS (
           INSERT INTO counts (workspace, channel, release, count)
             SELECT $1, $2, release, to_count FROM changes WHERE to_count <> 0
             ON CONFLICT (workspace, channel, release) DO UPDATE SET count = EXCLUDED.count
         )
         INSERT INTO history (workspace, channel, release, from_count, to_count, changed_by, changed_at, action, file)
           SELECT $1, $2, release, from_count, to_count, $6, $7, $8, $9 FROM changes ORDER BY n`,
        [
          workspace,
          channel,
          changes.map((change) => change.release),
          changes.map((change) => change.from),
          changes.map((change) => change.to),
          by.user,
          by.at,
          action,
          file,
          ...(entry ? auditRowValues(entry) : []),
        ],
      );
      // Automatic watches go with the counts, in the same transaction; only a count from or to 0 moves one.
      const moving = changes.filter((change) => change.from === 0 || change.to === 0);
      if (action !== 'clear' && moving.length > 0) {
        const { autoWatch } = await this.watches.lockChannel(client, team);
        const releases = moving.map((change) => change.release);
        const watches = await this.watches.watchesOf(client, team, releases);
        const before = structuredClone(watches);
        if (followCounts(autoWatch, watches, moving, by.at.slice(0, 10)))
          await this.watches.writeWatchChanges(client, team, before, watches);
      }
      return changes;
    });
  }

  private async countsOf(client: Client | pg.Pool, team: TeamRef): Promise<Record<string, number>> {
    const { rows } = await client.query<{ release: string; count: number }>(
      'SELECT release, count FROM counts WHERE workspace = $1 AND channel = $2',
      [team.workspace, team.channel],
    );
    return Object.fromEntries(rows.map((row) => [row.release, row.count]));
  }

  async setTeamName(team: TeamRef, name: string): Promise<void> {
    checkIds(team);
    await this.db.pool.query(
      'INSERT INTO teams (workspace, channel, name) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET name = EXCLUDED.name',
      [team.workspace, team.channel, name],
    );
  }

  async team(team: TeamRef): Promise<TeamState> {
    // The name and every count in one round trip (every inventory answer reads its team afresh).
    const { rows } = await this.db.pool.query<{ name: string | null; release: string | null; count: number | null }>(
      `SELECT t.name, c.release, c.count
         FROM (SELECT $1::text AS workspace, $2::text AS channel) AS asked
         LEFT JOIN teams t USING (workspace, channel)
         LEFT JOIN counts c USING (workspace, channel)`,
      [team.workspace, team.channel],
    );
    const counts: Record<string, number> = {};
    for (const row of rows) if (row.release !== null && row.count !== null) counts[row.release] = row.count;
    return { channel: team.channel, name: rows[0]?.name ?? null, counts };
  }

  async teams(workspace: string): Promise<TeamState[]> {
    const { rows: names } = await this.db.pool.query<{ channel: string; name: string | null }>(
      'SELECT channel, name FROM teams WHERE workspace = $1 ORDER BY channel',
      [workspace],
    );
    const { rows: counts } = await this.db.pool.query<{ channel: string; release: string; count: number }>(
      'SELECT channel, release, count FROM counts WHERE workspace = $1',
      [workspace],
    );
    const byChannel = new Map<string, Record<string, number>>();
    for (const row of counts) byChannel.set(row.channel, { ...byChannel.get(row.channel), [row.release]: row.count });
    return names
      .map((row) => ({ channel: row.channel, name: row.name, counts: byChannel.get(row.channel) ?? {} }))
      .filter((team) => team.name !== null || Object.keys(team.counts).length > 0);
  }

  async history(team: TeamRef): Promise<HistoryEntry[]> {
    const { rows } = await this.db.pool.query<{
      release: string;
      from_count: number;
      to_count: number;
      changed_by: string;
      changed_at: string;
      action: HistoryEntry['action'];
      file: string | null;
    }>(
      'SELECT release, from_count, to_count, changed_by, changed_at, action, file FROM history WHERE workspace = $1 AND channel = $2 ORDER BY id',
      [team.workspace, team.channel],
    );
    return rows.map((row) => ({
      release: row.release,
      from: row.from_count,
      to: row.to_count,
      user: row.changed_by,
      at: row.changed_at,
      action: row.action,
      ...(row.file === null ? {} : { file: row.file }),
    }));
  }
}
