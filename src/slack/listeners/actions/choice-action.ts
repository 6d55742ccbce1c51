// Buttons that run a command as /eol would: a "did you mean" under "not found" or "could be" (a lookup),
// and a "which did you mean?" under a count line or a date read more than one way. The value came back
// from Slack's client, so it only ever becomes the kind of request the button was offered for.
import type { BlockButtonAction, SlackActionMiddlewareArgs, Context } from '@slack/bolt';
import { isForChannel, type Request } from '../../../commands/command-types.js';
import { parseCommand } from '../../../commands/parse-command.js';
import { parseLookup } from '../../../commands/parse-lookup.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & { context: Context };

/** Only what a choice is ever offered for. */
const CHOOSABLE = new Set<Request['kind']>(['lookup', 'inventory-set']);
const STALE: Request = { kind: 'invalid', reason: 'That button no longer works; type the command instead.' };

/** Runs the button's request and answers in the channel when /eol would, else to the presser alone. */
async function answerButton(args: ButtonArgs, deps: SlackDeps, requestOf: (value: string) => Request): Promise<void> {
  const { ack, action, body, respond } = args;
  await ack();
  try {
    const speaker = {
      workspace: workspaceOf(args.context, body.team?.id),
      channel: body.channel?.id ?? '',
      user: body.user.id,
    };
    const result = await runCommand(requestOf(action.value ?? ''), deps.commands, speaker);
    const message = renderBlocks(result);
    await respond({
      response_type: isForChannel(result) ? 'in_channel' : 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: body.team?.id, channel: body.channel?.id, action: action.action_id },
      'button failed',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}

export function handleChoiceAction(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  return answerButton(args, deps, (value) => {
    const request = parseCommand(value);
    return CHOOSABLE.has(request.kind) ? request : STALE;
  });
}

/** A suggestion's lookup is answered privately: parsed as a lookup, never another subcommand. */
export function handleLookupAction(args: ButtonArgs, deps: SlackDeps): Promise<void> {
  return answerButton(args, deps, (value) => parseLookup(value, false));
}
