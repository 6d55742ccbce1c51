// "Snooze 7 days" and "Mark handled" under a reminder, and "Undo" under a handled one: recorded for the
// channel (and in the audit log), and the message updated to say who did what.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs } from '@slack/bolt';
import { addDays, toIsoDate } from '../../../leaf/calendar-date.js';
import { escapeMrkdwn } from '../../../render/escape-mrkdwn.js';
import { slackFormat } from '../../../render/formatter.js';
import { SNOOZE_CHOICES, SNOOZE_DAYS } from '../../../render/render-reminder.js';
import { SNOOZE_ACTION_ID, UNDO_HANDLED_ACTION_ID } from '../../../render/slack-ids.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import { recordAudit } from '../../../commands/record-audit.js';

/** `T1|C1|windows/8.1|eol` -> `windows/8.1`. */
const releaseOfMilestone = (milestone: string): string => milestone.split('|')[2] ?? '';

export async function handleReminderAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  const milestone = action.value ?? '';
  const user = body.user.id;
  // The value came back from Slack's client: only this channel's own milestones may be marked.
  if (!milestone.startsWith(`${workspaceOf(args.context, body.team?.id)}|${body.channel?.id ?? ''}|`)) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'That reminder belongs to another channel.',
    });
    return;
  }
  const speaker = { workspace: workspaceOf(args.context, body.team?.id), channel: body.channel?.id ?? '', user };
  try {
    const store = await deps.commands.store();
    const now = deps.commands.now();
    const today = toIsoDate(now);
    let note: string;
    let undo: { type: string; elements: unknown[] } | null = null;
    if (action.action_id === UNDO_HANDLED_ACTION_ID) {
      // Undone: the milestone is reminded of again, from its next lead time on.
      await store.markMilestone(milestone, { handledBy: undefined, handledAt: undefined });
      await recordAudit(deps.commands, speaker, {
        action: 'milestone.unhandled',
        change: `${milestone}: handled → not handled`,
        releases: [releaseOfMilestone(milestone)],
      });
      note = `“Handled” undone by <@${escapeMrkdwn(user)}> on ${slackFormat.date(today)}: reminders of this resume.`;
    } else if (action.action_id.startsWith(SNOOZE_ACTION_ID)) {
      // `eol_snooze_30` snoozes 30 days; the older `eol_snooze` (messages posted before) 7.
      const days = Number(/_(\d+)$/.exec(action.action_id)?.[1] ?? SNOOZE_DAYS);
      const until = addDays(
        today,
        SNOOZE_CHOICES.includes(days as (typeof SNOOZE_CHOICES)[number]) ? days : SNOOZE_DAYS,
      );
      await store.markMilestone(milestone, { snoozedUntil: until, snoozedBy: user, snoozedAt: today });
      await recordAudit(deps.commands, speaker, {
        action: 'milestone.snooze',
        change: `${milestone}: until ${until}`,
        releases: [releaseOfMilestone(milestone)],
      });
      note = `Snoozed by <@${escapeMrkdwn(user)}> until ${slackFormat.date(until)}.`;
    } else {
      await store.markMilestone(milestone, { handledBy: user, handledAt: now.toUTC().toISO() ?? today });
      await recordAudit(deps.commands, speaker, {
        action: 'milestone.handled',
        change: `${milestone}: not handled → handled`,
        releases: [releaseOfMilestone(milestone)],
      });
      note = `Marked handled by <@${escapeMrkdwn(user)}> on ${slackFormat.date(today)}: no more reminders of this here.`;
      undo = {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: UNDO_HANDLED_ACTION_ID,
            text: { type: 'plain_text', text: 'Undo' },
            value: milestone,
          },
        ],
      };
    }
    const reminderBlock = (body.message?.blocks as { type: string }[] | undefined)?.[0];
    await respond({
      replace_original: true,
      text: body.message?.text ?? note,
      blocks: [
        ...(reminderBlock ? [reminderBlock] : []),
        { type: 'context', elements: [{ type: 'mrkdwn', text: note }] },
        ...(undo ? [undo] : []),
      ],
    });
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: body.team?.id, channel: body.channel?.id, action: action.action_id },
      'reminder action failed',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
