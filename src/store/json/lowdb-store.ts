// The JSON store (the embedded default): every store role eolwatch uses, each in its own module over
// one engine (json-file-store.ts: the file, its lock, queue, logs, checkpoint and replay). This class
// only opens them together and hands each call to its role.
import type { ApiToken } from '../../api-tokens/api-token-store.js';
import type { AuditEntry } from '../../audit/audit-log.js';
import type { Contract } from '../../contracts/apply-contract.js';
import type { EolwatchStore } from '../../eolwatch-store.js';
import type {
  ChangedBy,
  CountChange,
  CountUpdate,
  HistoryEntry,
  TeamRef,
  TeamState,
} from '../../inventory/inventory-store.js';
import type { JobOutcome } from '../../jobs/job-coordinator.js';
import type {
  ChannelWatches,
  ClaimResult,
  MilestoneMark,
  ReminderClaim,
  ReminderRecord,
  WorkspaceWatches,
} from '../../reminders/watch-store.js';
import type { StoreData } from '../store-schema.js';
import { JsonAudit } from './json-audit.js';
import { JsonErasure } from './json-erasure.js';
import { JsonFileStore, type LowdbStoreOptions } from './json-file-store.js';
import { JsonInventory } from './json-inventory.js';
import { JsonRecords } from './json-records.js';
import { JsonWatches } from './json-watches.js';

export type { LowdbStoreOptions } from './json-file-store.js';

export class LowdbStore implements EolwatchStore {
  private readonly inventory: JsonInventory;
  private readonly watches: JsonWatches;
  private readonly audit: JsonAudit;
  private readonly records: JsonRecords;
  private readonly erasure: JsonErasure;

  private constructor(private readonly engine: JsonFileStore) {
    this.inventory = new JsonInventory(engine);
    this.watches = new JsonWatches(engine);
    this.audit = new JsonAudit(engine);
    this.records = new JsonRecords(engine);
    this.erasure = new JsonErasure(engine, this.audit);
  }

  /** Opens (or creates) the store; refuses an unreadable one without touching it. */
  static async open(path: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    return new LowdbStore(await JsonFileStore.open(path, options));
  }

  get path(): string {
    return this.engine.path;
  }

  get historyDir(): string {
    return this.engine.historyDir;
  }

  /** Writes the checkpoint now; for a clean stop (nothing is lost without it). */
  close(): Promise<void> {
    return this.engine.close();
  }

  /** Everything in the store file, for moving it elsewhere (`db import-json`); histories via history(). */
  snapshot(): Promise<StoreData> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      return structuredClone(this.engine.data);
    });
  }

  /** One bot serves a JSON store (it holds the bot lock), so a job simply runs. */
  async runOnce<T>(_job: string, _day: string, _runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    return { ran: true, result: await run() };
  }

  // --- InventoryStore ---
  setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return this.inventory.setCounts(team, counts, by);
  }
  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy): Promise<CountChange[]> {
    return this.inventory.updateCounts(team, update, by);
  }
  clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return this.inventory.clearTeam(team, by);
  }
  setTeamName(team: TeamRef, name: string): Promise<void> {
    return this.inventory.setTeamName(team, name);
  }
  team(team: TeamRef): Promise<TeamState> {
    return this.inventory.team(team);
  }
  teams(workspace: string): Promise<TeamState[]> {
    return this.inventory.teams(workspace);
  }
  history(team: TeamRef): Promise<HistoryEntry[]> {
    return this.inventory.history(team);
  }

  // --- WatchStore ---
  channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    return this.watches.channelWatches(ref);
  }
  allWatches(): Promise<WorkspaceWatches[]> {
    return this.watches.allWatches();
  }
  watch(
    ref: TeamRef,
    releases: { release: string; leads: number[] }[],
    source: 'manual' | 'auto',
    today: string,
    by?: string,
  ): Promise<void> {
    return this.watches.watch(ref, releases, source, today, by);
  }
  unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    return this.watches.unwatch(ref, releases);
  }
  setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    return this.watches.setAutoWatch(ref, on);
  }
  markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    return this.watches.markBroken(ref, reason, at);
  }
  reminderRecords(): Promise<Record<string, ReminderRecord>> {
    return this.watches.reminderRecords();
  }
  recordReminder(key: string, record: ReminderRecord): Promise<void> {
    return this.watches.recordReminder(key, record);
  }
  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    return this.watches.claimReminder(key, claim);
  }
  endClaims(runId: string): Promise<void> {
    return this.watches.endClaims(runId);
  }
  milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    return this.watches.milestoneMarks();
  }
  markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    return this.watches.markMilestone(key, mark);
  }
  contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    return this.watches.contracts(ref);
  }
  setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    return this.watches.setContract(ref, release, contract);
  }
  removeContract(ref: TeamRef, release: string): Promise<boolean> {
    return this.watches.removeContract(ref, release);
  }

  // --- AuditLog ---
  appendAudit(entry: AuditEntry): Promise<void> {
    return this.audit.appendAudit(entry);
  }
  auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    return this.audit.auditEntries(workspace, filter);
  }

  // --- InstallationRecords, RoleStore, ApiTokenStore ---
  saveInstallation(key: string, installation: unknown): Promise<void> {
    return this.records.saveInstallation(key, installation);
  }
  installation(key: string): Promise<unknown> {
    return this.records.installation(key);
  }
  deleteInstallation(key: string): Promise<boolean> {
    return this.records.deleteInstallation(key);
  }
  installationKeys(prefix: string): Promise<string[]> {
    return this.records.installationKeys(prefix);
  }
  admins(workspace: string): Promise<string[]> {
    return this.records.admins(workspace);
  }
  setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    return this.records.setAdmin(workspace, user, admin);
  }
  channelLocked(ref: TeamRef): Promise<boolean> {
    return this.records.channelLocked(ref);
  }
  setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    return this.records.setChannelLock(ref, locked);
  }
  addApiToken(token: ApiToken): Promise<boolean> {
    return this.records.addApiToken(token);
  }
  apiTokens(workspace: string): Promise<ApiToken[]> {
    return this.records.apiTokens(workspace);
  }
  apiTokenByHash(hash: string): Promise<ApiToken | null> {
    return this.records.apiTokenByHash(hash);
  }
  revokeApiToken(workspace: string, name: string): Promise<boolean> {
    return this.records.revokeApiToken(workspace, name);
  }
  markApiTokenUsed(hash: string, at: string): Promise<void> {
    return this.records.markApiTokenUsed(hash, at);
  }

  // --- WorkspaceEraser ---
  forgetWorkspace(workspace: string): Promise<void> {
    return this.erasure.forgetWorkspace(workspace);
  }
  forgetChannel(ref: TeamRef): Promise<void> {
    return this.erasure.forgetChannel(ref);
  }
}
