// A suggestion button under "not found" or "could be": answers that lookup, privately, as /eol would.
import type { BlockButtonAction, SlackActionMiddlewareArgs, Context } from '@slack/bolt';
import { parseLookup } from '../../../commands/parse-lookup.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

export async function handleLookupAction(
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
    // Parsed as a lookup only: the value came back from Slack's client, so it never reaches another subcommand.
    const result = await runCommand(parseLookup(action.value ?? '', false), deps.commands, speaker);
    const message = renderBlocks(result);
    await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: body.team?.id, channel: body.channel?.id, action: action.action_id },
      'suggestion lookup failed',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
