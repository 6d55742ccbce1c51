// "@eolwatch is windows 8.1 still supported?" in a channel: answered in a thread. With a file shared
// in the same message, the file is an import.
import type { Context, types, webApi } from '@slack/bolt';
import { answerMessage, questionOf } from '../../answer-message.js';
import { postImportPreview } from '../../post-import-preview.js';
import { postThreadAnswer } from '../../post-thread-answer.js';
import type { ExternallyShared } from '../../externally-shared.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

export async function handleAppMention(
  event: types.AppMentionEvent,
  client: webApi.WebClient,
  deps: SlackDeps,
  context: Context,
  externallyShared: ExternallyShared,
): Promise<void> {
  if (event.bot_id) return;
  const thread_ts = event.thread_ts ?? event.ts;
  try {
    const speaker = {
      workspace: workspaceOf(context, event.team),
      channel: event.channel,
      user: event.user ?? '',
      entry: 'mention' as const,
    };
    // A file shared with the mention is a device export to import: previewed to its sender only.
    const fileId = (event as { files?: { id?: string }[] }).files?.[0]?.id;
    if (fileId) {
      await postImportPreview(client, fileId, speaker, deps);
      return;
    }
    const answer = await answerMessage(event.text, deps.commands, speaker);
    const thread = { channel: event.channel, user: speaker.user, thread_ts, question: questionOf(event.text) };
    await postThreadAnswer(client, deps, externallyShared, thread, answer);
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: event.team, channel: event.channel, event: 'app_mention' },
      'mention failed',
    );
    await client.chat.postMessage({ channel: event.channel, thread_ts, text: SORRY }).catch(() => undefined);
  }
}
