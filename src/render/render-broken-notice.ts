// The direct message to whoever set up a channel's watches when its reminders stop: what Slack
// answered, in words, and how to start them again.
import type { SlackMessage } from './render-blocks.js';
import { section } from './block-kit.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

const WHY: Readonly<Record<string, string>> = {
  not_in_channel: 'I am not a member of it (I could not join it myself: it is private, or I may not join channels)',
  channel_not_found: 'Slack no longer finds it (deleted, or I was removed from a private channel)',
  is_archived: 'it was archived',
};

export function renderBrokenNotice(channel: string, reason: string): SlackMessage {
  const why = WHY[reason] ?? `Slack answered ${escapeMrkdwn(reason)}`;
  const fix =
    reason === 'is_archived'
      ? 'Unarchive it, or watch the releases in another channel: `/eol watch <release>` there.'
      : 'Invite me there with `/invite @eolwatch`, then run `/eol watch <release>` in it again (or `/eol watches` to see what it watched).';
  const text = `Reminders in <#${escapeMrkdwn(channel)}> have stopped: ${why}. ${fix}`;
  return { text, blocks: [section(`:warning: ${text}`)] };
}
