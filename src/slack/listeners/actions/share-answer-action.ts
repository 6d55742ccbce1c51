// "Share in channel" under a team answer given privately (a channel shared with another organisation):
// the same command, read-only ones only, answered again for everyone in the channel.
import { parseCommand } from '../../../commands/parse-command.js';
import { runCommand } from '../../../commands/run-command.js';
import type { SlackDeps } from '../../slack-deps.js';
import { SHARE_ANSWER_ACTION_ID } from '../../../render/slack-ids.js';
import { postSharedAnswer, type ShareArgs } from './post-shared-answer.js';

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

export async function handleShareAnswerAction(args: ShareArgs, deps: SlackDeps): Promise<void> {
  const { ack, action, respond } = args;
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
  await postSharedAnswer(args, deps, (speaker) => runCommand(request, deps.commands, speaker));
}
