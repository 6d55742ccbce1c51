// /eol: the text to a request, and the request's answer where it belongs (deliveries below).
import { renderConnectModal } from '../../../render/render-connect-modal.js';
import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { Request, Result, Speaker } from '../../../commands/command-types.js';
import { directMessageChannel } from '../../direct-message-channel.js';
import { createSlashAnswerer } from '../../create-slash-answerer.js';
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

/** An export or a chart uploaded where it belongs; a refusal (not an admin, nothing to draw) said privately. */
async function answerWithFile(
  result: Result,
  command: { channel_id: string; user_id: string },
  { client, respond, externallyShared, draw }: FileAnswerer,
): Promise<void> {
  const refused = (error: { data?: { error?: string } }) =>
    respond({ response_type: 'ephemeral', text: uploadRefused(error.data?.error) });
  if (result.kind === 'export' && result.scope === 'all') {
    // The whole workspace's data goes to the admin alone, in a direct message.
    await uploadExport(client, await directMessageChannel(client, command.user_id), result);
    await respond({ response_type: 'ephemeral', text: 'Sent to you in a direct message.' });
  } else if (result.kind === 'export') await uploadExport(client, command.channel_id, result).catch(refused);
  else if (result.kind === 'chart' && (await externallyShared(client, command.channel_id))) {
    // A team's picture stays inside the organisation, as its text answers do: sent to the asker alone.
    await uploadChart(client, await directMessageChannel(client, command.user_id), result.chart, draw);
    await respond({
      response_type: 'ephemeral',
      text: 'This channel is shared with another organisation, so I sent the chart to you in a direct message.',
    });
  } else if (result.kind === 'chart') await uploadChart(client, command.channel_id, result.chart, draw).catch(refused);
  else await respond({ response_type: 'ephemeral', ...renderBlocks(result) });
}

export type EolCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What an /eol answer needs from Slack's side: the request's command, its acks and its clients. */
interface Delivery {
  request: Request;
  speaker: Speaker;
  args: EolCommandArgs;
  /** Set once the ack is sent: an error after it is said with respond(), before it in the ack. */
  acked: () => void;
}

type Deliver = (delivery: Delivery) => Promise<void>;

/**
 * Where each /eol answer goes. Most are answered in the ack itself (within Slack's 3 seconds, no second
 * call); a form opens a modal; what takes longer than the ack may wait is acked first and answered after.
 */
function deliveries(deps: SlackDeps, externallyShared: ExternallyShared): Partial<Record<Request['kind'], Deliver>> {
  const run = (request: Request, speaker: Speaker) => runCommand(request, deps.commands, speaker);
  const afterAck: Deliver = async ({ request, speaker, args, acked }) => {
    await args.ack();
    acked();
    await answerWithFile(await run(request, speaker), args.command, {
      client: args.client,
      respond: args.respond,
      externallyShared,
      draw: chartDrawerOf(deps.commands),
    });
  };
  return {
    'inventory-import': async ({ args, acked }) => {
      await args.ack();
      acked();
      await args.client.views.open({
        trigger_id: args.command.trigger_id,
        view: renderImportModal(args.command.channel_id),
      });
    },
    'connector-form': async ({ request, speaker, args, acked }) => {
      // The command decides who gets the form (admins); anyone else is told why at once.
      const result = await run(request, speaker);
      if (result.kind !== 'connector-form') return args.ack({ response_type: 'ephemeral', ...renderBlocks(result) });
      await args.ack();
      acked();
      await args.client.views.open({
        trigger_id: args.command.trigger_id,
        view: renderConnectModal(result.connectorKind, args.command.channel_id),
      });
    },
    'connector-sync': async ({ request, speaker, args, acked }) => {
      // A fleet's devices take longer to read than the ack may wait: said at once, answered after.
      await args.ack({
        response_type: 'ephemeral',
        text: 'Syncing: the answer follows here when every device is read.',
      });
      acked();
      await args.respond({ response_type: 'ephemeral', ...renderBlocks(await run(request, speaker)) });
    },
    // Files take longer than the ack may wait: acked first, uploaded after.
    'export-all': afterAck,
    export: afterAck,
    chart: afterAck,
  };
}

/** An answer in the ack; in a channel shared with another organisation, team answers go to the asker. */
function inAck(deps: SlackDeps, externallyShared: ExternallyShared): Deliver {
  const answer = createSlashAnswerer(deps.commands);
  return async ({ request, speaker, args, acked }) => {
    const { command, client } = args;
    const { message, inChannel } = await answer(command.text, speaker, request);
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
  const special = deliveries(deps, externallyShared);
  const answerInAck = inAck(deps, externallyShared);
  return async (args) => {
    const { command, context } = args;
    let acked = false;
    try {
      const request = parseCommand(command.text);
      const speaker = {
        workspace: workspaceOf(context, command.team_id),
        channel: command.channel_id,
        user: command.user_id,
        entry: 'slash' as const,
      };
      await (special[request.kind] ?? answerInAck)({ request, speaker, args, acked: () => (acked = true) });
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
