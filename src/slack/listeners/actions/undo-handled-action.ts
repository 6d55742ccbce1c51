// "Undo" beside a milestone marked handled, in `/eol watches` or on the Home tab: reminders of it
// resume. Recorded in the audit log; the Home tab is published again, a channel answer gets a note.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { recordAudit } from '../../../commands/record-audit.js';
import { escapeMrkdwn } from '../../../render/escape-mrkdwn.js';
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
  const [, channel = '', release = ''] = milestone.split('|');
  const fromHome = body.container?.type === 'view';
  // The value came back from Slack's client: only this workspace's milestones, and from a channel's
  // answer only that channel's.
  if (!milestone.startsWith(`${workspace}|`) || (!fromHome && channel !== body.channel?.id)) {
    if (!fromHome)
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That reminder belongs to another channel.',
      });
    return;
  }
  try {
    const store = await deps.commands.store();
    const mark = (await store.milestoneMarks())[milestone];
    if (mark?.handledAt) {
      await store.markMilestone(milestone, { handledBy: undefined, handledAt: undefined });
      await recordAudit(
        deps.commands,
        { workspace, channel, user: body.user.id },
        { action: 'milestone.unhandled', change: `${milestone}: handled → not handled`, releases: [release] },
      );
    }
    if (fromHome) await home.publish(client, workspace, body.user.id);
    else
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `“Handled” undone by <@${escapeMrkdwn(body.user.id)}>: reminders of this resume.`,
      });
  } catch (error) {
    deps.logger.error({ err: error, workspace, action: action.action_id }, 'undo failed');
    if (!fromHome) await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
