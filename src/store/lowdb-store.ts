// InventoryStore on disk: a lowdb JSON file for the current state (team names and counts) and, beside
// it, one append-only history log per team (history-log.ts).
//
// The history logs are the record of every change; the store file is a checkpoint of what they add up
// to, noting how many bytes of each log it includes. Writing a change: take the file lock (other
// processes) and the in-process queue (other requests), catch up on the team's log, append the new
// lines and fsync them. Then the caller hears "saved". The store file is rewritten (atomically, fsync'd)
// at most once a second, off the request's path: rewriting it on every update cost 9 ms a change at
// 1,000 teams (bench/inventory-store.ts). Any reader, in this process or another, replays the log
// tail past the checkpoint, so nothing in the logs is ever missed, after a crash included.
import type { JobCoordinator, JobOutcome } from '../jobs/job-coordinator.js';
import { Low } from 'lowdb';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import {
  applyCounts,
  clearAll,
  countsOfUpdate,
  StoreBusyError,
  StoreWriteError,
  type ChangedBy,
  type CountChange,
  type CountUpdate,
  type HistoryEntry,
  type InventoryStore,
  type TeamRef,
  type TeamState,
} from '../inventory/inventory-store.js';
import { DurableJsonFile, StoreFileError } from './durable-json-file.js';
import { decideClaim, withoutClaim } from '../reminders/claim-reminder.js';
import type { ClaimResult, ReminderClaim } from '../reminders/watch-store.js';
import { claimHolderAlive, processAlive } from './run-claims.js';
import type { ApiToken, ApiTokenStore } from '../api-tokens/api-token-store.js';
import {
  orgWorkspaceKey,
  uninstalledKey,
  workspaceInstallKey,
  type InstallationRecords,
} from '../installations/installation-records.js';
import { isKeyOfChannel, isKeyOfWorkspace, type WorkspaceEraser } from '../erasure/workspace-eraser.js';
import type { RoleStore } from '../governance/role-store.js';
import { matchesAuditFilter, type AuditEntry, type AuditLog } from '../audit/audit-log.js';
import { appendJsonLines } from './append-json-lines.js';
import { isIdentifier } from '../leaf/check-identifier.js';
import { followCounts } from '../reminders/follow-counts.js';
import { appendHistory, cutTornLine, historyPath, isLoggableTeam, readHistory } from './history-log.js';
import {
  emptyStore,
  parseStore,
  type StoreData,
  type StoredChannel,
  type StoredTeam,
  type StoredWorkspace,
} from './store-schema.js';
import type { Contract } from '../contracts/apply-contract.js';
import {
  applyWatches,
  type ChannelWatches,
  type MilestoneMark,
  type ReminderRecord,
  type WatchStore,
  type WorkspaceWatches,
} from '../reminders/watch-store.js';

export interface LowdbStoreOptions {
  /** How long to wait for another process's lock before answering "busy". Slack allows 3 s in all. */
  lockWaitMs?: number;
  /** How soon after a change the store file is rewritten. */
  checkpointDelayMs?: number;
}

interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

const newTeam = (): StoredTeam => ({ name: null, counts: {}, historyBytes: 0 });

interface PendingChange {
  team: TeamRef;
  /** The counts to set, given the team's counts at the moment the change applies. */
  counts: (current: Readonly<Record<string, number>>) => { release: string; count: number }[];
  by: ChangedBy;
  action: HistoryEntry['action'];
  file?: string;
  resolve: (changes: CountChange[]) => void;
  reject: (error: unknown) => void;
}

// Lookups read the team's contracts on every request; they look at the file for another process's
// changes at most this often. Writes always look (under the lock).
const READ_RECHECK_MS = 1000;
const NO_CONTRACTS: Readonly<Record<string, Contract>> = Object.freeze({});

/** Reminder runs, opening and closing answer nobody within Slack's 3 s: they wait this long for a busy store. */
const RUN_LOCK_WAIT_MS = 15_000;

const newChannel = (): StoredChannel => ({ autoWatch: true, broken: null, watches: {}, contracts: {}, locked: false });

const toChannelWatches = (channel: string, stored: StoredChannel | undefined): ChannelWatches => ({
  channel,
  autoWatch: stored?.autoWatch ?? true,
  broken: stored?.broken ?? null,
  releases: structuredClone(stored?.watches ?? {}),
  contracts: structuredClone(stored?.contracts ?? {}),
});

export class LowdbStore
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
  private seen: FileIdentity | null = null;
  private checkedAt = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private checkpointTimer: NodeJS.Timeout | null = null;
  private pendingChanges: PendingChange[] = [];
  private auditPending: { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private auditFlushing: Promise<void> | null = null;
  readonly historyDir: string;

  private constructor(
    private readonly db: Low<StoreData>,
    readonly path: string,
    private readonly lockWaitMs: number,
    private readonly checkpointDelayMs: number,
  ) {
    this.historyDir = join(dirname(path), `${basename(path, '.json')}.history`);
  }

  /** Opens (or creates) the store; refuses an unreadable one without touching it. */
  static async open(path: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    await mkdir(dirname(path), { recursive: true });
    // Writing replaces the file (a temporary one renamed over it), which a read-only mode would not stop.
    const mode = (await stat(path).catch(() => null))?.mode;
    if (mode !== undefined && (mode & 0o222) === 0)
      throw new StoreFileError(
        `the store ${path} is read-only; make it writable or set EOLWATCH_STORE to another file. It was left as it is`,
      );
    const db = new Low<StoreData>(new DurableJsonFile(path, parseStore(path)), emptyStore());
    const store = new LowdbStore(db, path, options.lockWaitMs ?? 1500, options.checkpointDelayMs ?? 1000);
    // Opening answers nobody within Slack's 3 s either: it waits for a busy store like a reminder run.
    await store.withLock(
      async () => {
        await store.checkEveryLogIsThere();
        if (await store.replayAllHistory(true)) await store.persist();
      },
      true,
      RUN_LOCK_WAIT_MS,
    );
    return store;
  }

  /** One bot serves a JSON store (it holds the bot lock), so a job simply runs. */
  async runOnce<T>(_job: string, _day: string, _runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    return { ran: true, result: await run() };
  }

  /** Writes the checkpoint now; for a clean stop (nothing is lost without it). */
  async close(): Promise<void> {
    const pending = this.checkpointTimer !== null;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    // Every other change was written when it was made: a run that only read (a lookup on the command
    // line) leaves the file untouched.
    if (!pending) return;
    // The last checkpoint is worth waiting for: nobody is waiting on an answer.
    await this.withLock(() => this.persist(), false, RUN_LOCK_WAIT_MS);
  }

  // --- InventoryStore ---

  setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by);
  }

  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy): Promise<CountChange[]> {
    // The history schema caps a file name at 255 characters: a longer one would stop every later read.
    const file = update.file === undefined ? {} : { file: update.file.slice(0, 255) };
    return this.enqueueChange({
      team,
      counts: (current) => countsOfUpdate(current, update),
      by,
      action: update.action,
      ...file,
    });
  }

  clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return this.enqueueChange({ team, counts: clearAll, by, action: 'clear' });
  }

  setTeamName(team: TeamRef, name: string): Promise<void> {
    return this.withLock(async () => {
      this.putTeam(team, { ...(this.storedTeam(team) ?? newTeam()), name });
      await this.persist();
    });
  }

  team(team: TeamRef): Promise<TeamState> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      await this.replayTeamHistory(team, false);
      const stored = this.storedTeam(team);
      return { channel: team.channel, name: stored?.name ?? null, counts: { ...stored?.counts } };
    });
  }

  teams(workspace: string): Promise<TeamState[]> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      await this.replayAllHistory(false, workspace);
      return Object.entries(this.storedWorkspace(workspace)?.teams ?? {})
        .filter(([, stored]) => stored.name !== null || Object.keys(stored.counts).length > 0)
        .map(([channel, stored]) => ({ channel, name: stored.name, counts: { ...stored.counts } }));
    });
  }

  history(team: TeamRef): Promise<HistoryEntry[]> {
    return this.inQueue(async () => (await readHistory(historyPath(this.historyDir, team))).entries);
  }

  // --- WatchStore: few, small writes, each written through at once ---

  channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      return toChannelWatches(ref.channel, this.storedChannel(ref));
    });
  }

  allWatches(): Promise<WorkspaceWatches[]> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      return Object.entries(this.db.data.workspaces).map(([workspace, { channels }]) => ({
        workspace,
        channels: Object.entries(channels).map(([channel, stored]) => toChannelWatches(channel, stored)),
      }));
    });
  }

  watch(
    ref: TeamRef,
    releases: { release: string; leads: number[] }[],
    source: 'manual' | 'auto',
    today: string,
    by?: string,
  ): Promise<void> {
    return this.changeChannel(ref, (channel) => {
      applyWatches(channel.watches, releases, source, today, by);
      if (source === 'manual') channel.broken = null;
    });
  }

  unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    let removed: string[] = [];
    return this.changeChannel(ref, (channel) => {
      removed = releases.filter((release) => channel.watches[release]);
      for (const release of removed) delete channel.watches[release];
    }).then(() => removed);
  }

  setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    return this.changeChannel(ref, (channel) => {
      channel.autoWatch = on;
    });
  }

  markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    return this.changeChannel(ref, (channel) => {
      channel.broken = { reason, at };
    });
  }

  reminderRecords(): Promise<Record<string, ReminderRecord>> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      return { ...this.db.data.reminders };
    });
  }

  recordReminder(key: string, record: ReminderRecord): Promise<void> {
    return this.withLock(
      async () => {
        this.db.data.reminders[key] = record;
        await this.persist();
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    return this.withLock(
      async () => {
        const { result, record } = decideClaim(ownValue(this.db.data.reminders, key), claim, (by, at) =>
          claimHolderAlive(by, at, claim.at),
        );
        if (record) {
          this.db.data.reminders[key] = record;
          await this.persist();
        }
        return result;
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  endClaims(runId: string): Promise<void> {
    return this.withLock(
      async () => {
        const held = Object.entries(this.db.data.reminders).filter(([, record]) => record.claimedBy === runId);
        if (held.length === 0) return;
        for (const [key, record] of held) this.db.data.reminders[key] = withoutClaim(record);
        await this.persist();
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      return { ...this.db.data.milestones };
    });
  }

  markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    return this.withLock(async () => {
      this.db.data.milestones[key] = { ...this.db.data.milestones[key], ...mark };
      await this.persist();
    });
  }

  contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    return this.inQueue(async () => {
      await this.refreshIfChanged(READ_RECHECK_MS);
      return this.storedChannel(ref)?.contracts ?? NO_CONTRACTS;
    });
  }

  setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    return this.changeChannel(ref, (channel) => {
      channel.contracts[release] = contract;
    });
  }

  removeContract(ref: TeamRef, release: string): Promise<boolean> {
    let removed = false;
    return this.changeChannel(ref, (channel) => {
      removed = release in channel.contracts;
      delete channel.contracts[release];
    }).then(() => removed);
  }

  private changeChannel(ref: TeamRef, change: (channel: StoredChannel) => void): Promise<void> {
    return this.withLock(async () => {
      const workspace = this.workspaceForWrite(ref);
      change((workspace.channels[ref.channel] ??= newChannel()));
      await this.persist();
    });
  }

  /** Everything in the store file, for moving it elsewhere (`db import-json`); histories via history(). */
  snapshot(): Promise<StoreData> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      return structuredClone(this.db.data);
    });
  }

  // --- InstallationRecords ---

  saveInstallation(key: string, installation: unknown): Promise<void> {
    return this.withLock(async () => {
      this.db.data.installations[key] = installation;
      await this.persist();
    });
  }

  installation(key: string): Promise<unknown> {
    return this.inQueue(async () => {
      // An uninstall in another process must stop posts here too: always look at the file.
      await this.refreshIfChanged();
      return structuredClone(ownValue(this.db.data.installations, key) ?? null);
    });
  }

  deleteInstallation(key: string): Promise<boolean> {
    return this.withLock(async () => {
      if (!Object.hasOwn(this.db.data.installations, key)) return false;
      delete this.db.data.installations[key];
      await this.persist();
      return true;
    });
  }

  installationKeys(prefix: string): Promise<string[]> {
    return this.inQueue(async () => {
      await this.refreshIfChanged();
      return Object.keys(this.db.data.installations).filter((key) => key.startsWith(prefix));
    });
  }

  // --- AuditLog: one append-only JSON Lines file per workspace, beside the history logs ---

  private auditPath(workspace: string): string {
    if (!isIdentifier(workspace))
      throw new Error(`a malformed id reached the store: ${JSON.stringify(workspace).slice(0, 200)}`);
    return join(dirname(this.path), `${basename(this.path, '.json')}.audit`, `${workspace}.jsonl`);
  }

  /**
   * Group commit, as for counts: entries that arrive while an append is under way go together in the
   * next one, one append and one fsync per workspace's log, so a burst of changes costs a few fsyncs.
   */
  appendAudit(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.auditPending.push({ entry, resolve, reject });
      this.auditFlushing ??= this.flushAudit();
    });
  }

  private async flushAudit(): Promise<void> {
    while (this.auditPending.length > 0) {
      const batch = this.auditPending.splice(0);
      const byWorkspace = new Map<string, typeof batch>();
      for (const pending of batch)
        byWorkspace.set(pending.entry.workspace, [...(byWorkspace.get(pending.entry.workspace) ?? []), pending]);
      for (const [workspace, pendings] of byWorkspace) {
        try {
          await appendJsonLines(
            this.auditPath(workspace),
            pendings.map((pending) => pending.entry),
          );
          for (const pending of pendings) pending.resolve();
        } catch (error) {
          const reason = new StoreWriteError(
            `could not write the audit log (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          );
          for (const pending of pendings) pending.reject(reason);
        }
      }
    }
    this.auditFlushing = null;
  }

  auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    return this.inQueue(async () => {
      const text = await readFile(this.auditPath(workspace), 'utf8').catch(() => '');
      // A torn last line (a crash mid-append) was never acknowledged: it is left out.
      const lines = text.split('\n').slice(0, -1);
      return lines.map((line) => JSON.parse(line) as AuditEntry).filter((entry) => matchesAuditFilter(entry, filter));
    });
  }

  // --- RoleStore ---

  admins(workspace: string): Promise<string[]> {
    return this.inQueue(async () => {
      await this.refreshIfChanged(READ_RECHECK_MS);
      return [...(this.storedWorkspace(workspace)?.admins ?? [])].sort();
    });
  }

  setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    return this.withLock(async () => {
      const stored = this.workspaceForWrite(workspace);
      if (stored.admins.includes(user) === admin) return false;
      stored.admins = admin ? [...stored.admins, user] : stored.admins.filter((held) => held !== user);
      await this.persist();
      return true;
    });
  }

  channelLocked(ref: TeamRef): Promise<boolean> {
    return this.inQueue(async () => {
      await this.refreshIfChanged(READ_RECHECK_MS);
      return this.storedChannel(ref)?.locked ?? false;
    });
  }

  setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    return this.changeChannel(ref, (channel) => {
      channel.locked = locked;
    });
  }

  // --- WorkspaceEraser ---

  forgetWorkspace(workspace: string): Promise<void> {
    return this.withLock(
      async () => {
        await this.auditFlushing;
        if (!isIdentifier(workspace))
          throw new Error(`a malformed id reached the store: ${JSON.stringify(workspace).slice(0, 200)}`);
        const data = this.db.data;
        delete data.workspaces[workspace];
        for (const key of Object.keys(data.reminders)) if (isKeyOfWorkspace(key, workspace)) delete data.reminders[key];
        for (const key of Object.keys(data.milestones))
          if (isKeyOfWorkspace(key, workspace)) delete data.milestones[key];
        for (const [hash, token] of Object.entries(data.apiTokens))
          if (token.workspace === workspace) delete data.apiTokens[hash];
        delete data.installations[workspaceInstallKey(workspace)];
        delete data.installations[uninstalledKey(workspace)];
        delete data.installations[orgWorkspaceKey(workspace)];
        // The store file first: should removing the logs fail, no team is left without its log.
        await this.persist();
        await rm(join(this.historyDir, workspace), { recursive: true, force: true });
        await rm(this.auditPath(workspace), { force: true });
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  forgetChannel(ref: TeamRef): Promise<void> {
    return this.withLock(
      async () => {
        await this.auditFlushing;
        if (!isLoggableTeam(ref))
          throw new Error(`a malformed id reached the store: ${JSON.stringify(ref).slice(0, 200)}`);
        const data = this.db.data;
        const stored = this.storedWorkspace(ref.workspace);
        if (stored) {
          delete stored.teams[ref.channel];
          delete stored.channels[ref.channel];
        }
        for (const key of Object.keys(data.reminders)) if (isKeyOfChannel(key, ref)) delete data.reminders[key];
        for (const key of Object.keys(data.milestones)) if (isKeyOfChannel(key, ref)) delete data.milestones[key];
        await this.persist();
        await rm(historyPath(this.historyDir, ref), { force: true });
        // The audit log is append-only but for erasure: rewritten whole, atomically, without the channel.
        const path = this.auditPath(ref.workspace);
        const text = await readFile(path, 'utf8').catch(() => null);
        if (text !== null) {
          const kept = text
            .split('\n')
            .slice(0, -1)
            .filter((line) => (JSON.parse(line) as AuditEntry).channel !== ref.channel);
          const temporary = `${path}.${process.pid}.tmp`;
          await writeFile(temporary, kept.map((line) => `${line}\n`).join(''));
          await rename(temporary, path);
        }
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  // --- ApiTokenStore ---

  addApiToken(token: ApiToken): Promise<boolean> {
    return this.withLock(async () => {
      if (!isIdentifier(token.workspace))
        throw new Error(`a malformed id reached the store: ${JSON.stringify(token.workspace).slice(0, 200)}`);
      if (
        Object.values(this.db.data.apiTokens).some(
          (held) => held.workspace === token.workspace && held.name === token.name,
        )
      )
        return false;
      this.db.data.apiTokens[token.hash] = { ...token };
      await this.persist();
      return true;
    });
  }

  apiTokens(workspace: string): Promise<ApiToken[]> {
    return this.inQueue(async () => {
      await this.refreshIfChanged(READ_RECHECK_MS);
      return Object.values(this.db.data.apiTokens)
        .filter((token) => token.workspace === workspace)
        .map((token) => ({ ...token }));
    });
  }

  apiTokenByHash(hash: string): Promise<ApiToken | null> {
    return this.inQueue(async () => {
      // A revoked token must stop at once, in every process: always look at the file.
      await this.refreshIfChanged();
      const token = ownValue(this.db.data.apiTokens, hash);
      return token ? { ...token } : null;
    });
  }

  revokeApiToken(workspace: string, name: string): Promise<boolean> {
    return this.withLock(async () => {
      const found = Object.values(this.db.data.apiTokens).find(
        (token) => token.workspace === workspace && token.name === name,
      );
      if (!found) return false;
      delete this.db.data.apiTokens[found.hash];
      await this.persist();
      return true;
    });
  }

  markApiTokenUsed(hash: string, at: string): Promise<void> {
    return this.withLock(async () => {
      const token = ownValue(this.db.data.apiTokens, hash);
      if (!token) return;
      token.lastUsedAt = at;
      this.scheduleCheckpoint();
    });
  }

  // --- writing ---

  /**
   * Group commit: changes that arrive while a write is under way wait for the next one and go to disk
   * together, one append and one fsync per team log, so a burst of updates costs a few fsyncs instead
   * of one each. Each change still applies all or nothing, in arrival order.
   */
  private enqueueChange(change: Omit<PendingChange, 'resolve' | 'reject'>): Promise<CountChange[]> {
    return new Promise((resolve, reject) => {
      this.pendingChanges.push({ ...change, resolve, reject });
      if (this.pendingChanges.length === 1) {
        this.withLock(() => this.commitPendingChanges()).catch((error: unknown) => {
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
        await this.replayTeamHistory(team, true);
        const stored = this.storedTeam(team) ?? newTeam();
        let counts = stored.counts;
        const entries: HistoryEntry[] = [];
        // A change that cannot apply (adding past the limit) fails alone; the others still land.
        const results = changes.map((pending): CountChange[] | { failed: unknown } => {
          let applied;
          try {
            applied = applyCounts(counts, pending.counts(counts));
          } catch (error) {
            return { failed: error };
          }
          counts = applied.next;
          const file = pending.file === undefined ? {} : { file: pending.file };
          entries.push(
            ...applied.changes.map((change) => ({ ...change, ...pending.by, action: pending.action, ...file })),
          );
          return applied.changes;
        });
        // Memory changes only once the lines are on disk: a failed append leaves the team as it was.
        if (entries.length > 0) {
          const historyBytes = await appendHistory(historyPath(this.historyDir, team), entries).catch(
            (error: NodeJS.ErrnoException) => {
              throw new StoreWriteError(
                `could not write ${historyPath(this.historyDir, team)} (${error.code ?? error.message})`,
              );
            },
          );
          this.putTeam(team, { ...stored, counts, historyBytes });
          // The automatic watches go with the counts: written now if they changed; should that write
          // fail, the log has the counts and replaying them brings the watches back.
          if (this.followEntries(team, entries)) await this.persist().catch(() => undefined);
          else this.scheduleCheckpoint();
        }
        changes.forEach((pending, index) => {
          const result = results[index] ?? [];
          if ('failed' in result) pending.reject(result.failed);
          else pending.resolve(result);
        });
      } catch (error) {
        for (const pending of changes) pending.reject(error);
      }
    }
  }

  private scheduleCheckpoint(): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      // A failed checkpoint loses nothing (the logs have it all); the next change schedules another.
      this.withLock(() => this.persist()).catch(() => undefined);
    }, this.checkpointDelayMs);
    this.checkpointTimer.unref();
  }

  // Ids are keys of plain objects read from JSON: only own keys are read ("toString" is no workspace),
  // and only well-formed ids are ever written, whoever calls; the edges refuse others first.
  private storedWorkspace(workspace: string): StoredWorkspace | undefined {
    return ownValue(this.db.data.workspaces, workspace);
  }

  private storedTeam(team: TeamRef): StoredTeam | undefined {
    return ownValue(this.storedWorkspace(team.workspace)?.teams, team.channel);
  }

  private storedChannel(ref: TeamRef): StoredChannel | undefined {
    return ownValue(this.storedWorkspace(ref.workspace)?.channels, ref.channel);
  }

  /** A workspace to change (a team's, or the workspace itself), made if new; only well-formed ids. */
  private workspaceForWrite(ref: TeamRef | string): StoredWorkspace {
    const wellFormed = typeof ref === 'string' ? isIdentifier(ref) : isLoggableTeam(ref);
    if (!wellFormed) throw new Error(`a malformed id reached the store: ${JSON.stringify(ref).slice(0, 200)}`);
    const workspace = typeof ref === 'string' ? ref : ref.workspace;
    return (this.db.data.workspaces[workspace] = this.storedWorkspace(workspace) ?? {
      teams: {},
      channels: {},
      admins: [],
    });
  }

  private putTeam(team: TeamRef, stored: StoredTeam): void {
    this.workspaceForWrite(team).teams[team.channel] = stored;
  }

  private async persist(): Promise<void> {
    try {
      await this.db.write();
      this.seen = await this.identity();
    } catch (error) {
      this.seen = null; // memory may now be ahead of the disk: re-read before the next use
      throw error;
    }
  }

  // --- recovery: history the store does not include yet (a crash between the two writes) ---

  /** Catches up on the team's log. Only a lock holder may cut a torn line: without the lock it may be
   * another process's append in progress. */
  private async replayTeamHistory(team: TeamRef, locked: boolean): Promise<boolean> {
    if (!isLoggableTeam(team)) return false; // no such team can have been stored
    const path = historyPath(this.historyDir, team);
    const stored = this.storedTeam(team) ?? newTeam();
    const size = (await stat(path).catch(() => null))?.size ?? 0;
    if (size === stored.historyBytes) return false;
    if (size < stored.historyBytes)
      throw new StoreFileError(
        `the history ${path} is ${size === 0 ? 'missing' : 'shorter than the store records'}; it was left as it is`,
      );
    const tail = await readHistory(path, stored.historyBytes);
    if (locked) await cutTornLine(path, tail.endOfLastLine);
    if (tail.entries.length === 0) return false;
    const { next } = applyCounts(
      stored.counts,
      tail.entries.map((entry) => ({ release: entry.release, count: entry.to })),
    );
    this.putTeam(team, { ...stored, counts: next, historyBytes: tail.endOfLastLine });
    this.followEntries(team, tail.entries);
    return true;
  }

  /** At start: every team the store says has history must still have all of it (a deleted log is not "no history"). */
  private async checkEveryLogIsThere(): Promise<void> {
    for (const [workspace, stored] of Object.entries(this.db.data.workspaces)) {
      for (const [channel, team] of Object.entries(stored.teams)) {
        if (team.historyBytes === 0 || !isLoggableTeam({ workspace, channel })) continue;
        const path = historyPath(this.historyDir, { workspace, channel });
        const size = (await stat(path).catch(() => null))?.size ?? 0;
        if (size < team.historyBytes)
          throw new StoreFileError(
            `the history ${path} is ${size === 0 ? 'missing' : 'shorter than the store records'}; it was left as it is`,
          );
      }
    }
  }

  /** Applies the automatic watches that count changes (set, not clear) bring; true when any changed. */
  private followEntries(team: TeamRef, entries: readonly HistoryEntry[]): boolean {
    const channel = (this.workspaceForWrite(team).channels[team.channel] ??= newChannel());
    let changed = false;
    for (const entry of entries) {
      if (entry.action !== 'clear')
        changed = followCounts(channel.autoWatch, channel.watches, [entry], entry.at.slice(0, 10)) || changed;
    }
    return changed;
  }

  private async replayAllHistory(locked: boolean, onlyWorkspace?: string): Promise<boolean> {
    const workspaces = onlyWorkspace ? [onlyWorkspace] : await readdir(this.historyDir).catch(() => [] as string[]);
    let replayed = false;
    for (const workspace of workspaces) {
      for (const file of await readdir(join(this.historyDir, workspace)).catch(() => [] as string[])) {
        const team = { workspace, channel: file.slice(0, -'.jsonl'.length) };
        // A file no edge could have made (left by hand, or by a version without these checks) is no team.
        if (!file.endsWith('.jsonl') || !isLoggableTeam(team)) continue;
        replayed = (await this.replayTeamHistory(team, locked)) || replayed;
      }
    }
    return replayed;
  }

  // --- concurrency ---

  private async identity(): Promise<FileIdentity | null> {
    const found = await stat(this.path).catch(() => null);
    return found ? { ino: found.ino, size: found.size, mtimeMs: found.mtimeMs } : null;
  }

  /** Re-reads the file when another process has replaced it since we last read or wrote it; with
   * `recheckMs`, only if the last look is older than that. */
  private async refreshIfChanged(recheckMs = 0): Promise<void> {
    if (recheckMs > 0 && this.seen && Date.now() - this.checkedAt < recheckMs) return;
    this.checkedAt = Date.now();
    const now = await this.identity();
    if (
      now &&
      this.seen &&
      now.ino === this.seen.ino &&
      now.size === this.seen.size &&
      now.mtimeMs === this.seen.mtimeMs
    )
      return;
    await this.db.read();
    this.seen = now;
  }

  /** One operation at a time in this process, in arrival order. */
  private inQueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** In the queue and holding the cross-process file lock, with fresh data. */
  private withLock<T>(work: () => Promise<T>, creating = false, waitMs = this.lockWaitMs): Promise<T> {
    return this.inQueue(async () => {
      const release = await this.takeFileLock(waitMs);
      try {
        await this.refreshIfChanged();
        if (creating && !this.seen) await this.persist();
        return await work();
      } finally {
        await rm(this.lockOwnerPath, { force: true }).catch(() => undefined);
        await release();
      }
    });
  }

  private get lockOwnerPath(): string {
    return `${this.path}.lock-owner`;
  }

  /**
   * The cross-process lock (proper-lockfile), with who holds it written beside it: a lock left by a
   * process on this host that is gone (a crash, a closed terminal) is taken over at once rather than
   * after proper-lockfile's 10 s staleness.
   */
  private async takeFileLock(waitMs: number): Promise<() => Promise<void>> {
    const options = {
      realpath: false,
      stale: 10_000,
      retries: { retries: Math.max(1, Math.ceil(waitMs / 100)), minTimeout: 20, maxTimeout: 100, factor: 1.5 },
    };
    for (let attempt = 0; ; attempt += 1) {
      try {
        const release = await lockfile.lock(this.path, attempt === 0 ? { ...options, retries: 0 } : options);
        await writeFile(this.lockOwnerPath, `${hostname()}/${process.pid}`).catch(() => undefined);
        return release;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
        if (attempt > 0) throw new StoreBusyError(`the store ${this.path} is locked by another process`);
        const [host, pid] = (await readFile(this.lockOwnerPath, 'utf8').catch(() => '')).split('/');
        if (
          host === hostname() &&
          pid &&
          /^\d+$/.test(pid) &&
          Number(pid) !== process.pid &&
          !processAlive(Number(pid))
        ) {
          await rm(`${this.path}.lock`, { recursive: true, force: true });
          await rm(this.lockOwnerPath, { force: true });
        }
      }
    }
  }
}

function ownValue<V>(map: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}
