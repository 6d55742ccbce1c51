// "Share in channel" under a team answer given privately (a channel shared with another organisation):
// the same command, read-only ones only, answered again for everyone in the channel.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../../commands/parse-command.js';
import { runCommand } from '../../../commands/run-command.js';
import { escapeMrkdwn } from '../../../render/escape-mrkdwn.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import { SHARE_ANSWER_ACTION_ID } from '../../../render/slack-ids.js';

/** Answers that change nothing: only these are run again from a button. */
export const SHAREABLE: ReadonlySet<string> = new Set([
  'inventory-show',
  'inventory-history',
  'forecast',
  'report',
  'watches',
  'contracts',
]);

/** Posts the same command's answer for the whole channel (handleShareAnswerAction). */
export const shareAnswerButton = (text: string) => ({
  type: 'actions',
  elements: [
    {
      type: 'button',
      action_id: SHARE_ANSWER_ACTION_ID,
      text: { type: 'plain_text', text: 'Share in channel' },
      value: text.slice(0, 2000),
    },
  ],
});

export async function handleShareAnswerAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  const request = parseCommand(action.value ?? '');
  if (!SHAREABLE.has(request.kind)) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Only answers that change nothing can be shared this way.',
    });
    return;
  }
  try {
    const speaker = {
      workspace: workspaceOf(args.context, body.team?.id),
      channel: body.channel?.id ?? '',
      user: body.user.id,
    };
    const message = renderBlocks(await runCommand(request, deps.commands, speaker));
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
    deps.logger.error({ err: error, action: action.action_id }, 'share failed');
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
