// InventoryStore over the JSON engine: counts and names, with each change appended to the team's log
// and fsync'd before the caller hears "saved" (group-committed: a burst costs a few fsyncs).
import type { AuditEntry } from '../../audit/audit-log.js';
import {
  applyCounts,
  AuditWriteError,
  type AuditOfChanges,
  clearAll,
  countsOfUpdate,
  StoreWriteError,
  type ChangedBy,
  type CountChange,
  type CountUpdate,
  type CountsUpdated,
  type HistoryEntry,
  type InventoryStore,
  type TeamRef,
  type TeamState,
} from '../../inventory/inventory-store.js';
import { appendHistory, historyPath, readHistory } from '../history-log.js';
import { newTeam, type JsonFileStore } from './json-file-store.js';

type InventoryRole = Omit<InventoryStore, 'forgetWorkspace' | 'forgetChannel' | 'close'>;

interface PendingChange {
  team: TeamRef;
  /** The counts to set, given the team's counts at the moment the change applies. */
  counts: (current: Readonly<Record<string, number>>) => { release: string; count: number }[];
  by: ChangedBy;
  action: HistoryEntry['action'];
  file?: string;
  resolve: (saved: CountsUpdated) => void;
  reject: (error: unknown) => void;
}

export class JsonInventory implements InventoryRole {
  private pendingChanges: PendingChange[] = [];

  constructor(
    private readonly engine: JsonFileStore,
    private readonly appendAudit: (entry: AuditEntry) => Promise<void>,
  ) {}

  async setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return (await this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by)).changes;
  }

  async updateCounts(
    team: TeamRef,
    update: CountUpdate,
    by: ChangedBy,
    audit?: AuditOfChanges,
  ): Promise<CountsUpdated> {
    // The history schema caps a file name at 255 characters: a longer one would stop every later read.
    const file = update.file === undefined ? {} : { file: update.file.slice(0, 255) };
    const saved = await this.enqueueChange({
      team,
      counts: (current) => countsOfUpdate(current, update),
      by,
      action: update.action,
      ...file,
    });
    // The audit log is its own file, group-committed too: written after the counts, never undoing them.
    const entry = audit?.(saved.changes);
    if (entry) await this.appendAudit(entry).catch(() => Promise.reject(new AuditWriteError(saved)));
    return saved;
  }

  async clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return (await this.enqueueChange({ team, counts: clearAll, by, action: 'clear' })).changes;
  }

  setTeamName(team: TeamRef, name: string): Promise<void> {
    return this.engine.withLock(async () => {
      this.engine.putTeam(team, { ...(this.engine.storedTeam(team) ?? newTeam()), name });
      await this.engine.persist();
    });
  }

  team(team: TeamRef): Promise<TeamState> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      await this.engine.replayTeamHistory(team, false);
      const stored = this.engine.storedTeam(team);
      return { channel: team.channel, name: stored?.name ?? null, counts: { ...stored?.counts } };
    });
  }

  teams(workspace: string): Promise<TeamState[]> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      await this.engine.replayAllHistory(false, workspace);
      return Object.entries(this.engine.storedWorkspace(workspace)?.teams ?? {})
        .filter(([, stored]) => stored.name !== null || Object.keys(stored.counts).length > 0)
        .map(([channel, stored]) => ({ channel, name: stored.name, counts: { ...stored.counts } }));
    });
  }

  history(team: TeamRef): Promise<HistoryEntry[]> {
    return this.engine.inQueue(async () => (await readHistory(historyPath(this.engine.historyDir, team))).entries);
  }

  /**
   * Group commit: changes that arrive while a write is under way wait for the next one and go to disk
   * together, one append and one fsync per team log, so a burst of updates costs a few fsyncs instead
   * of one each. Each change still applies all or nothing, in arrival order.
   */
  private enqueueChange(change: Omit<PendingChange, 'resolve' | 'reject'>): Promise<CountsUpdated> {
    return new Promise((resolve, reject) => {
      this.pendingChanges.push({ ...change, resolve, reject });
      if (this.pendingChanges.length === 1) {
        this.engine
          .withLock(() => this.commitPendingChanges())
          .catch((error: unknown) => {
            for (const pending of this.pendingChanges.splice(0)) pending.reject(error);
          });
      }
    });
  }

  private async commitPendingChanges(): Promise<void> {
    const batch = this.pendingChanges.splice(0);
    const byTeam = new Map<string, PendingChange[]>();
    for (const pending of batch) {
      const key = `${pending.team.workspace}\u0000${pending.team.channel}`;
      byTeam.set(key, [...(byTeam.get(key) ?? []), pending]);
    }
    for (const changes of byTeam.values()) {
      const team = (changes[0] as PendingChange).team;
      try {
        await this.commitTeamChanges(team, changes);
      } catch (error) {
        for (const pending of changes) pending.reject(error);
      }
    }
  }

  private async commitTeamChanges(team: TeamRef, changes: PendingChange[]): Promise<void> {
    await this.engine.replayTeamHistory(team, true);
    const stored = this.engine.storedTeam(team) ?? newTeam();
    let counts = stored.counts;
    const entries: HistoryEntry[] = [];
    // A change that cannot apply (adding past the limit) fails alone; the others still land.
    const results = changes.map((pending): CountsUpdated | { failed: unknown } => {
      let applied;
      try {
        applied = applyCounts(counts, pending.counts(counts));
      } catch (error) {
        return { failed: error };
      }
      counts = applied.next;
      const file = pending.file === undefined ? {} : { file: pending.file };
      entries.push(...applied.changes.map((change) => ({ ...change, ...pending.by, action: pending.action, ...file })));
      // The team as this change left it (a later change in the batch is that change's answer).
      return { changes: applied.changes, team: { channel: team.channel, name: stored.name, counts: { ...counts } } };
    });
    // Memory changes only once the lines are on disk: a failed append leaves the team as it was.
    if (entries.length > 0) {
      const path = historyPath(this.engine.historyDir, team);
      const historyBytes = await appendHistory(path, entries).catch((error: NodeJS.ErrnoException) => {
        throw new StoreWriteError(`could not write ${path} (${error.code ?? error.message})`);
      });
      this.engine.putTeam(team, { ...stored, counts, historyBytes });
      // The automatic watches go with the counts: the log holds what brings them (replaying it, in
      // any process, starts and stops the same watches), so they wait for the next checkpoint too.
      // Rewriting the whole file here took 41 ms a change at 1,000 teams (bench/inventory-fill.ts).
      if (this.engine.followEntries(team, entries)) await this.engine.noteWatchesChanged().catch(() => undefined);
      this.engine.scheduleCheckpoint();
    }
    changes.forEach((pending, index) => {
      const result = results[index] as CountsUpdated | { failed: unknown };
      if ('failed' in result) pending.reject(result.failed);
      else pending.resolve(result);
    });
  }
}
