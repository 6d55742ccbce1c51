// "@eolwatch is windows 8.1 still supported?" in a channel: answered in a thread. With a file shared
// in the same message, the file is an import.
import type { Context, types, webApi } from '@slack/bolt';
import { answerMessage, questionOf } from '../../answer-message.js';
import { parseCommand } from '../../../commands/parse-command.js';
import { SHAREABLE, shareAnswerButton } from '../actions/share-answer-action.js';
import { postImportPreview } from '../../post-import-preview.js';
import { uploadChart } from '../../upload-chart.js';
import { chartDrawerOf } from '../../../chart-images/draw-chart.js';
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
    // In a channel shared with another organisation, team answers go to the asker, who may share them.
    const question = questionOf(event.text);
    if (SHAREABLE.has(parseCommand(question).kind) && (await externallyShared(client, event.channel))) {
      await client.chat.postEphemeral({
        channel: event.channel,
        user: speaker.user,
        text: answer.text,
        blocks: [...answer.blocks, shareAnswerButton(question)],
      });
      return;
    }
    const { chart, ...message } = answer;
    // A team's picture stays inside the organisation: in a shared channel its words go to the asker alone.
    if (chart && (await externallyShared(client, event.channel))) {
      await client.chat.postEphemeral({
        channel: event.channel,
        user: speaker.user,
        text: `${message.text}\nThis channel is shared with another organisation: ask me in a direct message for the picture.`,
      });
    } else if (chart) await uploadChart(client, event.channel, chart, chartDrawerOf(deps.commands), thread_ts);
    else await client.chat.postMessage({ channel: event.channel, thread_ts, ...message });
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: event.team, channel: event.channel, event: 'app_mention' },
      'mention failed',
    );
    await client.chat.postMessage({ channel: event.channel, thread_ts, text: SORRY }).catch(() => undefined);
  }
}
