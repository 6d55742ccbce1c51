// Every store role in PostgreSQL, for deployments with several replicas or many workspaces. Each change
// that is all or nothing in the JSON store is one transaction here; a team's or a channel's changes
// take turns on its row lock; the history is only ever appended to. Answers match the JSON store's
// exactly (one shared suite runs on both). Each role is its own module over one engine (pg-database.ts);
// this class only opens them together and hands each call to its role.
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
import { PgAudit } from './pg-audit.js';
import { PgDatabase, type Client } from './pg-database.js';
import { PgErasure } from './pg-erasure.js';
import { PgInventory } from './pg-inventory.js';
import { PgRecords } from './pg-records.js';
import { PgWatches } from './pg-watches.js';

export class PostgresStore implements EolwatchStore {
  private readonly inventory: PgInventory;
  private readonly watches: PgWatches;
  private readonly audit: PgAudit;
  private readonly records: PgRecords;
  private readonly erasure: PgErasure;

  private constructor(private readonly db: PgDatabase) {
    this.watches = new PgWatches(db);
    this.inventory = new PgInventory(db, this.watches);
    this.audit = new PgAudit(db);
    this.records = new PgRecords(db);
    this.erasure = new PgErasure(db, this.watches);
  }

  /** Connects and brings the schema up to date. */
  static async open(connectionString: string, options: { max?: number } = {}): Promise<PostgresStore> {
    return new PostgresStore(await PgDatabase.open(connectionString, options));
  }

  /** `db migrate`: brings the schema up to date and says from which version to which. */
  static migrate(connectionString: string): Promise<{ from: number; to: number }> {
    return PgDatabase.migrate(connectionString);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /** For `db` commands: a client of this store's pool. */
  connect(): Promise<Client> {
    return this.db.connect();
  }

  runOnce<T>(job: string, day: string, runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    return this.db.runOnce(job, day, runBy, run);
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
