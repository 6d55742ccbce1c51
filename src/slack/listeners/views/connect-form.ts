// The submitted `/eol connect` form: a typed connector-add request (never text parsed again); a
// refusal is shown on the form, and an addition told to its maker alone.
import { jsonField } from '../../json-field.js';
import type { Context, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Request } from '../../../commands/command-types.js';
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

/** The form's fields as a typed `connector-add` request for the channel chosen, or null for a stale form. */
function readConnectForm(view: ViewSubmitAction['view']): Extract<Request, { kind: 'connector-add' }> | null {
  const value = (field: ConnectField): string => {
    const element = view.state.values[connectBlockId(field)]?.[CONNECT_INPUT_ACTION_ID] as
      { value?: string | null; selected_conversation?: string | null } | undefined;
    return (element?.value ?? element?.selected_conversation ?? '').trim();
  };
  const kind = kindOf(view.private_metadata);
  if (!kind) return null;
  const whereTo = value('where_to');
  const where = value('where')
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
  return {
    kind: 'connector-add',
    settings: {
      name: value('name'),
      kind,
      channel: value('channel'),
      clientId: value('client_id'),
      ...(kind === 'intune' ? { tenant: whereTo } : { url: whereTo }),
      where,
    },
    secret: value('secret'),
  };
}

export async function handleConnectForm(
  args: SlackViewMiddlewareArgs<ViewSubmitAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, body, view, client } = args;
  const request = readConnectForm(view);
  const nameField = connectBlockId('name');
  if (!request)
    return ack({ response_action: 'errors', errors: { [nameField]: 'Open this form again with /eol connect.' } });
  const workspace = workspaceOf(args.context, body.team?.id ?? view.team_id);
  const speaker = { workspace, channel: request.settings.channel, user: body.user.id };
  const result = await runCommand(request, deps.commands, speaker);
  if (result.kind === 'invalid')
    return ack({ response_action: 'errors', errors: { [nameField]: result.reason.slice(0, 2000) } });
  await ack();
  await client.chat
    .postMessage({ channel: await directMessageChannel(client, body.user.id), text: renderText(result) })
    .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not tell the connector was added'));
}
