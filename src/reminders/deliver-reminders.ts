// Posts planned reminders through a port, exactly once as far as Slack lets us know: a reminder is
// claimed by this run and recorded pending (on disk, under the store's lock) before its post, and sent
// after; a run at the same time skips what another holds. One left pending by a run that has ended was
// interrupted: the port looks for it in the channel (the post carries its key as message metadata)
// and only posts again if it is not there. Within a channel, posts keep about a second apart
// (Slack's limit); a 429 waits Retry-After and tries again (a 429 post was not made), unless Slack asks
// for longer than a run should wait: then that workspace's posts are left for the next run. A refusal that
// will not change (not_in_channel, channel_not_found, is_archived) marks the channel's watches broken.
// One channel's trouble never stops the others.
import type { DateNotice } from './plan-notices.js';
import type { PlannedReminder } from './plan-reminders.js';
import type { AuditLog } from '../audit/audit-log.js';
import { ownersOf, type WatchStore } from './watch-store.js';

export type PostOutcome =
  | { kind: 'posted'; ts: string }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'refused'; reason: string }
  /** The post may or may not have been made (a network error): it stays pending. */
  | { kind: 'unknown'; reason: string };

export interface ReminderPoster {
  post(reminder: PlannedReminder): Promise<PostOutcome>;
  postNotice(notice: DateNotice): Promise<PostOutcome>;
  /**
   * The ts of a message in the channel, posted since `since` (ISO), carrying this key; null when there is
   * none or the channel cannot be searched. Throws when the look did not finish (unknown).
   */
  findPosted(post: { workspace: string; channel: string; key: string }, since: string): Promise<string | null>;
  /** Joins a public channel after not_in_channel, where the app may; false otherwise. */
  join(target: { workspace: string; channel: string }): Promise<boolean>;
  /** Tells each of `users` directly that the channel's reminders stopped, and why. */
  tellOwners(target: { workspace: string; channel: string }, users: string[], reason: string): Promise<void>;
  /** Tells each of `users` of the workspace directly: `text` (plain text, escaped by the poster). */
  tellUsers(workspace: string, users: string[], text: string): Promise<void>;
}

export interface DeliveryOptions {
  /** `appendAudit`: a channel the run marks broken is a change, recorded like any other. */
  store: WatchStore & Pick<AuditLog, 'appendAudit'>;
  poster: ReminderPoster;
  /** This run, as it claims what it posts (claim-reminder.ts). */
  runId: string;
  now: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Gap between two posts to one channel. */
  channelGapMs?: number;
  /** Channels served at once. */
  concurrency?: number;
  /** Rate-limit retries for one post before it is left pending for the next run. */
  maxRateLimitRetries?: number;
  /** A Retry-After longer than this leaves the workspace's remaining posts for the next run. */
  maxRetryAfterMs?: number;
}

export interface DeliveryReport {
  posted: PlannedReminder[];
  alreadyPosted: PlannedReminder[];
  pending: { reminder: PlannedReminder; reason: string }[];
  broken: { workspace: string; channel: string; reason: string }[];
  rateLimited: number;
  /** Claimed by another run that is posting them now. */
  heldElsewhere: number;
}

/** Looks for an interrupted run's post this many times before leaving it for the next run. */
const FIND_ATTEMPTS = 3;

const PERMANENT = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/**
 * Claims a key for this run; a key an ended run left pending is looked for in the channel first.
 * 'post' when this run should post it now; 'found' when that look found the earlier post (now recorded
 * sent); 'done' when it was already recorded sent; 'skip' when another live run holds it.
 */
async function claimToPost(
  post: { workspace: string; channel: string; key: string; late: boolean },
  options: Pick<DeliveryOptions, 'store' | 'poster' | 'now' | 'runId'>,
): Promise<'post' | 'done' | 'skip' | 'found' | 'unknown'> {
  const claim = await options.store.claimReminder(post.key, {
    runId: options.runId,
    at: options.now(),
    late: post.late,
  });
  if (claim.kind === 'sent') return 'done';
  if (claim.kind === 'held') return 'skip';
  if (claim.kind === 'reclaimed') {
    // The port answers null when the channel cannot be searched (a scope missing): posting again beats
    // losing the reminder. It throws when the look did not finish (a timeout): whether the earlier run
    // posted is unknown, so the look is tried again, and never followed by a blind post.
    let ts: string | null | undefined;
    for (let attempt = 0; attempt < FIND_ATTEMPTS && ts === undefined; attempt += 1) {
      ts = await options.poster.findPosted(post, claim.since).catch(() => undefined);
    }
    if (ts === undefined) return 'unknown';
    if (ts) {
      await options.store.recordReminder(post.key, { status: 'sent', at: options.now(), ts, late: post.late });
      return 'found';
    }
  }
  return 'post';
}

/** Date-change notices: each at most once (claimed like reminders), best effort otherwise. */
export async function deliverNotices(
  notices: DateNotice[],
  options: Pick<DeliveryOptions, 'store' | 'poster' | 'now' | 'runId'>,
): Promise<{ posted: DateNotice[]; failed: string[] }> {
  const posted: DateNotice[] = [];
  const failed: string[] = [];
  for (const notice of notices) {
    if ((await claimToPost({ ...notice, late: false }, options)) !== 'post') continue;
    const outcome = await options.poster.postNotice(notice);
    if (outcome.kind === 'posted') {
      await options.store.recordReminder(notice.key, {
        status: 'sent',
        at: options.now(),
        ts: outcome.ts,
        late: false,
      });
      posted.push(notice);
    } else {
      failed.push(
        `${notice.workspace}/${notice.channel}: ${outcome.kind === 'rate-limited' ? 'rate limited' : outcome.reason}`,
      );
    }
  }
  return { posted, failed };
}

export async function deliverReminders(
  reminders: PlannedReminder[],
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const {
    store,
    poster,
    now,
    sleep,
    channelGapMs = 1100,
    concurrency = 50,
    maxRateLimitRetries = 5,
    maxRetryAfterMs = 120_000,
  } = options;
  // Workspaces Slack asked to wait longer than a run should: left for the next run, others go on.
  const deferred = new Set<string>();
  const report: DeliveryReport = {
    posted: [],
    alreadyPosted: [],
    pending: [],
    broken: [],
    rateLimited: 0,
    heldElsewhere: 0,
  };
  const byChannel = new Map<string, PlannedReminder[]>();
  for (const reminder of reminders) {
    const key = `${reminder.workspace}|${reminder.channel}`;
    byChannel.set(key, [...(byChannel.get(key) ?? []), reminder]);
  }

  async function postOne(reminder: PlannedReminder): Promise<'posted' | 'stop' | 'next'> {
    let joined = false;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await poster.post(reminder);
      switch (outcome.kind) {
        case 'posted':
          await store.recordReminder(reminder.key, { status: 'sent', at: now(), ts: outcome.ts, late: reminder.late });
          report.posted.push(reminder);
          return 'posted';
        case 'rate-limited':
          report.rateLimited += 1;
          if (outcome.retryAfterMs > maxRetryAfterMs) {
            deferred.add(reminder.workspace);
            report.pending.push({
              reminder,
              reason: `rate limited for ${Math.round(outcome.retryAfterMs / 1000)} s: left for the next run`,
            });
            return 'stop';
          }
          if (attempt >= maxRateLimitRetries) {
            report.pending.push({ reminder, reason: 'rate limited' });
            return 'next';
          }
          await sleep(outcome.retryAfterMs);
          break;
        case 'refused':
          if (outcome.reason === 'not_in_channel' && !joined && (await poster.join(reminder))) {
            joined = true;
            break;
          }
          if (PERMANENT.has(outcome.reason)) {
            const ref = { workspace: reminder.workspace, channel: reminder.channel };
            await store.markBroken(ref, outcome.reason, now());
            await store
              .appendAudit({
                ...ref,
                at: now(),
                user: 'eolwatch',
                via: 'scheduler',
                action: 'channel.broken',
                change: `reminders stopped: Slack answered ${outcome.reason}`,
                releases: [],
              })
              .catch(() => undefined); // the channel is marked either way; a full disk is said elsewhere
            report.broken.push({ ...ref, reason: outcome.reason });
            // Once, as the channel breaks (a broken channel is not tried again): its people would not see it.
            const owners = ownersOf(await store.channelWatches(ref));
            if (owners.length > 0) await poster.tellOwners(ref, owners, outcome.reason).catch(() => undefined);
            return 'stop';
          }
          report.pending.push({ reminder, reason: outcome.reason });
          return 'next';
        case 'unknown':
          report.pending.push({ reminder, reason: outcome.reason });
          return 'next';
      }
    }
  }

  async function serveChannel(channelReminders: PlannedReminder[]): Promise<void> {
    let postedBefore = false;
    for (const reminder of channelReminders) {
      if (deferred.has(reminder.workspace)) {
        report.pending.push({ reminder, reason: 'workspace rate limited: left for the next run' });
        continue;
      }
      const claimed = await claimToPost(reminder, options);
      if (claimed === 'found') report.alreadyPosted.push(reminder);
      if (claimed === 'unknown')
        report.pending.push({
          reminder,
          reason: 'could not tell whether an interrupted run posted it: looked again next run',
        });
      if (claimed === 'skip') report.heldElsewhere += 1;
      if (claimed !== 'post') continue;
      if (postedBefore) await sleep(channelGapMs);
      const result = await postOne(reminder);
      if (result === 'stop') return;
      postedBefore = true;
    }
  }

  const queue = [...byChannel.values()];
  const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await serveChannel(next).catch((error: unknown) => {
        for (const reminder of next ?? []) report.pending.push({ reminder, reason: (error as Error).message });
      });
    }
  });
  await Promise.all(workers);
  return report;
}
