// A "Share in channel" button's answer, posted for the whole channel with who shared it: the one way
// both share buttons (a lookup's, a team answer's) post. A failure is said to the presser alone.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Result, Speaker } from '../../../commands/command-types.js';
import { escapeMrkdwn } from '../../../render/escape-mrkdwn.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

export type ShareArgs = SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context };

/** `answer`: the button's command run again for the presser, in the channel the button is in. */
export async function postSharedAnswer(
  args: ShareArgs,
  deps: SlackDeps,
  answer: (speaker: Speaker) => Promise<Result>,
): Promise<void> {
  const { action, body, respond } = args;
  try {
    const speaker = {
      workspace: workspaceOf(args.context, body.team?.id),
      channel: body.channel?.id ?? '',
      user: body.user.id,
    };
    const message = renderBlocks(await answer(speaker));
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
