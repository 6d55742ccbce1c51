// A direct message to the bot ("when does xp lose support?"): answered in a thread.
import type { Context, types, webApi } from '@slack/bolt';
import { answerMessage } from '../../answer-message.js';
import { postThreadAnswer } from '../../post-thread-answer.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

const IMPORT_HERE_HINT =
  'Counts belong to a team’s channel: to import a device export, share the file there in a message that mentions me, or run `/eol inventory import` in that channel.';

export async function handleDirectMessage(
  event: types.MessageEvent,
  client: webApi.WebClient,
  deps: SlackDeps,
  context: Context,
): Promise<void> {
  // A file sent here has no team to count it for: say where imports go.
  if (event.channel_type === 'im' && event.subtype === 'file_share' && event.user !== undefined) {
    await client.chat
      .postMessage({ channel: event.channel, thread_ts: event.ts, text: IMPORT_HERE_HINT })
      .catch(() => undefined);
    return;
  }
  // Edits, deletions and joins arrive as subtypes; bots (ourselves included) never trigger a reply.
  if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
  const thread_ts = event.thread_ts ?? event.ts;
  try {
    const speaker = {
      workspace: workspaceOf(context, event.team),
      channel: event.channel,
      user: event.user,
      entry: 'dm' as const,
    };
    const answer = await answerMessage(event.text ?? '', deps.commands, speaker);
    const thread = { channel: event.channel, user: event.user, thread_ts, question: event.text ?? '' };
    await postThreadAnswer(client, deps, null, thread, answer);
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: event.team, channel: event.channel, event: 'message.im' },
      'direct message failed',
    );
    await client.chat.postMessage({ channel: event.channel, thread_ts, text: SORRY }).catch(() => undefined);
  }
}
