// Whether a channel is shared with another organisation (Slack Connect), from conversations.info,
// kept for an hour per channel. Team answers there go to the asker alone unless they share them.
import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';

export function createExternallyShared(): (client: webApi.WebClient, channel: string) => Promise<boolean> {
  const known = new LRUCache<string, boolean>({ max: 10_000, ttl: 60 * 60 * 1000 });
  return async (client, channel) => {
    const cached = known.get(channel);
    if (cached !== undefined) return cached;
    // Not known (no channels:read, a DM, an error): treated as not shared, as before this check.
    const shared = await client.conversations
      .info({ channel })
      .then((info) => info.channel?.is_ext_shared === true)
      .catch(() => false);
    known.set(channel, shared);
    return shared;
  };
}
