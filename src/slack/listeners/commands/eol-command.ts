// /eol: parse, run, render, and answer in the ack itself (within Slack's 3 seconds, no second call).
import { renderConnectModal } from '../../../render/render-connect-modal.js';
import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { Result } from '../../../commands/command-types.js';
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

/** The /eol handler: one answerer (and its cache) per app. */
export function eolCommandHandler(
  deps: SlackDeps,
  externallyShared: ExternallyShared,
): (args: EolCommandArgs) => Promise<void> {
  const answer = createSlashAnswerer(deps.commands);
  return async ({ command, ack, client, respond, context }) => {
    let acked = false;
    try {
      const speaker = {
        workspace: workspaceOf(context, command.team_id),
        channel: command.channel_id,
        user: command.user_id,
        entry: 'slash' as const,
      };
      const request = parseCommand(command.text);
      if (request.kind === 'inventory-import') {
        await ack();
        acked = true;
        await client.views.open({ trigger_id: command.trigger_id, view: renderImportModal(command.channel_id) });
        return;
      }
      if (request.kind === 'connector-form') {
        // The command decides who gets the form (admins); anyone else is told why at once.
        const result = await runCommand(request, deps.commands, speaker);
        if (result.kind !== 'connector-form') {
          await ack({ response_type: 'ephemeral', ...renderBlocks(result) });
          return;
        }
        await ack();
        acked = true;
        await client.views.open({
          trigger_id: command.trigger_id,
          view: renderConnectModal(result.connectorKind, command.channel_id),
        });
        return;
      }
      if (request.kind === 'connector-sync') {
        // A fleet's devices take longer to read than the ack may wait: said at once, answered after.
        await ack({ response_type: 'ephemeral', text: 'Syncing: the answer follows here when every device is read.' });
        acked = true;
        await respond({
          response_type: 'ephemeral',
          ...renderBlocks(await runCommand(request, deps.commands, speaker)),
        });
        return;
      }
      if (request.kind === 'export-all' || request.kind === 'export' || request.kind === 'chart') {
        // Files take longer than the ack may wait: acked first, uploaded after.
        await ack();
        acked = true;
        await answerWithFile(await runCommand(request, deps.commands, speaker), command, {
          client,
          respond,
          externallyShared,
          draw: chartDrawerOf(deps.commands),
        });
        return;
      }
      const { message, inChannel } = await answer(command.text, speaker, request);
      // In a channel shared with another organisation, team answers go to the asker, who may share them.
      if (inChannel && SHAREABLE.has(request.kind) && (await externallyShared(client, command.channel_id))) {
        await ack({
          response_type: 'ephemeral',
          text: message.text,
          blocks: [...message.blocks, shareAnswerButton(command.text)],
        });
        return;
      }
      await ack({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...message });
      acked = true;
      // A watch is only as good as the bot's place in the channel: said at once, with the fix.
      if (request.kind === 'watch' && (await botIsMember(client, command.channel_id)) === false) {
        await respond({ response_type: 'ephemeral', text: NOT_A_MEMBER });
      }
    } catch (error) {
      deps.logger.error(
        { err: error, workspace: command.team_id, channel: command.channel_id, command: '/eol' },
        'command failed',
      );
      if (acked) await respond({ response_type: 'ephemeral', text: SORRY }).catch(() => undefined);
      else await ack({ response_type: 'ephemeral', text: SORRY });
    }
  };
}
