// A "which did you mean?" button (a count line or a date read more than one way): runs the command it
// names as /eol would, answering in the channel when /eol would.
import type { BlockButtonAction, SlackActionMiddlewareArgs, Context } from '@slack/bolt';
import { isForChannel } from '../../../commands/command-types.js';
import { parseCommand } from '../../../commands/parse-command.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

/** Only what a choice is ever offered for: the value came back from Slack's client. */
const CHOOSABLE = new Set(['lookup', 'inventory-set']);

export async function handleChoiceAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  try {
    const speaker = {
      workspace: workspaceOf(args.context, body.team?.id),
      channel: body.channel?.id ?? '',
      user: body.user.id,
    };
    const request = parseCommand(action.value ?? '');
    const result = CHOOSABLE.has(request.kind)
      ? await runCommand(request, deps.commands, speaker)
      : { kind: 'invalid' as const, reason: 'That button no longer works; type the command instead.' };
    const message = renderBlocks(result);
    await respond({
      response_type: isForChannel(result) ? 'in_channel' : 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: body.team?.id, channel: body.channel?.id, action: action.action_id },
      'choice failed',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
