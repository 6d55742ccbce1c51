// WatchStore in PostgreSQL: watches, reminder records and claims, handled marks and contracts.
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Contract } from '../../contracts/apply-contract.js';
import { type TeamRef } from '../../inventory/inventory-store.js';
import { decideClaim } from '../../reminders/claim-reminder.js';
import {
  applyWatches,
  type ChannelWatches,
  type ClaimResult,
  type MilestoneMark,
  type ReminderClaim,
  type ReminderRecord,
  type WatchedRelease,
  type WatchStore,
  type WorkspaceWatches,
} from '../../reminders/watch-store.js';
import { claimHolderAlive } from '../run-claims.js';
import { checkIds, type Client, type PgDatabase } from './pg-database.js';
import { teamRefStatement, type BatchStatement } from './prepared-statements.js';

interface WatchRow {
  release: string;
  leads: number[];
  created_at: string;
  source: WatchedRelease['source'];
  set_by: string | null;
}

/** The columns a watch is read from (watchOfRow). */
const WATCH_COLUMNS = 'release, leads, created_at, source, set_by';

const watchOfRow = (row: WatchRow): WatchedRelease => ({
  leads: row.leads,
  createdAt: row.created_at,
  source: row.source,
  ...(row.set_by ? { by: row.set_by } : {}),
});

const watchesOfRows = (rows: readonly WatchRow[]): Record<string, WatchedRelease> =>
  Object.fromEntries(rows.map((row) => [row.release, watchOfRow(row)]));

// A change to a channel's watches opens its transaction with these, sent with the BEGIN: the channel's
// row locked (made if new, and not given a new version otherwise), then its watches read.
const CHANNEL_OPENING = [
  teamRefStatement(
    'eolwatch_make_channel',
    'INSERT INTO channels (workspace, channel) VALUES ($1, $2) ON CONFLICT (workspace, channel) DO NOTHING',
  ),
  teamRefStatement(
    'eolwatch_lock_channel',
    'SELECT auto_watch FROM channels WHERE workspace = $1 AND channel = $2 FOR UPDATE',
  ),
  teamRefStatement(
    'eolwatch_read_watches',
    `SELECT ${WATCH_COLUMNS} FROM watches WHERE workspace = $1 AND channel = $2`,
  ),
];

interface ContractRow {
  release: string;
  until: string;
  name: string;
  set_by: string;
  set_at: string;
}

const CONTRACTS_SQL =
  'SELECT release, until, name, set_by, set_at FROM contracts WHERE workspace = $1 AND channel = $2';

interface ReminderRow {
  key: string;
  status: ReminderRecord['status'];
  at: string;
  ts: string | null;
  late: boolean;
  claimed_by: string | null;
}

const REMINDER_COLUMNS = 'key, status, at, ts, late, claimed_by';

const UPSERT_REMINDER = `INSERT INTO reminders (${REMINDER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status, at = EXCLUDED.at, ts = EXCLUDED.ts,
    late = EXCLUDED.late, claimed_by = EXCLUDED.claimed_by`;

const reminderValues = (key: string, record: ReminderRecord): unknown[] => [
  key,
  record.status,
  record.at,
  record.ts,
  record.late,
  record.claimedBy ?? null,
];

const KEY_LOCK: BatchStatement = {
  name: 'eolwatch_lock_key',
  types: 'text',
  sql: 'SELECT pg_advisory_xact_lock(hashtext($1))',
};
const READ_REMINDER: BatchStatement = {
  name: 'eolwatch_read_reminder',
  types: 'text',
  sql: `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE key = $1`,
};
const READ_MARK: BatchStatement = {
  name: 'eolwatch_read_mark',
  types: 'text',
  sql: 'SELECT mark FROM milestones WHERE key = $1',
};

/** One decision per key at a time, across every replica (the row may not exist yet to lock), then the row. */
const keyLockedOpening = (lock: string, read: BatchStatement, key: string) => [
  { statement: KEY_LOCK, args: [lock] },
  { statement: read, args: [key] },
];

const contractKey = (ref: TeamRef) => `${ref.workspace}\u0000${ref.channel}`;

const contractsOfRows = (rows: readonly ContractRow[]): Record<string, Contract> =>
  Object.fromEntries(
    rows.map((row) => [row.release, { until: row.until, name: row.name, by: row.set_by, at: row.set_at }]),
  );

/** A transaction's opening statement that reads the team's contracts (`contractsOpened` reads its result). */
export const contractsOpening = (ref: TeamRef) => ({
  statement: teamRefStatement('eolwatch_read_contracts', CONTRACTS_SQL),
  args: [ref.workspace, ref.channel],
});

export const contractsOpened = (result: pg.QueryResult | undefined): Record<string, Contract> =>
  contractsOfRows((result?.rows ?? []) as ContractRow[]);

/** The opening (`PgDatabase.transaction`) that locks a channel and reads its watches. */
export const channelOpening = (ref: TeamRef) =>
  CHANNEL_OPENING.map((statement) => ({ statement, args: [ref.workspace, ref.channel] }));

/** What `channelOpening` read: its results, in order. */
export function channelOpened(results: readonly pg.QueryResult[]): {
  autoWatch: boolean;
  watches: Record<string, WatchedRelease>;
} {
  const [, locked, watches] = results;
  return {
    autoWatch: (locked?.rows[0] as { auto_watch: boolean } | undefined)?.auto_watch ?? true,
    watches: watchesOfRows((watches?.rows ?? []) as WatchRow[]),
  };
}

export class PgWatches implements Omit<WatchStore, 'forgetWorkspace' | 'forgetChannel'> {
  /**
   * Lookups read a team's contracts on every request: kept here while this process hears other
   * replicas' changes (ChangeNotices), and rechecked after `contractsRecheckMs` all the same.
   */
  private readonly contractCache = new LRUCache<string, { at: number; contracts: Readonly<Record<string, Contract>> }>({
    max: 10_000,
  });
  /** Counts the cache's clearings: a read that a change overtook is not kept (it may be older than the change). */
  private contractChanges = 0;

  constructor(private readonly db: PgDatabase) {
    // Another replica's change (or this one's, heard again), or a moment this process may have missed one.
    const forget = () => {
      this.contractChanges += 1;
      this.contractCache.clear();
    };
    db.notices.on('notice', forget);
    db.notices.on('lost', forget);
  }

  /** The channel's watches. */
  private async watchesOf(client: Client | pg.Pool, ref: TeamRef): Promise<Record<string, WatchedRelease>> {
    const { rows } = await client.query<WatchRow>(
      `SELECT ${WATCH_COLUMNS} FROM watches WHERE workspace = $1 AND channel = $2`,
      [ref.workspace, ref.channel],
    );
    return watchesOfRows(rows);
  }

  /** The team's contracts, read on `client`. */
  private async contractsIn(client: Client | pg.Pool, ref: TeamRef): Promise<Record<string, Contract>> {
    const { rows } = await client.query<ContractRow>(CONTRACTS_SQL, [ref.workspace, ref.channel]);
    return contractsOfRows(rows);
  }

  async channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    const { rows } = await this.db.pool.query<{
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
      releases: await this.watchesOf(this.db.pool, ref),
      contracts: await this.contractsIn(this.db.pool, ref),
    };
  }

  /** Three queries for every channel of every workspace: the daily job reads them all at once. */
  async allWatches(): Promise<WorkspaceWatches[]> {
    const [channels, watches, contracts] = await Promise.all([
      this.db.pool.query<{
        workspace: string;
        channel: string;
        auto_watch: boolean;
        broken_reason: string | null;
        broken_at: string | null;
      }>('SELECT workspace, channel, auto_watch, broken_reason, broken_at FROM channels'),
      this.db.pool.query<WatchRow & { workspace: string; channel: string }>(
        `SELECT workspace, channel, ${WATCH_COLUMNS} FROM watches`,
      ),
      this.db.pool.query<{
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
    return this.db.transaction(async (_client, opened, closeWith) => {
      const { watches } = channelOpened(opened);
      const before = structuredClone(watches);
      applyWatches(watches, releases, source, today, by);
      // Every write in one statement, sent with the COMMIT.
      const values: unknown[] = [ref.workspace, ref.channel];
      const writes = watchChangeCtes(before, watches, values);
      if (source === 'manual')
        writes.push(
          'mended AS (UPDATE channels SET broken_reason = NULL, broken_at = NULL WHERE workspace = $1 AND channel = $2)',
        );
      if (writes.length > 0) closeWith({ sql: `WITH ${writes.join(', ')} SELECT 1`, values });
    }, channelOpening(ref));
  }

  async unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ release: string }>(
      'DELETE FROM watches WHERE workspace = $1 AND channel = $2 AND release = ANY($3) RETURNING release',
      [ref.workspace, ref.channel, releases],
    );
    const removed = new Set(rows.map((row) => row.release));
    return releases.filter((release) => removed.has(release));
  }

  async setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    checkIds(ref);
    await this.db.pool.query(
      'INSERT INTO channels (workspace, channel, auto_watch) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET auto_watch = EXCLUDED.auto_watch',
      [ref.workspace, ref.channel, on],
    );
  }

  async markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    checkIds(ref);
    await this.db.pool.query(
      'INSERT INTO channels (workspace, channel, broken_reason, broken_at) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace, channel) DO UPDATE SET broken_reason = EXCLUDED.broken_reason, broken_at = EXCLUDED.broken_at',
      [ref.workspace, ref.channel, reason, at],
    );
  }

  async reminderRecords(): Promise<Record<string, ReminderRecord>> {
    const { rows } = await this.db.pool.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders`);
    return Object.fromEntries(rows.map((row) => [row.key, toRecord(row)]));
  }

  async recordReminder(key: string, record: ReminderRecord): Promise<void> {
    await this.db.pool.query(UPSERT_REMINDER, reminderValues(key, record));
  }

  /** Two round trips: the key's lock and its row with the BEGIN, the decision's write with the COMMIT. */
  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    return this.db.transaction(
      async (_client, [, read], closeWith) => {
        const row = read?.rows[0] as ReminderRow | undefined;
        const { result, record } = decideClaim(row ? toRecord(row) : undefined, claim, (by, at) =>
          claimHolderAlive(by, at, claim.at),
        );
        if (record) closeWith({ sql: UPSERT_REMINDER, values: reminderValues(key, record) });
        return result;
      },
      keyLockedOpening(key, READ_REMINDER, key),
    );
  }

  async endClaims(runId: string): Promise<void> {
    await this.db.pool.query('UPDATE reminders SET claimed_by = NULL WHERE claimed_by = $1', [runId]);
  }

  async milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    const { rows } = await this.db.pool.query<{ key: string; mark: MilestoneMark }>('SELECT key, mark FROM milestones');
    return Object.fromEntries(rows.map((row) => [row.key, row.mark]));
  }

  markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    return this.db.transaction(
      async (_client, [, read], closeWith) => {
        const stored = (read?.rows[0] as { mark: MilestoneMark } | undefined)?.mark;
        const merged = JSON.parse(JSON.stringify({ ...stored, ...mark })) as MilestoneMark;
        closeWith({
          sql: 'INSERT INTO milestones (key, mark) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET mark = EXCLUDED.mark',
          values: [key, merged],
        });
      },
      keyLockedOpening(`mark:${key}`, READ_MARK, key),
    );
  }

  /**
   * Lookups read the team's contracts on every request: kept for a second at most, and dropped as soon
   * as any replica announces a change (this one's own are seen at once, by its next read).
   */
  async contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    const cached = this.contractCache.get(contractKey(ref));
    if (cached && Date.now() - cached.at < this.db.contractsRecheckMs) return cached.contracts;
    return this.readingContracts(ref, async () => {
      const contracts = await this.contractsIn(this.db.pool, ref);
      return { contracts, result: contracts };
    });
  }

  /**
   * `read`, which reads the team's contracts among other things (a count change reads them with its
   * locks, so its answer reads nothing more): they are kept as contracts() keeps its own read, unless a
   * change of contracts overtook the read.
   */
  async readingContracts<T>(
    ref: TeamRef,
    read: () => Promise<{ contracts: Readonly<Record<string, Contract>>; result: T }>,
  ): Promise<T> {
    const changes = this.contractChanges;
    const { contracts, result } = await read();
    if (changes === this.contractChanges && this.db.notices.listening)
      this.contractCache.set(contractKey(ref), { at: Date.now(), contracts });
    return result;
  }

  /**
   * A write that changes contracts (or erases them). The cache is cleared once the write has landed, and a
   * read that overlapped it is not kept: this process's next read sees the write. (Cleared before it, a
   * read between the clear and the commit would keep the old contracts for a second.) Then every other
   * replica is told; should that fail, theirs go within the recheck.
   */
  async changingContracts<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.contractChanges += 1;
      this.contractCache.clear();
      await this.db.notices.announce(this.db.pool).catch(() => undefined);
    }
  }

  async setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    checkIds(ref);
    await this.changingContracts(() =>
      this.db.pool.query(
        'INSERT INTO contracts (workspace, channel, release, until, name, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace, channel, release) DO UPDATE SET until = EXCLUDED.until, name = EXCLUDED.name, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at',
        [ref.workspace, ref.channel, release, contract.until, contract.name, contract.by, contract.at],
      ),
    );
  }

  async removeContract(ref: TeamRef, release: string): Promise<boolean> {
    const { rowCount } = await this.changingContracts(() =>
      this.db.pool.query('DELETE FROM contracts WHERE workspace = $1 AND channel = $2 AND release = $3', [
        ref.workspace,
        ref.channel,
        release,
      ]),
    );
    return (rowCount ?? 0) > 0;
  }
}

function toRecord(row: ReminderRow): ReminderRecord {
  return {
    status: row.status,
    at: row.at,
    ts: row.ts,
    late: row.late,
    ...(row.claimed_by === null ? {} : { claimedBy: row.claimed_by }),
  };
}

/**
 * What changed from `before` to `after` as data-modifying parts (CTEs) of a statement whose $1 and $2
 * are the workspace and the channel; their other values are pushed onto `values`. The removed go in
 * one, the added and changed in the other (leads as array literals, "{180,90,30}", cast back).
 */
export function watchChangeCtes(
  before: Readonly<Record<string, WatchedRelease>>,
  after: Readonly<Record<string, WatchedRelease>>,
  values: unknown[],
): string[] {
  const param = (value: unknown) => `$${values.push(value)}`;
  const removed = Object.keys(before).filter((release) => !Object.hasOwn(after, release));
  const changed = Object.entries(after).filter(
    ([release, watch]) => JSON.stringify(before[release]) !== JSON.stringify(watch),
  );
  const ctes: string[] = [];
  if (removed.length > 0)
    ctes.push(
      `watches_removed AS (DELETE FROM watches WHERE workspace = $1 AND channel = $2 AND release = ANY(${param(removed)}))`,
    );
  if (changed.length > 0)
    ctes.push(`watches_written AS (
      INSERT INTO watches (workspace, channel, release, leads, created_at, source, set_by)
        SELECT $1, $2, w.release, w.leads::integer[], w.created_at, w.source, w.set_by
        FROM unnest(${param(changed.map(([release]) => release))}::text[], ${param(changed.map(([, watch]) => `{${watch.leads.join(',')}}`))}::text[],
          ${param(changed.map(([, watch]) => watch.createdAt))}::text[], ${param(changed.map(([, watch]) => watch.source))}::text[],
          ${param(changed.map(([, watch]) => watch.by ?? null))}::text[]) AS w(release, leads, created_at, source, set_by)
      ON CONFLICT (workspace, channel, release) DO UPDATE SET leads = EXCLUDED.leads, created_at = EXCLUDED.created_at,
        source = EXCLUDED.source, set_by = EXCLUDED.set_by)`);
  return ctes;
}
