// "Undo" beside a milestone marked handled, in `/eol watches` or on the Home tab: reminders of it
// resume. The Home tab is published again; a channel's answer gets a note.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import type { HomePublisher } from '../../home-publisher.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

export async function handleUndoHandledAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
  home: HomePublisher,
): Promise<void> {
  const { ack, action, body, client, respond } = args;
  await ack();
  const milestone = action.value ?? '';
  const workspace = workspaceOf(args.context, body.team?.id);
  const fromHome = body.container?.type === 'view';
  // The Home tab shows the user's channels' milestones; a channel's answer only that channel's.
  const channel = fromHome ? (milestone.split('|')[1] ?? '') : (body.channel?.id ?? '');
  const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
  try {
    const result = await runCommand({ kind: 'milestone-mark', milestone, mark: 'unhandled' }, deps.commands, {
      workspace,
      channel,
      user: body.user.id,
    });
    if (fromHome) {
      if (result.kind === 'milestone-marked') await home.publish(client, workspace, body.user.id);
    } else await reply(renderBlocks(result).text);
  } catch (error) {
    deps.logger.error({ err: error, workspace, action: action.action_id }, 'undo failed');
    if (!fromHome) await reply(SORRY);
  }
}
