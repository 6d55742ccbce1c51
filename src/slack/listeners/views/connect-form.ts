// The submitted `/eol connect` form: a typed connector-add request (never text parsed again); a
// refusal is shown on the form, and an addition told to its maker alone.
import { jsonField } from '../../json-field.js';
import type { Context, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import { runCommand } from '../../../commands/run-command.js';
import { renderText } from '../../../render/render-text.js';
import { CONNECT_INPUT_ACTION_ID, connectBlockId, type ConnectField } from '../../../render/render-connect-modal.js';
import type { SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import { directMessageChannel } from '../../direct-message-channel.js';

function kindOf(privateMetadata: string): 'intune' | 'jamf' | null {
  const kind = jsonField(privateMetadata, 'kind');
  return kind === 'intune' || kind === 'jamf' ? kind : null;
}

export async function handleConnectForm(
  args: SlackViewMiddlewareArgs<ViewSubmitAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, body, view, client } = args;
  const value = (field: ConnectField): string => {
    const element = view.state.values[connectBlockId(field)]?.[CONNECT_INPUT_ACTION_ID] as
      { value?: string | null; selected_conversation?: string | null } | undefined;
    return (element?.value ?? element?.selected_conversation ?? '').trim();
  };
  const kind = kindOf(view.private_metadata);
  if (!kind) {
    await ack({
      response_action: 'errors',
      errors: { [connectBlockId('name')]: 'Open this form again with /eol connect.' },
    });
    return;
  }
  const whereTo = value('where_to');
  const speaker = {
    workspace: workspaceOf(args.context, body.team?.id ?? view.team_id),
    channel: value('channel'),
    user: body.user.id,
  };
  const result = await runCommand(
    {
      kind: 'connector-add',
      settings: {
        name: value('name'),
        kind,
        channel: value('channel'),
        clientId: value('client_id'),
        ...(kind === 'intune' ? { tenant: whereTo } : { url: whereTo }),
        where: value('where')
          .split(',')
          .map((rule) => rule.trim())
          .filter((rule) => rule !== ''),
      },
      secret: value('secret'),
    },
    deps.commands,
    speaker,
  );
  if (result.kind === 'invalid') {
    await ack({ response_action: 'errors', errors: { [connectBlockId('name')]: result.reason.slice(0, 2000) } });
    return;
  }
  await ack();
  await client.chat
    .postMessage({ channel: await directMessageChannel(client, body.user.id), text: renderText(result) })
    .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not tell the connector was added'));
}
