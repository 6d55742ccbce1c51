// The Home tab's forms, submitted: refuse with errors on the fields (nothing saved), or run the same
// command `/eol` runs (locks, the audit log and all), post its answer to the team's channel as `/eol`
// would, and publish the Home tab again.
import type { Context, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Speaker } from '../../../commands/command-types.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { FORM_CHANNEL_BLOCK_ID } from '../../../render/slack-ids.js';
import { directMessageChannel } from '../../direct-message-channel.js';
import type { HomePublisher } from '../../home-publisher.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import { readHomeForm } from './read-home-form.js';

/** The answer goes where `/eol` would have put it; if the bot is not in that channel, to the user. */
async function postAnswer(
  client: webApi.WebClient,
  speaker: Speaker,
  message: ReturnType<typeof renderBlocks>,
): Promise<void> {
  try {
    await client.chat.postMessage({ channel: speaker.channel, ...message });
  } catch {
    await client.chat.postMessage({
      channel: await directMessageChannel(client, speaker.user),
      text: `<#${speaker.channel}>: ${message.text}\n(I am not in that channel: invite me with /invite @eolwatch to post there.)`,
    });
  }
}

export async function handleHomeForm(
  args: SlackViewMiddlewareArgs<ViewSubmitAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
  home: HomePublisher,
): Promise<void> {
  const { ack, body, view, client } = args;
  const asker = { workspace: workspaceOf(args.context, body.team?.id), user: body.user.id };
  const reading = readHomeForm(view, asker, (key) => deps.commands.releaseByKey(key) !== undefined);
  if (reading === null) return ack();
  if ('errors' in reading) return ack({ response_action: 'errors', errors: reading.errors });
  const { request, speaker } = reading;
  try {
    const result = await runCommand(request, deps.commands, speaker);
    // Refused as a whole (a locked channel, a store that is busy): said on the channel field.
    const refusal = result.kind === 'invalid' ? result.reason.replace(/`/g, '') : null;
    if (refusal) return ack({ response_action: 'errors', errors: { [FORM_CHANNEL_BLOCK_ID]: refusal } });
    await ack();
    await postAnswer(client, speaker, renderBlocks(result));
    await home.publish(client, speaker.workspace, speaker.user);
  } catch (error) {
    deps.logger.error({ err: error, ...speaker, form: view.callback_id }, 'form failed');
    await ack({ response_action: 'errors', errors: { [FORM_CHANNEL_BLOCK_ID]: SORRY } }).catch(() => undefined);
  }
}
