// What eolwatch keeps to remind channels: which releases each channel watches, with which lead
// times, the reminders it has posted (or is posting), and what people did with them.
import type { Contract } from '../contracts/apply-contract.js';
import type { ReleaseKey, TeamRef } from '../inventory/inventory-store.js';

/** Days before an end date to remind; 0 is the last supported day itself. */
export const DEFAULT_LEADS: readonly number[] = [180, 90, 30, 7, 1, 0];
export const MAX_LEAD_DAYS = 3650;

export interface WatchedRelease {
  leads: number[];
  /** ISO date: no reminder is due for a day before this. */
  createdAt: string;
  /** `auto` watches follow the channel's inventory counts. */
  source: 'manual' | 'auto';
  /** Who last set the watch up (a manual one): told directly when the channel's reminders break. */
  by?: string;
}

export interface ChannelWatches {
  channel: string;
  autoWatch: boolean;
  /** Set when Slack refused a post for good (not_in_channel, channel_not_found, is_archived). */
  broken: { reason: string; at: string } | null;
  releases: Record<ReleaseKey, WatchedRelease>;
  /** The channel's team's own support contracts; their ends get reminders like any phase. */
  contracts: Record<ReleaseKey, Contract>;
}

/** One reminder's delivery: pending before the post, sent after. The key makes it unique. */
export interface ReminderRecord {
  status: 'pending' | 'sent';
  at: string;
  ts: string | null;
  late: boolean;
  /** The run posting it (claim-reminder.ts); gone once that run has ended. */
  claimedBy?: string;
}

export interface MilestoneMark {
  handledBy?: string;
  handledAt?: string;
  snoozedUntil?: string;
  snoozedBy?: string;
  snoozedAt?: string;
}

export interface WorkspaceWatches {
  workspace: string;
  channels: ChannelWatches[];
}

export interface WatchStore {
  channelWatches(ref: TeamRef): Promise<ChannelWatches>;
  /** Every workspace's watches, for the daily run. */
  allWatches(): Promise<WorkspaceWatches[]>;
  /** Adds or replaces watches (and clears a broken mark: the channel asked again). */
  watch(
    ref: TeamRef,
    releases: { release: ReleaseKey; leads: number[] }[],
    source: WatchedRelease['source'],
    today: string,
    by?: string,
  ): Promise<void>;
  /** Returns the releases that were watched. */
  unwatch(ref: TeamRef, releases: ReleaseKey[]): Promise<ReleaseKey[]>;
  setAutoWatch(ref: TeamRef, on: boolean): Promise<void>;
  markBroken(ref: TeamRef, reason: string, at: string): Promise<void>;
  reminderRecords(): Promise<Record<string, ReminderRecord>>;
  /** Durable before it resolves: a pending record must be on disk before the post. */
  recordReminder(key: string, record: ReminderRecord): Promise<void>;
  /** Claims a reminder or notice for one run, atomically among all processes on the store; durable. */
  claimReminder(key: string, claim: ReminderClaim): Promise<ClaimResult>;
  /** The run has ended: what it left pending is no longer held, and the next run settles it. */
  endClaims(runId: string): Promise<void>;
  milestoneMarks(): Promise<Record<string, MilestoneMark>>;
  markMilestone(key: string, mark: MilestoneMark): Promise<void>;
  /** The team's contracts alone: read on every lookup, so kept cheap. */
  contracts(ref: TeamRef): Promise<Readonly<Record<ReleaseKey, Contract>>>;
  setContract(ref: TeamRef, release: ReleaseKey, contract: Contract): Promise<void>;
  /** Resolves true when there was one. */
  removeContract(ref: TeamRef, release: ReleaseKey): Promise<boolean>;
}

export const milestoneKey = (ref: TeamRef, release: ReleaseKey, phase: string): string =>
  `${ref.workspace}|${ref.channel}|${release}|${phase}`;
/** The end date is part of the key: when a date moves, reminders follow the new one. */
export const reminderKey = (milestone: string, end: string, slot: string): string => `${milestone}|${end}|${slot}`;

/** Adds watches to a channel's; an automatic watch never replaces one a person set up. */
export function applyWatches(
  current: Record<ReleaseKey, WatchedRelease>,
  releases: { release: ReleaseKey; leads: number[] }[],
  source: WatchedRelease['source'],
  today: string,
  by?: string,
): void {
  for (const { release, leads } of releases) {
    const existing = current[release];
    if (source === 'auto' && existing) continue;
    const owner = by ?? existing?.by;
    current[release] = { leads, createdAt: existing?.createdAt ?? today, source, ...(owner ? { by: owner } : {}) };
  }
}

/** The people who set up a channel's watches: told when its reminders break. */
export const ownersOf = (watches: ChannelWatches): string[] => [
  ...new Set(Object.values(watches.releases).flatMap((watch) => (watch.by ? [watch.by] : []))),
];

export interface ReminderClaim {
  runId: string;
  at: string;
  late: boolean;
}

export type ClaimResult =
  /** Ours to post. */
  | { kind: 'claimed' }
  /** Ours now, but an earlier run left it pending since `since`: it may have been posted; look first. */
  | { kind: 'reclaimed'; since: string }
  | { kind: 'sent' }
  /** Another live run holds it. */
  | { kind: 'held'; by: string };
