// A calendar feed's secret URL and what it remembers. Only the secret's SHA-256 is kept, so a URL is
// shown once, when it is made; `reset` makes another and the old one stops working. Each feed also keeps,
// per event, the date it last served and its SEQUENCE, raised whenever that date moves, so calendar apps
// update the event in place instead of adding another. Kept as records (installations/): `K:` by the
// feed's owner (erased with its workspace or channel), `H:` from the hash to that owner.
import { createHash, randomBytes } from 'node:crypto';
import type { InstallationRecords } from '../installations/installation-records.js';

/** A channel's feed, or (channel null) the workspace's. */
export interface FeedRef {
  workspace: string;
  channel: string | null;
}

interface FeedRecord {
  hash: string;
  madeBy: string;
  madeAt: string;
  /** uid -> [the date last served, its SEQUENCE]. */
  served: Record<string, [string, number]>;
}

const SECRET_PREFIX = 'eolc_';
const feedKey = (ref: FeedRef): string => `K:${ref.workspace}|${ref.channel ?? '*'}`;
/** The record key from a secret's hash to its feed. */
export const feedHashKey = (hash: string): string => `H:${hash}`;
const hashKey = feedHashKey;
/** Erasure: every feed record of a workspace starts with this; a channel's feed has exactly this key. */
export const workspaceFeedPrefix = (workspace: string): string => `K:${workspace}|`;
export const channelFeedKey = (workspace: string, channel: string): string => feedKey({ workspace, channel });
const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** What a secret in a URL can look like: anything else is not looked up. */
const looksLikeFeedSecret = (secret: string): boolean => /^eolc_[A-Za-z0-9_-]{43}$/.test(secret);

export async function feedMade(records: InstallationRecords, ref: FeedRef): Promise<{ by: string; at: string } | null> {
  const record = (await records.installation(feedKey(ref))) as FeedRecord | null;
  return record ? { by: record.madeBy, at: record.madeAt } : null;
}

/** A new secret for the feed; the one before (if any) stops working. */
export async function makeFeedSecret(
  records: InstallationRecords,
  ref: FeedRef,
  by: string,
  at: string,
): Promise<string> {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const old = (await records.installation(feedKey(ref))) as FeedRecord | null;
  if (old) await records.deleteInstallation(hashKey(old.hash));
  const hash = hashOf(secret);
  // The events served so far keep their SEQUENCE: a new URL is the same calendar.
  await records.saveInstallation(feedKey(ref), { hash, madeBy: by, madeAt: at, served: old?.served ?? {} });
  await records.saveInstallation(hashKey(hash), feedKey(ref));
  return secret;
}

/** The feed a secret opens, or null (unknown, or reset since). */
export async function feedOfSecret(records: InstallationRecords, secret: string): Promise<FeedRef | null> {
  if (!looksLikeFeedSecret(secret)) return null;
  const hash = hashOf(secret);
  const key = (await records.installation(hashKey(hash))) as string | null;
  const record = key ? ((await records.installation(key)) as FeedRecord | null) : null;
  if (!key || !record || record.hash !== hash) return null;
  const [workspace = '', channel = ''] = key.slice(2).split('|');
  return { workspace, channel: channel === '*' ? null : channel };
}

/**
 * Each event's SEQUENCE: 0 when first served, one more each time its date has moved since. Saved only
 * when something changed.
 */
export async function sequencesFor(
  records: InstallationRecords,
  ref: FeedRef,
  events: readonly { uid: string; date: string }[],
): Promise<Map<string, number>> {
  const record = (await records.installation(feedKey(ref))) as FeedRecord | null;
  const served = { ...(record?.served ?? {}) };
  let changed = false;
  const sequences = new Map<string, number>();
  for (const { uid, date } of events) {
    const [lastDate, sequence] = served[uid] ?? [date, 0];
    const next = lastDate === date ? sequence : sequence + 1;
    if (!served[uid] || next !== sequence) {
      served[uid] = [date, next];
      changed = true;
    }
    sequences.set(uid, next);
  }
  if (record && changed) await records.saveInstallation(feedKey(ref), { ...record, served });
  return sequences;
}
