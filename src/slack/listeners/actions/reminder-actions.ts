// "Snooze N days" and "Mark handled" under a reminder, and "Undo" under a handled one: the button to a
// request, and the reminder updated to say who did what.
import type { BlockButtonAction, Context, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Request } from '../../../commands/command-types.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { renderMarkedReminder, SNOOZE_CHOICES, SNOOZE_DAYS } from '../../../render/render-reminder.js';
import { SNOOZE_ACTION_ID, UNDO_HANDLED_ACTION_ID } from '../../../render/slack-ids.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

/** `eol_snooze_30` snoozes 30 days; the older `eol_snooze` (on messages posted before) and others, 7. */
function markOf(actionId: string): Extract<Request, { kind: 'milestone-mark' }>['mark'] {
  if (actionId === UNDO_HANDLED_ACTION_ID) return 'unhandled';
  if (!actionId.startsWith(SNOOZE_ACTION_ID)) return 'handled';
  const days = Number(/_(\d+)$/.exec(actionId)?.[1]);
  return { snoozeDays: (SNOOZE_CHOICES as readonly number[]).includes(days) ? days : SNOOZE_DAYS };
}

export async function handleReminderAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  const speaker = {
    workspace: workspaceOf(args.context, body.team?.id),
    channel: body.channel?.id ?? '',
    user: body.user.id,
  };
  const request = { kind: 'milestone-mark', milestone: action.value ?? '', mark: markOf(action.action_id) } as const;
  try {
    const result = await runCommand(request, deps.commands, speaker);
    if (result.kind === 'milestone-marked')
      await respond({ replace_original: true, ...renderMarkedReminder(body.message, result) });
    else await respond({ response_type: 'ephemeral', replace_original: false, ...renderBlocks(result) });
  } catch (error) {
    deps.logger.error({ err: error, ...speaker, action: action.action_id }, 'reminder action failed');
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
