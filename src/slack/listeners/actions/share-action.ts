// "Share in channel" under an ephemeral answer: post the same question's answer for everyone.
import { runText } from '../../../commands/run-command.js';
import type { SlackDeps } from '../../slack-deps.js';
import { postSharedAnswer, type ShareArgs } from './post-shared-answer.js';

export async function handleShareAction(args: ShareArgs, deps: SlackDeps): Promise<void> {
  await args.ack();
  await postSharedAnswer(args, deps, (speaker) => runText(`share ${args.action.value ?? ''}`, deps.commands, speaker));
}
