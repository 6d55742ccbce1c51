// The buttons under an import preview. Replace and Add read the file from Slack again and apply it,
// all or nothing; the result goes to the channel (like `inventory set`) and the preview goes away.
// A double click sends two presses, maybe to two replicas: the press is claimed in the store's request
// limits, which every replica shares, so the file is applied once; a press that applied nothing gives
// its claim back, so it can be pressed again.
import { jsonField } from '../../json-field.js';
import type { BlockButtonAction, SlackActionMiddlewareArgs, webApi, Context } from '@slack/bolt';
import { isIdentifier } from '../../../leaf/check-identifier.js';
import { nothingImported } from '../../../commands/import-command.js';
import { runCommand } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { IMPORT_ADD_ACTION_ID, IMPORT_CANCEL_ACTION_ID } from '../../../render/slack-ids.js';
import { downloadSharedFile } from '../../download-shared-file.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';
import type { RequestLimiter } from '../../../requests/request-limits.js';

const PRESSED_BEFORE = 'This preview’s file is being imported, or was already: this press changed nothing.';

/** How long a press is remembered: longer than any preview is left to wait for its button. */
const PRESS_MEMORY_SECONDS = 24 * 60 * 60;
const pressLimiters = new WeakMap<object, Promise<RequestLimiter>>();
/** One claim limiter per set of dependencies (per app), made on first use. */
function presses(deps: SlackDeps): Promise<RequestLimiter> {
  let limiter = pressLimiters.get(deps.commands);
  if (!limiter)
    pressLimiters.set(
      deps.commands,
      (limiter = deps.commands.store().then((store) => store.requestLimiter('import-press', 1, PRESS_MEMORY_SECONDS))),
    );
  return limiter;
}

function fileOf(value: string | undefined): string | null {
  const file = jsonField(value, 'file');
  return isIdentifier(file) ? file : null;
}

export async function handleImportAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
): Promise<void> {
  const { ack, action, body, respond, client } = args;
  await ack();
  const speaker = {
    workspace: workspaceOf(args.context, body.team?.id),
    channel: body.channel?.id ?? '',
    user: body.user.id,
  };
  const fileId = fileOf(action.value);
  if (action.action_id === IMPORT_CANCEL_ACTION_ID || !fileId) {
    await respond({ replace_original: true, text: 'Import cancelled: nothing changed.' });
    return;
  }
  const pressKey = `${speaker.workspace}|${speaker.channel}|${fileId}|${body.container?.message_ts ?? ''}`;
  let claims: RequestLimiter | undefined;
  try {
    claims = await presses(deps);
    if ((await claims.take(pressKey)) > 0)
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: PRESSED_BEFORE }));
    const file = await downloadSharedFile(client, fileId);
    const mode = action.action_id === IMPORT_ADD_ACTION_ID ? 'add' : 'replace';
    const result = file.ok
      ? await runCommand(
          { kind: 'inventory-file', file: { name: file.name, bytes: file.bytes }, mode: mode },
          deps.commands,
          speaker,
        )
      : nothingImported(file.name, file.reason);
    deps.logger.info(
      {
        workspace: speaker.workspace,
        channel: speaker.channel,
        user: speaker.user,
        file: fileId,
        mode,
        outcome: result.kind,
      },
      'import',
    );
    if (result.kind !== 'inventory-updated') {
      await claims.release(pressKey);
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderBlocks(result) });
      return;
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...renderBlocks(result) });
    await respond({ delete_original: true });
  } catch (error) {
    await claims?.release(pressKey).catch(() => undefined);
    deps.logger.error(
      { err: error, workspace: speaker.workspace, channel: speaker.channel, action: action.action_id },
      'import failed',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
  }
}
