// /eol: the text to a request, and the request's answer where it belongs (deliveries below).
import { renderConnectModal } from '../../../render/render-connect-modal.js';
import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { Destination } from '../../../commands/command-definition.js';
import { destinationOf } from '../../../commands/destination-of.js';
import type { Request, Result, Speaker } from '../../../commands/command-types.js';
import { directMessageChannel } from '../../direct-message-channel.js';
import { createSlashAnswerer, type Kept, type SlashAnswerer } from '../../create-slash-answerer.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import { parseCommand } from '../../../commands/parse-command.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { renderImportModal } from '../../../render/render-import-modal.js';
import { uploadExport } from '../../upload-export.js';
import { uploadChart } from '../../upload-chart.js';
import { chartDrawerOf, type ChartDrawer } from '../../../chart-images/draw-chart.js';
import { botIsMember, type ExternallyShared } from '../../externally-shared.js';
import { SHAREABLE } from '../actions/share-answer-action.js';
import { shareAnswerButton } from '../actions/share-answer-action.js';

const NOT_A_MEMBER =
  'I am not in this channel yet, so I cannot post its reminders: invite me with `/invite @eolwatch`.';

const uploadRefused = (code: string | undefined): string =>
  code === 'not_in_channel' || code === 'channel_not_found'
    ? 'I could not upload the file here: invite me to this channel first (`/invite @eolwatch`).'
    : `I could not upload the file here (${code ?? 'no answer from Slack'}). The command line has the same: \`npm run --silent eol -- inventory export\` (or \`… inventory chart --out chart.png\`).`;

interface FileAnswerer {
  client: webApi.WebClient;
  respond: RespondFn;
  externallyShared: ExternallyShared;
  draw: ChartDrawer;
}

/**
 * A file uploaded where it belongs (`direct`: to the asker alone); a refusal (not an admin, nothing to
 * draw) said privately. A team's chart in a channel shared with another organisation goes to the asker,
 * as its text answers do.
 */
async function answerWithFile(
  result: Result,
  direct: boolean,
  command: { channel_id: string; user_id: string },
  { client, respond, externallyShared, draw }: FileAnswerer,
): Promise<void> {
  const refused = (error: { data?: { error?: string } }) =>
    respond({ response_type: 'ephemeral', text: uploadRefused(error.data?.error) });
  if (result.kind !== 'export' && result.kind !== 'chart')
    return void (await respond({ response_type: 'ephemeral', ...renderBlocks(result) }));
  const shared = !direct && result.kind === 'chart' && (await externallyShared(client, command.channel_id));
  const channel = direct || shared ? await directMessageChannel(client, command.user_id) : command.channel_id;
  const upload =
    result.kind === 'export' ? uploadExport(client, channel, result) : uploadChart(client, channel, result.chart, draw);
  if (channel === command.channel_id) return void (await upload.catch(refused));
  await upload;
  await respond({
    response_type: 'ephemeral',
    text: shared
      ? 'This channel is shared with another organisation, so I sent the chart to you in a direct message.'
      : 'Sent to you in a direct message.',
  });
}

type FormView = ReturnType<typeof renderImportModal> | ReturnType<typeof renderConnectModal>;

/** The modal a form answer opens, or null when the answer is a refusal to say instead. */
function formView(result: Result, channel: string): FormView | null {
  if (result.kind === 'import-form') return renderImportModal(channel);
  if (result.kind === 'connector-form') return renderConnectModal(result.connectorKind, channel);
  return null;
}

export type EolCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What an /eol answer needs from Slack's side: the request's command, its acks and its clients. */
interface Delivery {
  request: Request;
  speaker: Speaker;
  args: EolCommandArgs;
  /** Set once the ack is sent: an error after it is said with respond(), before it in the ack. */
  acked: () => void;
  /** What the answer cache found for the text before it was parsed. */
  kept: Kept;
}

type Deliver = (delivery: Delivery) => Promise<void>;

/**
 * How each destination (the command's `answers`) is delivered. A reply is in the ack itself (within
 * Slack's 3 seconds, no second call); a form opens a modal; files and slow answers are acked first.
 */
function deliveries(
  deps: SlackDeps,
  externallyShared: ExternallyShared,
  answer: SlashAnswerer,
): Record<Exclude<Destination, object>, Deliver> & { later: (words: string) => Deliver } {
  const run = (request: Request, speaker: Speaker) => runCommand(request, deps.commands, speaker);
  const file =
    (direct: boolean): Deliver =>
    async ({ request, speaker, args, acked }) => {
      await args.ack();
      acked();
      await answerWithFile(await run(request, speaker), direct, args.command, {
        client: args.client,
        respond: args.respond,
        externallyShared,
        draw: chartDrawerOf(deps.commands),
      });
    };
  return {
    reply: inAck(answer, externallyShared),
    form: async ({ request, speaker, args, acked }) => {
      // The command decides who gets the form; anyone else is told why at once.
      const result = await run(request, speaker);
      const view = formView(result, args.command.channel_id);
      if (!view) return args.ack({ response_type: 'ephemeral', ...renderBlocks(result) });
      await args.ack();
      acked();
      await args.client.views.open({ trigger_id: args.command.trigger_id, view });
    },
    file: file(false),
    'direct-file': file(true),
    later:
      (words) =>
      async ({ request, speaker, args, acked }) => {
        await args.ack({ response_type: 'ephemeral', text: words });
        acked();
        await args.respond({ response_type: 'ephemeral', ...renderBlocks(await run(request, speaker)) });
      },
  };
}

/** An answer in the ack; in a channel shared with another organisation, team answers go to the asker. */
function inAck(answer: SlashAnswerer, externallyShared: ExternallyShared): Deliver {
  return async ({ request, speaker, args, acked, kept }) => {
    const { command, client } = args;
    const { message, inChannel } = await answer(command.text, speaker, request, kept);
    if (inChannel && SHAREABLE.has(request.kind) && (await externallyShared(client, command.channel_id))) {
      await args.ack({
        response_type: 'ephemeral',
        text: message.text,
        blocks: [...message.blocks, shareAnswerButton(command.text)],
      });
      return;
    }
    await args.ack({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...message });
    acked();
    // A watch is only as good as the bot's place in the channel: said at once, with the fix.
    if (request.kind === 'watch' && (await botIsMember(client, command.channel_id)) === false)
      await args.respond({ response_type: 'ephemeral', text: NOT_A_MEMBER });
  };
}

/** The /eol listener: the text to a request, the request to its delivery. One answerer (and cache) per app. */
export function eolCommandHandler(
  deps: SlackDeps,
  externallyShared: ExternallyShared,
): (args: EolCommandArgs) => Promise<void> {
  const answer = createSlashAnswerer(deps.commands);
  const delivered = deliveries(deps, externallyShared, answer);
  return async (args) => {
    const { command, context } = args;
    let acked = false;
    try {
      const speaker = {
        workspace: workspaceOf(context, command.team_id),
        channel: command.channel_id,
        user: command.user_id,
        entry: 'slash' as const,
      };
      // A question asked before (the same words, day and contracts) is answered as it was, unparsed.
      const kept = await answer.kept(command.text, speaker);
      if ('answer' in kept) {
        const { message, inChannel } = kept.answer;
        return await args.ack({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...message });
      }
      const request = parseCommand(command.text);
      const destination = destinationOf(request.kind);
      const deliver = typeof destination === 'string' ? delivered[destination] : delivered.later(destination.later);
      await deliver({ request, speaker, args, acked: () => (acked = true), kept });
    } catch (error) {
      deps.logger.error(
        { err: error, workspace: command.team_id, channel: command.channel_id, command: '/eol' },
        'command failed',
      );
      if (acked) await args.respond({ response_type: 'ephemeral', text: SORRY }).catch(() => undefined);
      else await args.ack({ response_type: 'ephemeral', text: SORRY });
    }
  };
}
