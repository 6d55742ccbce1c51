// Both store roles in memory: the reference implementation tests run the commands against.
import type { JobCoordinator, JobOutcome } from '../../src/jobs/job-coordinator.js';
import type {
  AuditOfChanges,
  ChangedBy,
  CountChange,
  CountsUpdated,
  CountUpdate,
  HistoryEntry,
  InventoryStore,
  TeamRef,
  TeamState,
} from '../../src/inventory/inventory-store.js';
import { MemoryInventoryStore } from './memory-inventory-store.js';
import { MemoryWatchStore } from './memory-watch-store.js';
import type { WatchStore } from '../../src/reminders/watch-store.js';
import { followCounts } from '../../src/reminders/follow-counts.js';
import type { ApiToken, ApiTokenStore } from '../../src/api-tokens/api-token-store.js';
import {
  orgWorkspaceKey,
  uninstalledKey,
  workspaceInstallKey,
  type InstallationRecords,
} from '../../src/installations/installation-records.js';
import type { WorkspaceEraser } from '../../src/erasure/workspace-eraser.js';
import type { RoleStore } from '../../src/governance/role-store.js';
import { matchesAuditFilter, type AuditEntry, type AuditLog } from '../../src/audit/audit-log.js';
import { MemoryApiTokenStore } from './memory-api-token-store.js';
import { channelFeedKey, feedHashKey, workspaceFeedPrefix } from '../../src/calendar/calendar-feeds.js';
import { workspaceConnectorPrefix } from '../../src/connectors/connector-records.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { requestLimiterOf, type RequestLimiter, type RequestLimits } from '../../src/requests/request-limits.js';

export class MemoryStore
  extends MemoryWatchStore
  implements
    InventoryStore,
    WatchStore,
    ApiTokenStore,
    InstallationRecords,
    WorkspaceEraser,
    RoleStore,
    AuditLog,
    JobCoordinator,
    RequestLimits
{
  private readonly inventory = new MemoryInventoryStore();

  /** One process's limits: what the shared ones (JSON, PostgreSQL) reduce to with a single process. */
  requestLimiter(name: string, points: number, seconds: number): RequestLimiter {
    return requestLimiterOf(new RateLimiterMemory({ keyPrefix: name, points, duration: seconds }));
  }

  async runOnce<T>(_job: string, _day: string, _runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    return { ran: true, result: await run() };
  }
  private readonly installations = new Map<string, unknown>();
  private readonly adminsByWorkspace = new Map<string, Set<string>>();
  private audit: AuditEntry[] = [];

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.audit.push(structuredClone(entry));
  }

  async auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    return this.audit
      .filter((entry) => entry.workspace === workspace && matchesAuditFilter(entry, filter))
      .map((entry) => structuredClone(entry));
  }
  private readonly locked = new Set<string>();

  async admins(workspace: string): Promise<string[]> {
    return [...(this.adminsByWorkspace.get(workspace) ?? [])].sort();
  }

  async setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    const admins = this.adminsByWorkspace.get(workspace) ?? new Set<string>();
    this.adminsByWorkspace.set(workspace, admins);
    if (admins.has(user) === admin) return false;
    if (admin) admins.add(user);
    else admins.delete(user);
    return true;
  }

  async channelLocked(ref: TeamRef): Promise<boolean> {
    return this.locked.has(`${ref.workspace}\u0000${ref.channel}`);
  }

  async setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    if (locked) this.locked.add(`${ref.workspace}\u0000${ref.channel}`);
    else this.locked.delete(`${ref.workspace}\u0000${ref.channel}`);
  }

  async saveInstallation(key: string, installation: unknown): Promise<void> {
    this.installations.set(key, structuredClone(installation));
  }

  async installation(key: string): Promise<unknown> {
    return structuredClone(this.installations.get(key) ?? null);
  }

  async deleteInstallation(key: string): Promise<boolean> {
    return this.installations.delete(key);
  }

  async installationKeys(prefix: string): Promise<string[]> {
    return [...this.installations.keys()].filter((key) => key.startsWith(prefix));
  }

  async forgetChannel(ref: TeamRef): Promise<void> {
    await this.inventory.forgetChannel(ref);
    this.forgetChannelWatches(ref);
    this.locked.delete(`${ref.workspace}\u0000${ref.channel}`);
    this.audit = this.audit.filter((entry) => entry.workspace !== ref.workspace || entry.channel !== ref.channel);
    this.forgetFeed(channelFeedKey(ref.workspace, ref.channel));
  }

  private forgetFeed(key: string): void {
    const feed = this.installations.get(key) as { hash?: string } | undefined;
    if (feed?.hash) this.installations.delete(feedHashKey(feed.hash));
    this.installations.delete(key);
  }

  async forgetWorkspace(workspace: string): Promise<void> {
    await this.inventory.forgetWorkspace(workspace);
    await this.tokens.forgetWorkspace(workspace);
    this.forgetWatches(workspace);
    this.installations.delete(workspaceInstallKey(workspace));
    this.installations.delete(uninstalledKey(workspace));
    this.installations.delete(orgWorkspaceKey(workspace));
    for (const key of [...this.installations.keys()]) {
      if (key.startsWith(workspaceFeedPrefix(workspace))) this.forgetFeed(key);
      if (key.startsWith(workspaceConnectorPrefix(workspace))) this.installations.delete(key);
    }
    this.adminsByWorkspace.delete(workspace);
    this.audit = this.audit.filter((entry) => entry.workspace !== workspace);
    for (const key of this.locked) if (key.startsWith(`${workspace}\u0000`)) this.locked.delete(key);
  }
  private readonly tokens = new MemoryApiTokenStore();

  addApiToken(token: ApiToken): Promise<boolean> {
    return this.tokens.addApiToken(token);
  }

  apiTokens(workspace: string): Promise<ApiToken[]> {
    return this.tokens.apiTokens(workspace);
  }

  apiTokenByHash(hash: string): Promise<ApiToken | null> {
    return this.tokens.apiTokenByHash(hash);
  }

  revokeApiToken(workspace: string, name: string): Promise<boolean> {
    return this.tokens.revokeApiToken(workspace, name);
  }

  markApiTokenUsed(hash: string, at: string): Promise<void> {
    return this.tokens.markApiTokenUsed(hash, at);
  }

  async setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return (await this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by)).changes;
  }

  async updateCounts(
    team: TeamRef,
    update: CountUpdate,
    by: ChangedBy,
    audit?: AuditOfChanges,
  ): Promise<CountsUpdated> {
    const saved = await this.inventory.updateCounts(team, update, by);
    const entry = audit?.(saved.changes);
    if (entry) await this.appendAudit(entry);
    const channel = this.entry(team);
    if (update.action !== 'clear') followCounts(channel.autoWatch, channel.releases, saved.changes, by.at.slice(0, 10));
    return saved;
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

  close(): Promise<void> {
    return this.inventory.close();
  }
}
