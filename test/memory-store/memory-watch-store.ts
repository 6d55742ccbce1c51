// The simplest WatchStore: in memory, the reference the file store is checked against.
import { decideClaim, withinLease, withoutClaim } from '../../src/reminders/claim-reminder.js';
import type { Contract } from '../../src/contracts/apply-contract.js';
import { isKeyOfChannel, isKeyOfWorkspace } from '../../src/erasure/workspace-eraser.js';
import type { TeamRef } from '../../src/inventory/inventory-store.js';
import {
  applyWatches,
  type ChannelWatches,
  type ClaimResult,
  type MilestoneMark,
  type ReminderClaim,
  type ReminderRecord,
  type WatchStore,
  type WorkspaceWatches,
} from '../../src/reminders/watch-store.js';

export class MemoryWatchStore implements WatchStore {
  private readonly channels = new Map<string, ChannelWatches & { workspace: string }>();
  private readonly records: Record<string, ReminderRecord> = {};
  private readonly marks: Record<string, MilestoneMark> = {};

  protected entry(ref: TeamRef) {
    const key = `${ref.workspace}\u0000${ref.channel}`;
    let found = this.channels.get(key);
    if (!found) {
      found = {
        workspace: ref.workspace,
        channel: ref.channel,
        autoWatch: true,
        broken: null,
        releases: {},
        contracts: {},
      };
      this.channels.set(key, found);
    }
    return found;
  }

  /** Everything kept for a workspace's channels goes (erasure/workspace-eraser.ts). */
  protected forgetWatches(workspace: string): void {
    for (const [key, channel] of this.channels) if (channel.workspace === workspace) this.channels.delete(key);
    for (const key of Object.keys(this.records)) if (isKeyOfWorkspace(key, workspace)) delete this.records[key];
    for (const key of Object.keys(this.marks)) if (isKeyOfWorkspace(key, workspace)) delete this.marks[key];
  }

  protected forgetChannelWatches(ref: TeamRef): void {
    this.channels.delete(`${ref.workspace}\u0000${ref.channel}`);
    for (const key of Object.keys(this.records)) if (isKeyOfChannel(key, ref)) delete this.records[key];
    for (const key of Object.keys(this.marks)) if (isKeyOfChannel(key, ref)) delete this.marks[key];
  }

  /** Reading never creates a channel: only changes do, as in the file and database stores. */
  private found(ref: TeamRef) {
    return (
      this.channels.get(`${ref.workspace}\u0000${ref.channel}`) ?? {
        workspace: ref.workspace,
        channel: ref.channel,
        autoWatch: true,
        broken: null,
        releases: {},
        contracts: {},
      }
    );
  }

  async channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    const { workspace: _workspace, ...watches } = this.found(ref);
    return structuredClone(watches);
  }

  async allWatches(): Promise<WorkspaceWatches[]> {
    const byWorkspace = new Map<string, ChannelWatches[]>();
    for (const { workspace, ...watches } of this.channels.values()) {
      byWorkspace.set(workspace, [...(byWorkspace.get(workspace) ?? []), structuredClone(watches)]);
    }
    return [...byWorkspace].map(([workspace, channels]) => ({ workspace, channels }));
  }

  async watch(
    ref: TeamRef,
    releases: { release: string; leads: number[] }[],
    source: 'manual' | 'auto',
    today: string,
    by?: string,
  ): Promise<void> {
    const channel = this.entry(ref);
    applyWatches(channel.releases, releases, source, today, by);
    if (source === 'manual') channel.broken = null;
  }

  async unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    const channel = this.entry(ref);
    const removed = releases.filter((release) => channel.releases[release]);
    for (const release of removed) delete channel.releases[release];
    return removed;
  }

  async setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    this.entry(ref).autoWatch = on;
  }

  async markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    this.entry(ref).broken = { reason, at };
  }

  async reminderRecords(): Promise<Record<string, ReminderRecord>> {
    return { ...this.records };
  }

  // One process: a claim is alive within its lease; a run that ended has released its claims.
  async claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    const { result, record } = decideClaim(this.records[key], claim, (_by, at) => withinLease(at, claim.at));
    if (record) this.records[key] = record;
    return result;
  }

  async endClaims(runId: string): Promise<void> {
    for (const [key, record] of Object.entries(this.records)) {
      if (record.claimedBy === runId) this.records[key] = withoutClaim(record);
    }
  }

  async recordReminder(key: string, record: ReminderRecord): Promise<void> {
    this.records[key] = record;
  }

  async milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    return { ...this.marks };
  }

  async markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    this.marks[key] = { ...this.marks[key], ...mark };
  }

  async contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    return { ...this.found(ref).contracts };
  }

  async setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    this.entry(ref).contracts[release] = contract;
  }

  async removeContract(ref: TeamRef, release: string): Promise<boolean> {
    const { contracts } = this.entry(ref);
    const had = release in contracts;
    delete contracts[release];
    return had;
  }
}
