// A planned reminder -> its words (for both renderers) and its Slack message with the buttons; once a
// button is pressed, the message with who marked it.
import { formatCount, plural } from '../leaf/format-count.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { releaseTitle } from '../catalog/release-title.js';
import { extendedSupportPhrase } from '../catalog/names/extended-support.js';
import type { PlannedReminder } from '../reminders/plan-reminders.js';
import { roundEstimate } from '../forecasts/forecast-release.js';

import { plainFormat, slackFormat, type Formatter } from './formatter.js';
import { button, context, type Block } from './block-kit.js';
import type { SlackMessage } from './render-blocks.js';
import { HANDLED_ACTION_ID, SNOOZE_ACTION_ID, UNDO_HANDLED_ACTION_ID } from './slack-ids.js';
import type { Result } from '../commands/command-types.js';
import { milestoneNote } from './watch-lines.js';

/** The snoozes a reminder offers, in days; the button's id carries its days (`eol_snooze_7`). */
export const SNOOZE_CHOICES = [1, 7, 30] as const;
export const SNOOZE_DAYS = 7;

export function reminderText(reminder: PlannedReminder, f: Formatter): string {
  const name = f.strong(f.text(releaseTitle(reminder.release)));
  const phase = f.text(reminder.phase.label);
  const when =
    reminder.daysLeft > 0
      ? `ends on ${f.date(reminder.end)}, in ${plural(reminder.daysLeft, 'day')}`
      : reminder.daysLeft === 0
        ? `ends today, ${f.date(reminder.end)}: its last supported day`
        : `ended on ${f.date(reminder.end)}, ${plural(-reminder.daysLeft, 'day')} ago`;
  const lines = [`${f.icon('alarm_clock')}${name}: ${phase} ${when}.`];
  if (reminder.after) {
    const label = f.text(reminder.after.label);
    const next = reminder.after.extended ? extendedSupportPhrase(reminder.release.productName, label) : label;
    lines.push(`After that: ${next} available until ${f.date(reminder.after.end)}.`);
  } else {
    lines.push('After that: no further updates.');
  }
  if (reminder.machineCount) {
    const left =
      reminder.leftAtEnd === undefined
        ? ''
        : reminder.leftAtEnd === 0
          ? ' At this pace, none will be left on it by then.'
          : ` At this pace, about ${formatCount(roundEstimate(reminder.leftAtEnd))} will still be on it on ${f.date(reminder.end)}.`;
    lines.push(`This team reports ${formatCount(reminder.machineCount)} machines on it.${left}`);
  }
  if (reminder.late)
    lines.push(`_Late: this reminder was due on ${f.date(reminder.dueDate)}, while eolwatch was not running._`);
  return lines.join('\n');
}

export function renderReminder(reminder: PlannedReminder): SlackMessage {
  const button = (action_id: string, text: string, extra: Record<string, unknown> = {}) => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text },
    value: reminder.milestone,
    ...extra,
  });
  // "Handled" silences the milestone here for good: asked once more before it does.
  const confirm = {
    title: { type: 'plain_text', text: 'Mark handled?' },
    text: { type: 'plain_text', text: 'No more reminders of this in this channel. You can undo it afterwards.' },
    confirm: { type: 'plain_text', text: 'Mark handled' },
    deny: { type: 'plain_text', text: 'Cancel' },
  };
  return {
    // The notification text is read as mrkdwn too: a contract named "<https://evil|Renew>" stays text.
    text: escapeMrkdwn(reminderText(reminder, plainFormat).replace(/_/g, '')),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: reminderText(reminder, slackFormat) } },
      {
        type: 'actions',
        elements: [
          ...SNOOZE_CHOICES.map((days) =>
            button(`${SNOOZE_ACTION_ID}_${days}`, `Snooze ${days} day${days === 1 ? '' : 's'}`),
          ),
          button(HANDLED_ACTION_ID, 'Mark handled', { confirm }),
        ],
      },
    ],
  };
}

/** A reminder once its milestone is marked: its own text, who marked it, and Undo after "handled". */
export function renderMarkedReminder(
  reminder: { text?: string; blocks?: Block[] } | undefined,
  result: Extract<Result, { kind: 'milestone-marked' }>,
): SlackMessage {
  const note = milestoneNote(result, slackFormat);
  const reminderBlock = reminder?.blocks?.[0];
  return {
    text: reminder?.text ?? note,
    blocks: [
      ...(reminderBlock ? [reminderBlock] : []),
      context(note),
      ...(result.mark === 'handled'
        ? [{ type: 'actions', elements: [button(UNDO_HANDLED_ACTION_ID, 'Undo', result.milestone)] }]
        : []),
    ],
  };
}
