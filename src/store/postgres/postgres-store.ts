// Every store role in PostgreSQL, for deployments with several replicas or many workspaces. Each change
// that is all or nothing in the JSON store is one transaction here; a team's or a channel's changes
// take turns on its row lock; the history is only ever appended to. Answers match the JSON store's
// exactly (one shared suite runs on both).
import type { JobCoordinator, JobOutcome } from '../../jobs/job-coordinator.js';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { ApiToken, ApiTokenStore } from '../../api-tokens/api-token-store.js';
import {
  orgWorkspaceKey,
  uninstalledKey,
  workspaceInstallKey,
  type InstallationRecords,
} from '../../installations/installation-records.js';
import type { WorkspaceEraser } from '../../erasure/workspace-eraser.js';
import type { RoleStore } from '../../governance/role-store.js';
import { matchesAuditFilter, type AuditEntry, type AuditLog } from '../../audit/audit-log.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import type { Contract } from '../../contracts/apply-contract.js';
import {
  applyCounts,
  clearAll,
  countsOfUpdate,
  type ChangedBy,
  type CountChange,
  type CountUpdate,
  type HistoryEntry,
  type InventoryStore,
  type TeamRef,
  type TeamState,
} from '../../inventory/inventory-store.js';
import { decideClaim } from '../../reminders/claim-reminder.js';
import type { ClaimResult, ReminderClaim } from '../../reminders/watch-store.js';
import { followCounts } from '../../reminders/follow-counts.js';
import {
  applyWatches,
  type ChannelWatches,
  type MilestoneMark,
  type ReminderRecord,
  type WatchedRelease,
  type WatchStore,
  type WorkspaceWatches,
} from '../../reminders/watch-store.js';
import { claimHolderAlive } from '../run-claims.js';
import { migrateDatabase } from './migrate-database.js';

type Client = pg.PoolClient;

const CONTRACTS_RECHECK_MS = 1000;

function checkIds(ref: TeamRef): void {
  if (!isIdentifier(ref.workspace) || !isIdentifier(ref.channel))
    throw new Error(`a malformed id reached the store: ${JSON.stringify(ref).slice(0, 200)}`);
}

interface WatchRow {
  release: string;
  leads: number[];
  created_at: string;
  source: WatchedRelease['source'];
  set_by: string | null;
}

const watchOfRow = (row: WatchRow): WatchedRelease => ({
  leads: row.leads,
  createdAt: row.created_at,
  source: row.source,
  ...(row.set_by ? { by: row.set_by } : {}),
});

export class PostgresStore
  implements
    InventoryStore,
    WatchStore,
    ApiTokenStore,
    InstallationRecords,
    WorkspaceEraser,
    RoleStore,
    AuditLog,
    JobCoordinator
{
  private readonly contractCache = new LRUCache<string, { at: number; contracts: Readonly<Record<string, Contract>> }>({
    max: 10_000,
  });

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date. */
  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
    pool.on('error', () => undefined); // an idle client's broken connection: the pool replaces it
    try {
      await migrateDatabase(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  /** `db migrate`: brings the schema up to date and says from which version to which. */
  static async migrate(connectionString: string): Promise<{ from: number; to: number }> {
    const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 10_000 });
    try {
      return await migrateDatabase(pool);
    } finally {
      await pool.end();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** For the daily job's once-only lock and `db` commands: a client of this store's pool. */
  connect(): Promise<Client> {
    return this.pool.connect();
  }

  /**
   * Runs a daily job once for `day` among every replica on this database. Replicas take turns on an
   * advisory lock held for the run; whoever gets it next sees the day done and skips. If the holder
   * dies, its session ends, the lock goes with it, and the next in line does the work.
   */
  async runOnce<T>(job: string, day: string, runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`job:${job}`]);
      const { rows } = await client.query<{ run_by: string }>(
        'SELECT run_by FROM job_runs WHERE job = $1 AND day = $2',
        [job, day],
      );
      if (rows[0]) return { ran: false, by: rows[0].run_by };
      const result = await run();
      await client.query('INSERT INTO job_runs (job, day, run_by, finished_at) VALUES ($1, $2, $3, $4)', [
        job,
        day,
        runBy,
        new Date().toISOString(),
      ]);
      return { ran: true, result };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`job:${job}`]).catch(() => undefined);
      client.release();
    }
  }

  private async transaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  // --- InventoryStore ---

  setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by);
  }

  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy): Promise<CountChange[]> {
    return this.changeCounts(
      team,
      (current) => countsOfUpdate(current, update),
      by,
      update.action,
      update.file?.slice(0, 255) ?? null,
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
  ): Promise<CountChange[]> {
    checkIds(team);
    return this.transaction(async (client) => {
      await client.query('INSERT INTO teams (workspace, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        team.workspace,
        team.channel,
      ]);
      await client.query('SELECT 1 FROM teams WHERE workspace = $1 AND channel = $2 FOR UPDATE', [
        team.workspace,
        team.channel,
      ]);
      const current = await this.countsOf(client, team);
      const { changes } = applyCounts(current, countsFor(current));
      for (const change of changes) {
        if (change.to === 0)
          await client.query('DELETE FROM counts WHERE workspace = $1 AND channel = $2 AND release = $3', [
            team.workspace,
            team.channel,
            change.release,
          ]);
        else {
          await client.query(
            'INSERT INTO counts (workspace, channel, release, count) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace, channel, release) DO UPDATE SET count = EXCLUDED.count',
            [team.workspace, team.channel, change.release, change.to],
          );
        }
        await client.query(
          'INSERT INTO history (workspace, channel, release, from_count, to_count, changed_by, changed_at, action, file) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [team.workspace, team.channel, change.release, change.from, change.to, by.user, by.at, action, file],
        );
      }
      // Automatic watches go with the counts, in the same transaction.
      if (action !== 'clear' && changes.length > 0) {
        const channel = await this.lockChannel(client, team);
        const watches = await this.watchesOf(client, team);
        const before = JSON.stringify(watches);
        if (followCounts(channel.autoWatch, watches, changes, by.at.slice(0, 10)) && JSON.stringify(watches) !== before)
          await this.writeWatches(client, team, watches);
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
    await this.pool.query(
      'INSERT INTO teams (workspace, channel, name) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET name = EXCLUDED.name',
      [team.workspace, team.channel, name],
    );
  }

  async team(team: TeamRef): Promise<TeamState> {
    const { rows } = await this.pool.query<{ name: string | null }>(
      'SELECT name FROM teams WHERE workspace = $1 AND channel = $2',
      [team.workspace, team.channel],
    );
    return { channel: team.channel, name: rows[0]?.name ?? null, counts: await this.countsOf(this.pool, team) };
  }

  async teams(workspace: string): Promise<TeamState[]> {
    const { rows: names } = await this.pool.query<{ channel: string; name: string | null }>(
      'SELECT channel, name FROM teams WHERE workspace = $1 ORDER BY channel',
      [workspace],
    );
    const { rows: counts } = await this.pool.query<{ channel: string; release: string; count: number }>(
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
    const { rows } = await this.pool.query<{
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

  // --- WatchStore ---

  private async lockChannel(client: Client, ref: TeamRef): Promise<{ autoWatch: boolean }> {
    await client.query('INSERT INTO channels (workspace, channel) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      ref.workspace,
      ref.channel,
    ]);
    const { rows } = await client.query<{ auto_watch: boolean }>(
      'SELECT auto_watch FROM channels WHERE workspace = $1 AND channel = $2 FOR UPDATE',
      [ref.workspace, ref.channel],
    );
    return { autoWatch: rows[0]?.auto_watch ?? true };
  }

  private async watchesOf(client: Client | pg.Pool, ref: TeamRef): Promise<Record<string, WatchedRelease>> {
    const { rows } = await client.query<WatchRow>(
      'SELECT release, leads, created_at, source, set_by FROM watches WHERE workspace = $1 AND channel = $2',
      [ref.workspace, ref.channel],
    );
    return Object.fromEntries(rows.map((row) => [row.release, watchOfRow(row)]));
  }

  private async writeWatches(client: Client, ref: TeamRef, watches: Record<string, WatchedRelease>): Promise<void> {
    await client.query('DELETE FROM watches WHERE workspace = $1 AND channel = $2', [ref.workspace, ref.channel]);
    for (const [release, watch] of Object.entries(watches)) {
      await client.query(
        'INSERT INTO watches (workspace, channel, release, leads, created_at, source, set_by) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [ref.workspace, ref.channel, release, watch.leads, watch.createdAt, watch.source, watch.by ?? null],
      );
    }
  }

  private async contractsIn(client: Client | pg.Pool, ref: TeamRef): Promise<Record<string, Contract>> {
    const { rows } = await client.query<{
      release: string;
      until: string;
      name: string;
      set_by: string;
      set_at: string;
    }>('SELECT release, until, name, set_by, set_at FROM contracts WHERE workspace = $1 AND channel = $2', [
      ref.workspace,
      ref.channel,
    ]);
    return Object.fromEntries(
      rows.map((row) => [row.release, { until: row.until, name: row.name, by: row.set_by, at: row.set_at }]),
    );
  }

  async channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    const { rows } = await this.pool.query<{
      auto_watch: boolean;
      broken_reason: string | null;
      broken_at: string | null;
    }>('SELECT auto_watch, broken_reason, broken_at FROM channels WHERE workspace = $1 AND channel = $2', [
      ref.workspace,
      ref.channel,
    ]);
    const row = rows[0];
    return {
      channel: ref.channel,
      autoWatch: row?.auto_watch ?? true,
      broken: row?.broken_reason ? { reason: row.broken_reason, at: row.broken_at ?? '' } : null,
      releases: await this.watchesOf(this.pool, ref),
      contracts: await this.contractsIn(this.pool, ref),
    };
  }

  /** Three queries for every channel of every workspace: the daily job reads them all at once. */
  async allWatches(): Promise<WorkspaceWatches[]> {
    const [channels, watches, contracts] = await Promise.all([
      this.pool.query<{
        workspace: string;
        channel: string;
        auto_watch: boolean;
        broken_reason: string | null;
        broken_at: string | null;
      }>('SELECT workspace, channel, auto_watch, broken_reason, broken_at FROM channels'),
      this.pool.query<WatchRow & { workspace: string; channel: string }>(
        'SELECT workspace, channel, release, leads, created_at, source, set_by FROM watches',
      ),
      this.pool.query<{
        workspace: string;
        channel: string;
        release: string;
        until: string;
        name: string;
        set_by: string;
        set_at: string;
      }>('SELECT workspace, channel, release, until, name, set_by, set_at FROM contracts'),
    ]);
    const byChannel = new Map<string, ChannelWatches & { workspace: string }>();
    const entry = (workspace: string, channel: string) => {
      const key = `${workspace}\u0000${channel}`;
      let found = byChannel.get(key);
      if (!found) {
        found = { workspace, channel, autoWatch: true, broken: null, releases: {}, contracts: {} };
        byChannel.set(key, found);
      }
      return found;
    };
    for (const row of channels.rows)
      Object.assign(entry(row.workspace, row.channel), {
        autoWatch: row.auto_watch,
        broken: row.broken_reason ? { reason: row.broken_reason, at: row.broken_at ?? '' } : null,
      });
    for (const row of watches.rows) entry(row.workspace, row.channel).releases[row.release] = watchOfRow(row);
    for (const row of contracts.rows)
      entry(row.workspace, row.channel).contracts[row.release] = {
        until: row.until,
        name: row.name,
        by: row.set_by,
        at: row.set_at,
      };
    const byWorkspace = new Map<string, ChannelWatches[]>();
    for (const { workspace, ...channel } of [...byChannel.values()].sort(
      (a, b) => a.workspace.localeCompare(b.workspace) || a.channel.localeCompare(b.channel),
    )) {
      const list = byWorkspace.get(workspace);
      if (list) list.push(channel);
      else byWorkspace.set(workspace, [channel]);
    }
    return [...byWorkspace].map(([workspace, list]) => ({ workspace, channels: list }));
  }

  watch(
    ref: TeamRef,
    releases: { release: string; leads: number[] }[],
    source: WatchedRelease['source'],
    today: string,
    by?: string,
  ): Promise<void> {
    checkIds(ref);
    return this.transaction(async (client) => {
      await this.lockChannel(client, ref);
      const watches = await this.watchesOf(client, ref);
      applyWatches(watches, releases, source, today, by);
      await this.writeWatches(client, ref, watches);
      if (source === 'manual')
        await client.query(
          'UPDATE channels SET broken_reason = NULL, broken_at = NULL WHERE workspace = $1 AND channel = $2',
          [ref.workspace, ref.channel],
        );
    });
  }

  async unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    const { rows } = await this.pool.query<{ release: string }>(
      'DELETE FROM watches WHERE workspace = $1 AND channel = $2 AND release = ANY($3) RETURNING release',
      [ref.workspace, ref.channel, releases],
    );
    const removed = new Set(rows.map((row) => row.release));
    return releases.filter((release) => removed.has(release));
  }

  async setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    checkIds(ref);
    await this.pool.query(
      'INSERT INTO channels (workspace, channel, auto_watch) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET auto_watch = EXCLUDED.auto_watch',
      [ref.workspace, ref.channel, on],
    );
  }

  async markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    checkIds(ref);
    await this.pool.query(
      'INSERT INTO channels (workspace, channel, broken_reason, broken_at) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace, channel) DO UPDATE SET broken_reason = EXCLUDED.broken_reason, broken_at = EXCLUDED.broken_at',
      [ref.workspace, ref.channel, reason, at],
    );
  }

  async reminderRecords(): Promise<Record<string, ReminderRecord>> {
    const { rows } = await this.pool.query<{
      key: string;
      status: ReminderRecord['status'];
      at: string;
      ts: string | null;
      late: boolean;
      claimed_by: string | null;
    }>('SELECT key, status, at, ts, late, claimed_by FROM reminders');
    return Object.fromEntries(rows.map((row) => [row.key, toRecord(row)]));
  }

  async recordReminder(key: string, record: ReminderRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO reminders (key, status, at, ts, late, claimed_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status, at = EXCLUDED.at, ts = EXCLUDED.ts, late = EXCLUDED.late, claimed_by = EXCLUDED.claimed_by',
      [key, record.status, record.at, record.ts, record.late, record.claimedBy ?? null],
    );
  }

  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    return this.transaction(async (client) => {
      // One decision per key at a time, across every replica: the row may not exist yet to lock.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      const { rows } = await client.query<{
        key: string;
        status: ReminderRecord['status'];
        at: string;
        ts: string | null;
        late: boolean;
        claimed_by: string | null;
      }>('SELECT key, status, at, ts, late, claimed_by FROM reminders WHERE key = $1', [key]);
      const { result, record } = decideClaim(rows[0] ? toRecord(rows[0]) : undefined, claim, (by, at) =>
        claimHolderAlive(by, at, claim.at),
      );
      if (record) {
        await client.query(
          'INSERT INTO reminders (key, status, at, ts, late, claimed_by) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status, at = EXCLUDED.at, ts = EXCLUDED.ts, late = EXCLUDED.late, claimed_by = EXCLUDED.claimed_by',
          [key, record.status, record.at, record.ts, record.late, record.claimedBy ?? null],
        );
      }
      return result;
    });
  }

  async endClaims(runId: string): Promise<void> {
    await this.pool.query('UPDATE reminders SET claimed_by = NULL WHERE claimed_by = $1', [runId]);
  }

  async milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    const { rows } = await this.pool.query<{ key: string; mark: MilestoneMark }>('SELECT key, mark FROM milestones');
    return Object.fromEntries(rows.map((row) => [row.key, row.mark]));
  }

  markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`mark:${key}`]);
      const { rows } = await client.query<{ mark: MilestoneMark }>('SELECT mark FROM milestones WHERE key = $1', [key]);
      const merged = JSON.parse(JSON.stringify({ ...rows[0]?.mark, ...mark })) as MilestoneMark;
      await client.query(
        'INSERT INTO milestones (key, mark) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET mark = EXCLUDED.mark',
        [key, merged],
      );
    });
  }

  /**
   * Lookups read the team's contracts on every request: kept for a second, as the JSON store looks at
   * its file at most once a second; this process's own changes are seen at once.
   */
  async contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    const key = `${ref.workspace}\u0000${ref.channel}`;
    const cached = this.contractCache.get(key);
    if (cached && Date.now() - cached.at < CONTRACTS_RECHECK_MS) return cached.contracts;
    const contracts = await this.contractsIn(this.pool, ref);
    this.contractCache.set(key, { at: Date.now(), contracts });
    return contracts;
  }

  async setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    checkIds(ref);
    this.contractCache.clear();
    await this.pool.query(
      'INSERT INTO contracts (workspace, channel, release, until, name, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace, channel, release) DO UPDATE SET until = EXCLUDED.until, name = EXCLUDED.name, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at',
      [ref.workspace, ref.channel, release, contract.until, contract.name, contract.by, contract.at],
    );
  }

  async removeContract(ref: TeamRef, release: string): Promise<boolean> {
    this.contractCache.clear();
    const { rowCount } = await this.pool.query(
      'DELETE FROM contracts WHERE workspace = $1 AND channel = $2 AND release = $3',
      [ref.workspace, ref.channel, release],
    );
    return (rowCount ?? 0) > 0;
  }

  // --- InstallationRecords ---

  async saveInstallation(key: string, installation: unknown): Promise<void> {
    await this.pool.query(
      'INSERT INTO installations (key, installation) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET installation = EXCLUDED.installation',
      [key, JSON.stringify(installation)],
    );
  }

  async installation(key: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ installation: unknown }>(
      'SELECT installation FROM installations WHERE key = $1',
      [key],
    );
    return rows[0]?.installation ?? null;
  }

  async deleteInstallation(key: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM installations WHERE key = $1', [key]);
    return (rowCount ?? 0) > 0;
  }

  async installationKeys(prefix: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>(
      'SELECT key FROM installations WHERE starts_with(key, $1) ORDER BY key',
      [prefix],
    );
    return rows.map((row) => row.key);
  }

  // --- AuditLog ---

  async appendAudit(entry: AuditEntry): Promise<void> {
    await insertAudit(this.pool, entry);
  }

  async auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<{
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

  // --- RoleStore ---

  async admins(workspace: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ user_id: string }>(
      'SELECT user_id FROM admins WHERE workspace = $1 ORDER BY user_id',
      [workspace],
    );
    return rows.map((row) => row.user_id);
  }

  async setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    if (!isIdentifier(workspace))
      throw new Error(`a malformed id reached the store: ${JSON.stringify(workspace).slice(0, 200)}`);
    const { rowCount } = admin
      ? await this.pool.query('INSERT INTO admins (workspace, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          workspace,
          user,
        ])
      : await this.pool.query('DELETE FROM admins WHERE workspace = $1 AND user_id = $2', [workspace, user]);
    return (rowCount ?? 0) > 0;
  }

  async channelLocked(ref: TeamRef): Promise<boolean> {
    const { rows } = await this.pool.query<{ locked: boolean }>(
      'SELECT locked FROM channels WHERE workspace = $1 AND channel = $2',
      [ref.workspace, ref.channel],
    );
    return rows[0]?.locked ?? false;
  }

  async setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    checkIds(ref);
    await this.pool.query(
      'INSERT INTO channels (workspace, channel, locked) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET locked = EXCLUDED.locked',
      [ref.workspace, ref.channel, locked],
    );
  }

  // --- WorkspaceEraser ---

  forgetWorkspace(workspace: string): Promise<void> {
    this.contractCache.clear();
    return this.transaction(async (client) => {
      for (const table of [
        'teams',
        'counts',
        'history',
        'channels',
        'watches',
        'contracts',
        'api_tokens',
        'admins',
        'audit',
      ])
        await client.query(`DELETE FROM ${table} WHERE workspace = $1`, [workspace]);
      for (const table of ['reminders', 'milestones'])
        await client.query(`DELETE FROM ${table} WHERE starts_with(key, $1) OR starts_with(key, $2)`, [
          `${workspace}|`,
          `notice|${workspace}|`,
        ]);
      await client.query('DELETE FROM installations WHERE key = ANY($1)', [
        [workspaceInstallKey(workspace), uninstalledKey(workspace), orgWorkspaceKey(workspace)],
      ]);
    });
  }

  forgetChannel(ref: TeamRef): Promise<void> {
    this.contractCache.clear();
    return this.transaction(async (client) => {
      for (const table of ['teams', 'counts', 'history', 'channels', 'watches', 'contracts', 'audit'])
        await client.query(`DELETE FROM ${table} WHERE workspace = $1 AND channel = $2`, [ref.workspace, ref.channel]);
      for (const table of ['reminders', 'milestones']) {
        await client.query(`DELETE FROM ${table} WHERE starts_with(key, $1) OR starts_with(key, $2)`, [
          `${ref.workspace}|${ref.channel}|`,
          `notice|${ref.workspace}|${ref.channel}|`,
        ]);
      }
    });
  }

  // --- ApiTokenStore ---

  async addApiToken(token: ApiToken): Promise<boolean> {
    if (!isIdentifier(token.workspace))
      throw new Error(`a malformed id reached the store: ${JSON.stringify(token.workspace).slice(0, 200)}`);
    const { rowCount } = await this.pool.query(
      'INSERT INTO api_tokens (hash, workspace, name, created_by, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [token.hash, token.workspace, token.name, token.createdBy, token.createdAt, token.lastUsedAt],
    );
    return (rowCount ?? 0) > 0;
  }

  async apiTokens(workspace: string): Promise<ApiToken[]> {
    const { rows } = await this.pool.query<TokenRow>(
      'SELECT hash, workspace, name, created_by, created_at, last_used_at FROM api_tokens WHERE workspace = $1 ORDER BY created_at, name',
      [workspace],
    );
    return rows.map(toToken);
  }

  async apiTokenByHash(hash: string): Promise<ApiToken | null> {
    const { rows } = await this.pool.query<TokenRow>(
      'SELECT hash, workspace, name, created_by, created_at, last_used_at FROM api_tokens WHERE hash = $1',
      [hash],
    );
    return rows[0] ? toToken(rows[0]) : null;
  }

  async revokeApiToken(workspace: string, name: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM api_tokens WHERE workspace = $1 AND name = $2', [
      workspace,
      name,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async markApiTokenUsed(hash: string, at: string): Promise<void> {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $2 WHERE hash = $1', [hash, at]);
  }
}

/** One audit row: the store's append, and `db import-json` moving a JSON store's log. */
export async function insertAudit(client: pg.Pool | pg.PoolClient, entry: AuditEntry): Promise<void> {
  await client.query(
    'INSERT INTO audit (workspace, at, user_id, via, channel, action, change, releases) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [entry.workspace, entry.at, entry.user, entry.via, entry.channel, entry.action, entry.change, entry.releases],
  );
}

interface TokenRow {
  hash: string;
  workspace: string;
  name: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
}

const toToken = (row: TokenRow): ApiToken => ({
  workspace: row.workspace,
  name: row.name,
  hash: row.hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

function toRecord(row: {
  status: ReminderRecord['status'];
  at: string;
  ts: string | null;
  late: boolean;
  claimed_by: string | null;
}): ReminderRecord {
  return {
    status: row.status,
    at: row.at,
    ts: row.ts,
    late: row.late,
    ...(row.claimed_by === null ? {} : { claimedBy: row.claimed_by }),
  };
}
