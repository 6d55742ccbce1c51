// The bot's direct-message conversation with one person (conversations.open, im:write): where private
// files, refused form answers and broken-channel notices go.
import type { webApi } from '@slack/bolt';

export async function directMessageChannel(client: webApi.WebClient, user: string): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  // Posting to a user id reaches the same conversation, should Slack leave the id out.
  return opened.channel?.id ?? user;
}
