// What conversations.info says of a channel: whether it is shared with another organisation (Slack
// Connect; kept for an hour per channel: team answers there go to the asker alone unless they share
// them), and whether the bot is in it (a watch there needs the bot invited).
import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';

export type ExternallyShared = (client: webApi.WebClient, channel: string) => Promise<boolean>;

/**
 * The answer to a command waits on this lookup, and Slack takes an answer within 3 s: past this, the
 * lookup is left to finish in the background (filling the cache) and the answer goes privately.
 */
const LOOKUP_DEADLINE_MS = 2000;

export function createExternallyShared(): ExternallyShared {
  const known = new LRUCache<string, boolean>({ max: 10_000, ttl: 60 * 60 * 1000 });
  return async (client, channel) => {
    const cached = known.get(channel);
    if (cached !== undefined) return cached;
    // Not known (no channels:read, a DM, an error): treated as not shared, as before this check.
    const lookup = client.conversations
      .info({ channel })
      .then((info) => info.channel?.is_ext_shared === true)
      .catch(() => false)
      .then((shared) => {
        known.set(channel, shared);
        return shared;
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), LOOKUP_DEADLINE_MS)));
    const shared = await Promise.race([lookup, late]);
    clearTimeout(timer);
    // Slack is slow to say: the team's answer goes to the asker alone (with Share), never out unasked.
    return shared === 'late' ? true : shared;
  };
}

/** Whether the bot is a member of the channel (so it can post reminders there); null when unknown. */
export async function botIsMember(client: webApi.WebClient, channel: string): Promise<boolean | null> {
  return client.conversations
    .info({ channel })
    .then((info) => (typeof info.channel?.is_member === 'boolean' ? info.channel.is_member : null))
    .catch(() => null);
}
