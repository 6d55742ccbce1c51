// A mention's or a direct message's answer, posted in its thread: a chart as its picture. In a channel
// shared with another organisation a team's answer goes to the asker alone, with a button to share it,
// and a chart's words come without the picture (ask in a direct message for it).
import type { webApi } from '@slack/bolt';
import type { Chart } from '../charts/chart.js';
import { chartDrawerOf } from '../chart-images/draw-chart.js';
import { parseCommand } from '../commands/parse-command.js';
import type { SlackMessage } from '../render/render-blocks.js';
import type { ExternallyShared } from './externally-shared.js';
import { SHAREABLE, shareAnswerButton } from './listeners/actions/share-answer-action.js';
import type { SlackDeps } from './slack-deps.js';
import { uploadChart } from './upload-chart.js';

export interface Thread {
  channel: string;
  /** Who asked: the one an answer kept private goes to. */
  user: string;
  thread_ts: string;
  /** The question as asked, for the share button. */
  question: string;
}

export async function postThreadAnswer(
  client: webApi.WebClient,
  deps: SlackDeps,
  /** Null where the conversation is never shared (a direct message). */
  externallyShared: ExternallyShared | null,
  { channel, user, thread_ts, question }: Thread,
  { chart, ...message }: SlackMessage & { chart?: Chart },
): Promise<void> {
  const shared = async () => externallyShared !== null && (await externallyShared(client, channel));
  if (SHAREABLE.has(parseCommand(question).kind) && (await shared())) {
    await client.chat.postEphemeral({
      channel,
      user,
      text: message.text,
      blocks: [...message.blocks, shareAnswerButton(question)],
    });
  } else if (chart && (await shared())) {
    // A team's picture stays inside the organisation: its words go to the asker alone.
    await client.chat.postEphemeral({
      channel,
      user,
      text: `${message.text}\nThis channel is shared with another organisation: ask me in a direct message for the picture.`,
    });
  } else if (chart) await uploadChart(client, channel, chart, chartDrawerOf(deps.commands), thread_ts);
  else await client.chat.postMessage({ channel, thread_ts, ...message });
}
