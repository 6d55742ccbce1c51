// InventoryStore in PostgreSQL: a change is one transaction on the team's row lock; the history only appended to.
import {
  applyCounts,
  clearAll,
  countsOfUpdate,
  type AuditOfChanges,
  type ChangedBy,
  type CountChange,
  type CountUpdate,
  type CountsUpdated,
  type HistoryEntry,
  type InventoryStore,
  type TeamRef,
  type TeamState,
} from '../../inventory/inventory-store.js';
import { followCounts } from '../../reminders/follow-counts.js';
import { checkIds, type PgDatabase } from './pg-database.js';
import { teamRefStatement } from './prepared-statements.js';
import {
  channelOpened,
  channelOpening,
  contractsOpened,
  contractsOpening,
  watchChangeCtes,
  type PgWatches,
} from './pg-watches.js';
import { auditRowSql, auditRowValues } from './pg-audit.js';

// A change's opening, sent with its BEGIN: the team's row, made if new, locked (an upsert that updates
// on conflict waits for and locks the row), then its counts read; then its channel's (channelOpening).
const TEAM_OPENING = [
  teamRefStatement(
    'eolwatch_lock_team',
    'INSERT INTO teams (workspace, channel) VALUES ($1, $2) ON CONFLICT (workspace, channel) DO UPDATE SET workspace = EXCLUDED.workspace RETURNING name',
  ),
  teamRefStatement('eolwatch_read_counts', 'SELECT release, count FROM counts WHERE workspace = $1 AND channel = $2'),
];

export class PgInventory implements Omit<InventoryStore, 'forgetWorkspace' | 'forgetChannel' | 'close'> {
  /** `watches`: the team's contracts are read with a change's locks and kept there, for its answer. */
  constructor(
    private readonly db: PgDatabase,
    private readonly watches: PgWatches,
  ) {}

  async setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return (await this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by)).changes;
  }

  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy, audit?: AuditOfChanges): Promise<CountsUpdated> {
    return this.changeCounts(
      team,
      (current) => countsOfUpdate(current, update),
      by,
      update.action,
      update.file?.slice(0, 255) ?? null,
      audit,
    );
  }

  async clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return (await this.changeCounts(team, clearAll, by, 'clear', null)).changes;
  }

  private changeCounts(
    team: TeamRef,
    countsFor: (current: Record<string, number>) => { release: string; count: number }[],
    by: ChangedBy,
    action: HistoryEntry['action'],
    file: string | null,
    audit?: AuditOfChanges,
  ): Promise<CountsUpdated> {
    checkIds(team);
    const { workspace, channel } = team;
    const followsWatches = action !== 'clear';
    // Two round trips: the locks and reads go with the BEGIN; every write (counts, history, the audit
    // entry, watches) is one statement, sent with the COMMIT. There were eight, six of them holding the
    // team's lock: with the database across a network, those round trips are what limit how fast one
    // team's changes can follow each other (bench/pg-network-delay.ts).
    const opening = [
      ...TEAM_OPENING.map((statement) => ({ statement, args: [workspace, channel] })),
      // The contracts for the answer, with the counts they apply to: kept for it, so it reads nothing more.
      contractsOpening(team),
      // Automatic watches go with the counts: the channel locked and its watches read, as the watch commands do.
      ...(followsWatches ? channelOpening(team) : []),
    ];
    return this.watches.readingContracts(team, () =>
      this.db.transaction(async (_client, [teamRow, countRows, contractRows, ...channelResults], closeWith) => {
        const contracts = contractsOpened(contractRows);
        const current = Object.fromEntries(
          (countRows?.rows as { release: string; count: number }[]).map((row) => [row.release, row.count]),
        );
        const { changes, next } = applyCounts(current, countsFor(current));
        // The team as this change leaves it, known under its lock: the answer needs no read after the commit.
        const saved = {
          changes,
          team: {
            channel,
            name: (teamRow?.rows[0] as { name: string | null } | undefined)?.name ?? null,
            counts: next,
          },
        };
        // The audit entry in the same transaction: one commit, one WAL flush, for the change and its record.
        const entry = audit?.(changes);
        if (changes.length === 0) {
          if (entry) closeWith({ sql: `INSERT INTO audit ${auditRowSql(1)}`, values: auditRowValues(entry) });
          return { contracts, result: saved };
        }
        const values: unknown[] = [workspace, channel];
        const param = (value: unknown) => `$${values.push(value)}`;
        const writes = [
          `changes AS (
           SELECT * FROM unnest(${param(changes.map((change) => change.release))}::text[], ${param(changes.map((change) => change.from))}::int[],
             ${param(changes.map((change) => change.to))}::int[]) WITH ORDINALITY AS c(release, from_count, to_count, n)
         )`,
          `gone AS (
           DELETE FROM counts WHERE workspace = $1 AND channel = $2
             AND release IN (SELECT release FROM changes WHERE to_count = 0)
         )`,
          `kept AS (
           INSERT INTO counts (workspace, channel, release, count)
             SELECT $1, $2, release, to_count FROM changes WHERE to_count <> 0
             ON CONFLICT (workspace, channel, release) DO UPDATE SET count = EXCLUDED.count
         )`,
        ];
        if (entry) {
          writes.push(`audited AS (INSERT INTO audit ${auditRowSql(values.length + 1)})`);
          values.push(...auditRowValues(entry));
        }
        // Only a count from or to 0 moves a watch.
        const moving = changes.filter((change) => change.from === 0 || change.to === 0);
        if (followsWatches && moving.length > 0) {
          const { autoWatch, watches } = channelOpened(channelResults);
          const before = structuredClone(watches);
          if (followCounts(autoWatch, watches, moving, by.at.slice(0, 10)))
            writes.push(...watchChangeCtes(before, watches, values));
        }
        closeWith({
          sql: `WITH ${writes.join(', ')}
         INSERT INTO history (workspace, channel, release, from_count, to_count, changed_by, changed_at, action, file)
           SELECT $1, $2, release, from_count, to_count, ${param(by.user)}, ${param(by.at)}, ${param(action)}, ${param(file)}
           FROM changes ORDER BY n`,
          values,
        });
        return { contracts, result: saved };
      }, opening),
    );
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
