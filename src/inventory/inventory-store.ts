// What eolwatch keeps about each team's machines, and the role any store of it plays.
// A team is the channel its counts are posted in; everything is keyed by Slack workspace first.
import type { AuditEntry } from '../audit/audit-log.js';

export interface TeamRef {
  workspace: string;
  channel: string;
}

/** `product/release`, e.g. `windows/8.1`: the catalogue's names, stable across renames of labels. */
export type ReleaseKey = string;

export interface ChangedBy {
  user: string;
  /** ISO date-time. */
  at: string;
}

export interface CountChange {
  release: ReleaseKey;
  from: number;
  to: number;
}

/** How a count changed: typed, cleared, imported from a file, or sent over the HTTP API. */
export type CountAction = 'set' | 'clear' | 'import' | 'api' | 'connector';

export interface HistoryEntry extends CountChange, ChangedBy {
  action: CountAction;
  /** The imported file's name; for a connector's sync, the connector's. */
  file?: string;
}

export interface CountUpdate {
  /** `set`: only the given releases change; `replace`: every other release goes to 0; `add`: added to today's. */
  mode: 'set' | 'replace' | 'add';
  counts: { release: ReleaseKey; count: number }[];
  action: CountAction;
  file?: string;
}

export interface TeamState {
  channel: string;
  name: string | null;
  /** Only non-zero counts. */
  counts: Record<ReleaseKey, number>;
}

/** What a count change changed, and the team just after it: its answer needs no second read. */
export interface CountsUpdated {
  changes: CountChange[];
  team: TeamState;
}

export interface InventoryStore {
  /** Applies every change or none, and resolves only once they are on disk. Returns what changed. */
  setCounts(team: TeamRef, counts: { release: ReleaseKey; count: number }[], by: ChangedBy): Promise<CountChange[]>;
  /**
   * Like setCounts, for every way of changing counts: applied to the counts as they are when it lands.
   * `audit` makes the change's audit entry from what changed; the store writes it with the change (in the
   * same transaction where it has them) and, where it cannot, throws AuditWriteError after saving.
   */
  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy, audit?: AuditOfChanges): Promise<CountsUpdated>;
  /** Sets every count of the team to 0, recorded like any change. */
  clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]>;
  setTeamName(team: TeamRef, name: string): Promise<void>;
  team(team: TeamRef): Promise<TeamState>;
  /** Every team of one workspace that has a name or a count. */
  teams(workspace: string): Promise<TeamState[]>;
  /** Oldest first. */
  history(team: TeamRef): Promise<HistoryEntry[]>;
  /** Flushes what a store keeps in memory; for a clean stop. */
  close(): Promise<void>;
}

/** The store could not take its lock in time: another process is writing. Nothing was changed. */
export class StoreBusyError extends Error {}

/** A change could not be written (a full disk, a read-only folder). Nothing was changed. */
export class StoreWriteError extends Error {}

/** The audit entry a count change calls for, once its changes are known; null for none. */
export type AuditOfChanges = (changes: CountChange[]) => AuditEntry | null;

/** The counts were saved, but their audit entry could not be written. */
export class AuditWriteError extends Error {
  constructor(readonly saved: CountsUpdated) {
    super('the audit entry could not be written');
  }
}

/** Adding would take a count past MAX_COUNT. Nothing was changed. */
export class CountLimitError extends Error {}

export const MAX_COUNT = 10_000_000;
export const MAX_TEAM_NAME_LENGTH = 80;

/** Applies counts to a team's current ones: the changes (0 removes a line) and the new counts. */
export function applyCounts(
  current: Readonly<Record<ReleaseKey, number>>,
  counts: { release: ReleaseKey; count: number }[],
): {
  changes: CountChange[];
  next: Record<ReleaseKey, number>;
} {
  const next = { ...current };
  const changes: CountChange[] = [];
  for (const { release, count } of counts) {
    const from = next[release] ?? 0;
    if (from === count) continue;
    changes.push({ release, from, to: count });
    if (count === 0) delete next[release];
    else next[release] = count;
  }
  return { changes, next };
}

/** The counts an update sets, given the team's counts at the moment it applies. */
export function countsOfUpdate(
  current: Readonly<Record<ReleaseKey, number>>,
  update: CountUpdate,
): { release: ReleaseKey; count: number }[] {
  if (update.mode === 'set') return update.counts;
  if (update.mode === 'replace') {
    const given = new Set(update.counts.map(({ release }) => release));
    return [
      ...update.counts,
      ...Object.keys(current)
        .filter((release) => !given.has(release))
        .map((release) => ({ release, count: 0 })),
    ];
  }
  return update.counts.map(({ release, count }) => {
    const sum = (Object.hasOwn(current, release) ? (current[release] ?? 0) : 0) + count;
    if (sum > MAX_COUNT) throw new CountLimitError(`${release} would have ${sum} machines, more than ${MAX_COUNT}`);
    return { release, count: sum };
  });
}

/** The counts that clear a team: every release it has, to 0. */
export const clearAll = (current: Readonly<Record<ReleaseKey, number>>): { release: ReleaseKey; count: number }[] =>
  Object.keys(current).map((release) => ({ release, count: 0 }));
