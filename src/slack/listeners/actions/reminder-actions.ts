// "Snooze 7 days" and "Mark handled" under a reminder: recorded for the channel, and the message
// updated to say who did what, without its buttons.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs } from '@slack/bolt';
import { addDays, toIsoDate } from '../../../lifecycle/calendar-date.js';
import { escapeMrkdwn } from '../../../render/escape-mrkdwn.js';
import { slackFormat } from '../../../render/formatter.js';
import { SNOOZE_DAYS } from '../../../render/render-reminder.js';
import { SNOOZE_ACTION_ID } from '../../../render/slack-ids.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import { recordAudit } from '../../../commands/record-audit.js';

/** `T1|C1|windows/8.1|eol` -> `windows/8.1`. */
const releaseOfMilestone = (milestone: string): string => milestone.split('|')[2] ?? '';

export async function handleReminderAction(args: SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context }, deps: SlackDeps): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  const milestone = action.value ?? '';
  const user = body.user.id;
  // The value came back from Slack's client: only this channel's own milestones may be marked.
  if (!milestone.startsWith(`${workspaceOf(args.context, body.team?.id)}|${body.channel?.id ?? ''}|`)) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'That reminder belongs to another channel.' });
    return;
  }
  const speaker = { workspace: workspaceOf(args.context, body.team?.id), channel: body.channel?.id ?? '', user };
  try {
    const store = await deps.commands.store();
    const now = deps.commands.now();
    const today = toIsoDate(now);
    let note: string;
    if (action.action_id === SNOOZE_ACTION_ID) {
      const until = addDays(today, SNOOZE_DAYS);
      await store.markMilestone(milestone, { snoozedUntil: until, snoozedBy: user, snoozedAt: today });
      await recordAudit(deps.commands, speaker, { action: 'milestone.snooze', change: `${milestone}: until ${until}`, releases: [releaseOfMilestone(milestone)] });
      note = `Snoozed by <@${escapeMrkdwn(user)}> until ${slackFormat.date(until)}.`;
    } else {
      await store.markMilestone(milestone, { handledBy: user, handledAt: now.toUTC().toISO() ?? today });
      await recordAudit(deps.commands, speaker, { action: 'milestone.handled', change: `${milestone}: not handled → handled`, releases: [releaseOfMilestone(milestone)] });
      note = `Marked handled by <@${escapeMrkdwn(user)}> on ${slackFormat.date(today)}: no more reminders of this here.`;
    }
    const reminderBlock = body.message?.blocks?.[0];
    await respond({
      replace_original: true,
      text: body.message?.text ?? note,
      blocks: [...(reminderBlock ? [reminderBlock] : []), { type: 'context', elements: [{ type: 'mrkdwn', text: note }] }],
    });
  } catch (error) {
    deps.logger.error({ err: error, workspace: body.team?.id, channel: body.channel?.id, action: action.action_id }, 'reminder action failed');
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
