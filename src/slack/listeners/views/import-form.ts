// The submitted `/eol inventory import` form: the chosen file is previewed to the person who chose it.
import { jsonField } from '../../json-field.js';
import type { Context, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import { isIdentifier } from '../../../leaf/check-identifier.js';
import { IMPORT_FILE_ACTION_ID, IMPORT_FILE_BLOCK_ID } from '../../../render/slack-ids.js';
import { postImportPreview } from '../../post-import-preview.js';
import type { SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

function channelOf(privateMetadata: string): string {
  const channel = jsonField(privateMetadata, 'channel');
  return typeof channel === 'string' ? channel : '';
}

export async function handleImportForm(
  args: SlackViewMiddlewareArgs<ViewSubmitAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, body, view, client } = args;
  const input = view.state.values[IMPORT_FILE_BLOCK_ID]?.[IMPORT_FILE_ACTION_ID] as
    { files?: { id?: string }[] } | undefined;
  const fileId = input?.files?.[0]?.id;
  const channel = channelOf(view.private_metadata);
  if (!fileId || !isIdentifier(fileId)) {
    await ack({ response_action: 'errors', errors: { [IMPORT_FILE_BLOCK_ID]: 'Choose a CSV file to import.' } });
    return;
  }
  if (!isIdentifier(channel)) {
    await ack({
      response_action: 'errors',
      errors: { [IMPORT_FILE_BLOCK_ID]: 'Open this form from the channel whose counts it is for.' },
    });
    return;
  }
  await ack();
  const speaker = { workspace: workspaceOf(args.context, body.team?.id ?? view.team_id), channel, user: body.user.id };
  try {
    await postImportPreview(client, fileId, speaker, deps);
  } catch (error) {
    deps.logger.error(
      { err: error, workspace: speaker.workspace, channel, view: view.callback_id },
      'import preview failed',
    );
  }
}
