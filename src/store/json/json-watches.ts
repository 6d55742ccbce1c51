// WatchStore over the JSON engine: watches, reminder records and claims, handled marks and contracts.
// Few, small writes, each written through at once.
import type { Contract } from '../../contracts/apply-contract.js';
import type { TeamRef } from '../../inventory/inventory-store.js';
import { decideClaim, withoutClaim } from '../../reminders/claim-reminder.js';
import {
  applyWatches,
  type ChannelWatches,
  type ClaimResult,
  type MilestoneMark,
  type ReminderClaim,
  type ReminderRecord,
  type WatchStore,
  type WorkspaceWatches,
} from '../../reminders/watch-store.js';
import { claimHolderAlive } from '../run-claims.js';
import type { StoredChannel } from '../store-schema.js';
import { ownValue, RUN_LOCK_WAIT_MS, type JsonFileStore } from './json-file-store.js';

// Lookups read the team's contracts on every request; they look at the file for another process's
// changes at most this often. Writes always look (under the lock).
export const READ_RECHECK_MS = 1000;
const NO_CONTRACTS: Readonly<Record<string, Contract>> = Object.freeze({});

const toChannelWatches = (channel: string, stored: StoredChannel | undefined): ChannelWatches => ({
  channel,
  autoWatch: stored?.autoWatch ?? true,
  broken: stored?.broken ?? null,
  releases: structuredClone(stored?.watches ?? {}),
  contracts: structuredClone(stored?.contracts ?? {}),
});

export class JsonWatches implements Omit<WatchStore, 'forgetWorkspace' | 'forgetChannel'> {
  constructor(private readonly engine: JsonFileStore) {}

  channelWatches(ref: TeamRef): Promise<ChannelWatches> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      // Automatic watches follow the counts' log, which may be ahead of the store file's checkpoint.
      await this.engine.replayTeamHistory(ref, false);
      return toChannelWatches(ref.channel, this.engine.storedChannel(ref));
    });
  }

  allWatches(): Promise<WorkspaceWatches[]> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      await this.engine.catchUpOnWatches();
      return Object.entries(this.engine.data.workspaces).map(([workspace, { channels }]) => ({
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
    return this.engine.changeChannel(ref, (channel) => {
      applyWatches(channel.watches, releases, source, today, by);
      if (source === 'manual') channel.broken = null;
    });
  }

  unwatch(ref: TeamRef, releases: string[]): Promise<string[]> {
    let removed: string[] = [];
    return this.engine
      .changeChannel(ref, (channel) => {
        removed = releases.filter((release) => channel.watches[release]);
        for (const release of removed) delete channel.watches[release];
      })
      .then(() => removed);
  }

  setAutoWatch(ref: TeamRef, on: boolean): Promise<void> {
    return this.engine.changeChannel(ref, (channel) => {
      channel.autoWatch = on;
    });
  }

  markBroken(ref: TeamRef, reason: string, at: string): Promise<void> {
    return this.engine.changeChannel(ref, (channel) => {
      channel.broken = { reason, at };
    });
  }

  reminderRecords(): Promise<Record<string, ReminderRecord>> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      return { ...this.engine.data.reminders };
    });
  }

  recordReminder(key: string, record: ReminderRecord): Promise<void> {
    return this.engine.withLock(
      async () => {
        this.engine.data.reminders[key] = record;
        await this.engine.persist();
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult> {
    return this.engine.withLock(
      async () => {
        const { result, record } = decideClaim(ownValue(this.engine.data.reminders, key), claim, (by, at) =>
          claimHolderAlive(by, at, claim.at),
        );
        if (record) {
          this.engine.data.reminders[key] = record;
          await this.engine.persist();
        }
        return result;
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  endClaims(runId: string): Promise<void> {
    return this.engine.withLock(
      async () => {
        const held = Object.entries(this.engine.data.reminders).filter(([, record]) => record.claimedBy === runId);
        if (held.length === 0) return;
        for (const [key, record] of held) this.engine.data.reminders[key] = withoutClaim(record);
        await this.engine.persist();
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  milestoneMarks(): Promise<Record<string, MilestoneMark>> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      return { ...this.engine.data.milestones };
    });
  }

  markMilestone(key: string, mark: MilestoneMark): Promise<void> {
    return this.engine.withLock(async () => {
      this.engine.data.milestones[key] = { ...this.engine.data.milestones[key], ...mark };
      await this.engine.persist();
    });
  }

  contracts(ref: TeamRef): Promise<Readonly<Record<string, Contract>>> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged(READ_RECHECK_MS);
      return this.engine.storedChannel(ref)?.contracts ?? NO_CONTRACTS;
    });
  }

  setContract(ref: TeamRef, release: string, contract: Contract): Promise<void> {
    return this.engine.changeChannel(ref, (channel) => {
      channel.contracts[release] = contract;
    });
  }

  removeContract(ref: TeamRef, release: string): Promise<boolean> {
    let removed = false;
    return this.engine
      .changeChannel(ref, (channel) => {
        removed = release in channel.contracts;
        delete channel.contracts[release];
      })
      .then(() => removed);
  }
}
