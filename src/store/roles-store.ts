// A store made of its roles, each a module over one engine (store/json/, store/postgres/): every call
// is handed to its role here, once for both stores. A store adds how it opens, closes and runs a job.
import type { ApiToken, ApiTokenStore } from '../api-tokens/api-token-store.js';
import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import type { Contract } from '../contracts/apply-contract.js';
import type { EolwatchStore } from '../eolwatch-store.js';
import type { WorkspaceEraser } from '../erasure/workspace-eraser.js';
import type { RoleStore } from '../governance/role-store.js';
import type { InstallationRecords } from '../installations/installation-records.js';
import type {
  AuditOfChanges,
  ChangedBy,
  CountChange,
  CountUpdate,
  CountsUpdated,
  HistoryEntry,
  InventoryStore,
  TeamRef,
  TeamState,
} from '../inventory/inventory-store.js';
import type { JobOutcome } from '../jobs/job-coordinator.js';
import type { RequestLimiter, RequestLimits } from '../requests/request-limits.js';
import type {
  ChannelWatches,
  ClaimResult,
  MilestoneMark,
  ReminderClaim,
  ReminderRecord,
  WatchStore,
  WorkspaceWatches,
} from '../reminders/watch-store.js';

/** The roles a store is made of; erasure covers every role's data. */
export interface StoreRoles {
  inventory: Omit<InventoryStore, 'close'>;
  watches: WatchStore;
  audit: AuditLog;
  records: InstallationRecords & RoleStore & ApiTokenStore;
  erasure: WorkspaceEraser;
  limits: RequestLimits;
}

export abstract class RolesStore implements EolwatchStore {
  protected constructor(private readonly roles: StoreRoles) {}

  abstract close(): Promise<void>;
  abstract runOnce<T>(job: string, day: string, runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>>;

  // --- RequestLimits ---
  requestLimiter(name: string, points: number, seconds: number): RequestLimiter {
    return this.roles.limits.requestLimiter(name, points, seconds);
  }

  // --- InventoryStore ---
  setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return this.roles.inventory.setCounts(team, counts, by);
  }
  updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy, audit?: AuditOfChanges): Promise<CountsUpdated> {
    return this.roles.inventory.updateCounts(team, update, by, audit);
  }
  clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return this.roles.inventory.clearTeam(team, by);
  }
  setTeamName(team: TeamRef, name: string): Promise<void> {
    return this.roles.inventory.setTeamName(team, name);
  }
  team(team: TeamRef): Promise<TeamState> {
    return this.roles.inventory.team(team);
  }
  teams(workspace: string): Promise<TeamState[]> {
    return this.roles.inventory.teams(workspace);
  }
  history(team: TeamRef): Promise<HistoryEntry[]> {
    return this.roles.inventory.history(team);
  }

  // --- WatchStore ---
  channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    return this.roles.watches.channelWatches(ref);
  }
  allWatches(): Promise<WorkspaceWatches[]> {
    return this.roles.watches.allWatches();
  }
  watch(
    ref: TeamRef,
    releases: { release: string; leads: number[] }[],
    source: 'manual' | 'auto',
    today: string,
    by?: string,
  ): Promise<void> {
    return this.roles.watches.watch(ref, releases, source, today, by);
  }
  unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    return this.roles.watches.unwatch(ref, releases);
  }
  setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    return this.roles.watches.setAutoWatch(ref, on);
  }
  markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    return this.roles.watches.markBroken(ref, reason, at);
  }
  reminderRecords(): Promise<Record<string, ReminderRecord>> {
    return this.roles.watches.reminderRecords();
  }
  recordReminder(key: string, record: ReminderRecord): Promise<void> {
    return this.roles.watches.recordReminder(key, record);
  }
  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    return this.roles.watches.claimReminder(key, claim);
  }
  endClaims(runId: string): Promise<void> {
    return this.roles.watches.endClaims(runId);
  }
  milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    return this.roles.watches.milestoneMarks();
  }
  markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    return this.roles.watches.markMilestone(key, mark);
  }
  contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    return this.roles.watches.contracts(ref);
  }
  setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    return this.roles.watches.setContract(ref, release, contract);
  }
  removeContract(ref: TeamRef, release: string): Promise<boolean> {
    return this.roles.watches.removeContract(ref, release);
  }

  // --- AuditLog ---
  appendAudit(entry: AuditEntry): Promise<void> {
    return this.roles.audit.appendAudit(entry);
  }
  auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    return this.roles.audit.auditEntries(workspace, filter);
  }

  // --- InstallationRecords, RoleStore, ApiTokenStore ---
  saveInstallation(key: string, installation: unknown): Promise<void> {
    return this.roles.records.saveInstallation(key, installation);
  }
  installation(key: string): Promise<unknown> {
    return this.roles.records.installation(key);
  }
  deleteInstallation(key: string): Promise<boolean> {
    return this.roles.records.deleteInstallation(key);
  }
  installationKeys(prefix: string): Promise<string[]> {
    return this.roles.records.installationKeys(prefix);
  }
  admins(workspace: string): Promise<string[]> {
    return this.roles.records.admins(workspace);
  }
  setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    return this.roles.records.setAdmin(workspace, user, admin);
  }
  channelLocked(ref: TeamRef): Promise<boolean> {
    return this.roles.records.channelLocked(ref);
  }
  setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    return this.roles.records.setChannelLock(ref, locked);
  }
  addApiToken(token: ApiToken): Promise<boolean> {
    return this.roles.records.addApiToken(token);
  }
  apiTokens(workspace: string): Promise<ApiToken[]> {
    return this.roles.records.apiTokens(workspace);
  }
  apiTokenByHash(hash: string): Promise<ApiToken | null> {
    return this.roles.records.apiTokenByHash(hash);
  }
  revokeApiToken(workspace: string, name: string): Promise<boolean> {
    return this.roles.records.revokeApiToken(workspace, name);
  }
  markApiTokenUsed(hash: string, at: string): Promise<void> {
    return this.roles.records.markApiTokenUsed(hash, at);
  }

  // --- WorkspaceEraser ---
  forgetWorkspace(workspace: string): Promise<void> {
    return this.roles.erasure.forgetWorkspace(workspace);
  }
  forgetChannel(ref: TeamRef): Promise<void> {
    return this.roles.erasure.forgetChannel(ref);
  }
}
