// "Share in channel" under an ephemeral answer: post the same question's answer for everyone.
import type { BlockButtonAction, SlackActionMiddlewareArgs, Context } from '@slack/bolt';
import { runText } from '../../../commands/run-command.js';
import { escapeMrkdwn } from '../../../render/escape-mrkdwn.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

export async function handleShareAction(
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
    const result = await runText(`share ${action.value ?? ''}`, deps.commands, speaker);
    const message = renderBlocks(result);
    const sharedBy = {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Shared by <@${escapeMrkdwn(body.user.id)}>` }],
    };
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      text: message.text,
      blocks: [...message.blocks, sharedBy],
    });
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: body.team?.id, channel: body.channel?.id, action: action.action_id },
      'share failed',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
