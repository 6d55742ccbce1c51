// The JSON store's engine: a lowdb file for the current state, beside it one append-only history log
// per team (history-log.ts), a cross-process file lock and an in-process queue. The role modules beside
// this file (counts, watches, audit, records, erasure) read and write through it.
//
// The history logs are the record of every change; the store file is a checkpoint of what they add up
// to, noting how many bytes of each log it includes. Writing a change: take the file lock (other
// processes) and the in-process queue (other requests), catch up on the team's log, append the new
// lines and fsync them. Then the caller hears "saved". The store file is rewritten (atomically, fsync'd)
// at most once a second, off the request's path: rewriting it on every update cost 9 ms a change at
// 1,000 teams (bench/inventory-store.ts). Any reader, in this process or another, replays the log
// tail past the checkpoint, so nothing in the logs is ever missed, after a crash included. The
// automatic watches a count change starts or stops are part of that replay (followEntries): they
// are written with the next checkpoint, not by rewriting the whole file under the change's lock.
import { Low } from 'lowdb';
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { applyCounts, StoreBusyError, type HistoryEntry, type TeamRef } from '../../inventory/inventory-store.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import { followCounts } from '../../reminders/follow-counts.js';
import { DurableJsonFile, StoreFileError } from '../durable-json-file.js';
import { cutTornLine, historyPath, isLoggableTeam, readHistory } from '../history-log.js';
import { processAlive } from '../run-claims.js';
import {
  emptyStore,
  parseStore,
  type StoreData,
  type StoredChannel,
  type StoredTeam,
  type StoredWorkspace,
} from '../store-schema.js';

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

/** Reminder runs, opening and closing answer nobody within Slack's 3 s: they wait this long for a busy store. */
export const RUN_LOCK_WAIT_MS = 15_000;

export const newTeam = (): StoredTeam => ({ name: null, counts: {}, historyBytes: 0 });
const newChannel = (): StoredChannel => ({
  autoWatch: true,
  broken: null,
  watches: {},
  contracts: {},
  locked: false,
});

/** Only own keys are read from objects parsed from JSON: "toString" is no workspace. */
export function ownValue<V>(map: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

export function malformedId(id: unknown): Error {
  return new Error(`a malformed id reached the store: ${JSON.stringify(id).slice(0, 200)}`);
}

export class JsonFileStore {
  private seen: FileIdentity | null = null;
  private checkedAt = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private checkpointTimer: NodeJS.Timeout | null = null;
  /** A checkpoint whose timer has fired and that is still writing: close() waits for it. */
  private checkpointRunning: Promise<void> | null = null;
  /** The watch-change journal's size when this process's memory last included every change it marks. */
  private watchJournalSeen = -1;
  readonly historyDir: string;

  private constructor(
    private readonly db: Low<StoreData>,
    readonly path: string,
    private readonly lockWaitMs: number,
    private readonly checkpointDelayMs: number,
  ) {
    this.historyDir = join(dirname(path), `${basename(path, '.json')}.history`);
  }

  /** Opens (or creates) the store file; refuses an unreadable one without touching it. */
  static async open(path: string, options: LowdbStoreOptions = {}): Promise<JsonFileStore> {
    await mkdir(dirname(path), { recursive: true });
    // Writing replaces the file (a temporary one renamed over it), which a read-only mode would not stop.
    const mode = (await stat(path).catch(() => null))?.mode;
    if (mode !== undefined && (mode & 0o222) === 0)
      throw new StoreFileError(
        `the store ${path} is read-only; make it writable or set EOLWATCH_STORE to another file. It was left as it is`,
      );
    const db = new Low<StoreData>(new DurableJsonFile(path, parseStore(path)), emptyStore());
    const store = new JsonFileStore(db, path, options.lockWaitMs ?? 1500, options.checkpointDelayMs ?? 1000);
    // Opening answers nobody within Slack's 3 s either: it waits for a busy store like a reminder run.
    await store.withLock(
      async () => {
        await store.checkEveryLogIsThere();
        const journal = await store.watchJournalSize();
        if (await store.replayAllHistory(true)) await store.persist();
        store.watchJournalSeen = journal;
      },
      true,
      RUN_LOCK_WAIT_MS,
    );
    return store;
  }

  /** The state as last read or written; change it only inside withLock. */
  get data(): StoreData {
    return this.db.data;
  }

  /** Writes the checkpoint now; for a clean stop (nothing is lost without it). */
  async close(): Promise<void> {
    const pending = this.checkpointTimer !== null;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    // One already writing finishes before the store is called closed (a folder removed or a process
    // ended right after close() must not cut it short).
    await this.checkpointRunning;
    // Every other change was written when it was made: a run that only read (a lookup on the command
    // line) leaves the file untouched.
    if (!pending) return;
    // The last checkpoint is worth waiting for: nobody is waiting on an answer.
    await this.withLock(() => this.persist(), false, RUN_LOCK_WAIT_MS);
  }

  /** Rewrites the store file soon, off the request's path (the logs already hold the change). */
  scheduleCheckpoint(): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      // A failed checkpoint loses nothing (the logs have it all); the next change schedules another.
      const running: Promise<void> = this.withLock(() => this.persist())
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          if (this.checkpointRunning === running) this.checkpointRunning = null;
        });
      this.checkpointRunning = running;
    }, this.checkpointDelayMs);
    this.checkpointTimer.unref();
  }

  // Ids are keys of plain objects read from JSON: only own keys are read, and only well-formed ids are
  // ever written, whoever calls; the edges refuse others first.
  storedWorkspace(workspace: string): StoredWorkspace | undefined {
    return ownValue(this.db.data.workspaces, workspace);
  }

  storedTeam(team: TeamRef): StoredTeam | undefined {
    return ownValue(this.storedWorkspace(team.workspace)?.teams, team.channel);
  }

  storedChannel(ref: TeamRef): StoredChannel | undefined {
    return ownValue(this.storedWorkspace(ref.workspace)?.channels, ref.channel);
  }

  /** A workspace to change (a team's, or the workspace itself), made if new; only well-formed ids. */
  workspaceForWrite(ref: TeamRef | string): StoredWorkspace {
    const wellFormed = typeof ref === 'string' ? isIdentifier(ref) : isLoggableTeam(ref);
    if (!wellFormed) throw malformedId(ref);
    const workspace = typeof ref === 'string' ? ref : ref.workspace;
    return (this.db.data.workspaces[workspace] = this.storedWorkspace(workspace) ?? {
      teams: {},
      channels: {},
      admins: [],
    });
  }

  putTeam(team: TeamRef, stored: StoredTeam): void {
    this.workspaceForWrite(team).teams[team.channel] = stored;
  }

  /** A channel's settings changed under the lock and written through at once. */
  changeChannel(ref: TeamRef, change: (channel: StoredChannel) => void): Promise<void> {
    return this.withLock(async () => {
      // The team's logged count changes first, with the automatic watches they bring: in their order.
      await this.replayTeamHistory(ref, true);
      const workspace = this.workspaceForWrite(ref);
      change((workspace.channels[ref.channel] ??= newChannel()));
      await this.persist();
    });
  }

  async persist(): Promise<void> {
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
  async replayTeamHistory(team: TeamRef, locked: boolean): Promise<boolean> {
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
  followEntries(team: TeamRef, entries: readonly HistoryEntry[]): boolean {
    const channel = (this.workspaceForWrite(team).channels[team.channel] ??= newChannel());
    let changed = false;
    for (const entry of entries) {
      if (entry.action !== 'clear')
        changed = followCounts(channel.autoWatch, channel.watches, [entry], entry.at.slice(0, 10)) || changed;
    }
    return changed;
  }

  // --- automatic watches changed by another process, between checkpoints ---
  // A count change that starts or stops an automatic watch appends one byte to the journal, under the
  // lock. A reader of every channel's watches compares the journal's size with what it last saw: the
  // same, and its memory has every such change; grown, and another process made one, so every team's
  // log tail is replayed. One stat a read instead of one per team.

  private get watchJournalPath(): string {
    return `${this.path}.watch-changes`;
  }

  private async watchJournalSize(): Promise<number> {
    return (await stat(this.watchJournalPath).catch(() => null))?.size ?? 0;
  }

  /** Under the lock, after a commit that changed automatic watches in memory. */
  async noteWatchesChanged(): Promise<void> {
    const before = await this.watchJournalSize();
    await appendFile(this.watchJournalPath, '.');
    // Only this process's own mark was added: memory still has every change the journal marks.
    if (before === this.watchJournalSeen) this.watchJournalSeen = before + 1;
  }

  /** Every team's log tail replayed, if another process changed automatic watches since the last look. */
  async catchUpOnWatches(): Promise<void> {
    const size = await this.watchJournalSize();
    if (size === this.watchJournalSeen) return;
    await this.replayAllHistory(false);
    this.watchJournalSeen = size;
  }

  async replayAllHistory(locked: boolean, onlyWorkspace?: string): Promise<boolean> {
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
  async refreshIfChanged(recheckMs = 0): Promise<void> {
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
    // The file read may hold less than memory did (another process's checkpoint): look at every log again.
    this.watchJournalSeen = -1;
  }

  /** One operation at a time in this process, in arrival order. */
  inQueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** In the queue and holding the cross-process file lock, with fresh data. */
  withLock<T>(work: () => Promise<T>, creating = false, waitMs = this.lockWaitMs): Promise<T> {
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
        if (await this.holderIsGone()) await this.takeOverDeadLock();
      }
    }
  }

  /** Whether the lock's owner, as written beside it, is a process on this host that is no longer running. */
  private async holderIsGone(): Promise<boolean> {
    const [host, pid] = (await readFile(this.lockOwnerPath, 'utf8').catch(() => '')).split('/');
    return (
      host === hostname() && !!pid && /^\d+$/.test(pid) && Number(pid) !== process.pid && !processAlive(Number(pid))
    );
  }

  /**
   * Removes a dead holder's lock, one taker at a time: each takes the takeover lock and looks at the owner
   * again before removing anything, so a lock that another taker has already replaced (and a live process
   * now holds) is never removed. Removing and re-creating without that let two writers in at once.
   */
  private async takeOverDeadLock(): Promise<void> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(`${this.path}.takeover`, {
        realpath: false,
        stale: 10_000,
        retries: { retries: 50, minTimeout: 10, maxTimeout: 50 },
      });
    } catch {
      return; // another taker is at it: the lock is tried again as usual
    }
    try {
      if (await this.holderIsGone()) {
        await rm(`${this.path}.lock`, { recursive: true, force: true });
        await rm(this.lockOwnerPath, { force: true });
      }
    } finally {
      await release().catch(() => undefined);
    }
  }
}
