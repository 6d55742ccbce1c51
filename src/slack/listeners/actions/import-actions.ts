// The buttons under an import preview. Replace and Add read the file from Slack again and apply it,
// all or nothing; the result goes to the channel (like `inventory set`) and the preview goes away.
// A double click sends two presses, maybe to two replicas: the press is claimed in the store (shared by
// every replica), so the file is applied once; a press that applied nothing gives its claim back, so it
// can be pressed again.
import { jsonField } from '../../json-field.js';
import type { BlockButtonAction, SlackActionMiddlewareArgs, webApi, Context } from '@slack/bolt';
import { isIdentifier } from '../../../leaf/check-identifier.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { IMPORT_ADD_ACTION_ID, IMPORT_CANCEL_ACTION_ID } from '../../../render/slack-ids.js';
import { claimsInStore, type Claims } from '../../claims-in-store.js';
import { runSharedFile } from '../../run-shared-file.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

const PRESSED_BEFORE = 'This preview’s file is being imported, or was already: this press changed nothing.';
/** How long a press is remembered: longer than any preview is left to wait for its button. */
const PRESS_MEMORY_SECONDS = 24 * 60 * 60;

/** One set of press claims per app (its dependencies). */
const pressClaims = new WeakMap<SlackDeps, Claims>();
function claimsOf(deps: SlackDeps): Claims {
  let claims = pressClaims.get(deps);
  if (!claims) pressClaims.set(deps, (claims = claimsInStore(deps.commands, 'import-press', PRESS_MEMORY_SECONDS)));
  return claims;
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
  if (action.action_id === IMPORT_CANCEL_ACTION_ID || !fileId)
    return void (await respond({ replace_original: true, text: 'Import cancelled: nothing changed.' }));
  const privately = (message: { text: string }) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...message });
  const press = `${speaker.workspace}|${speaker.channel}|${fileId}|${body.container?.message_ts ?? ''}`;
  const claims = claimsOf(deps);
  try {
    if (!(await claims.claim(press))) return void (await privately({ text: PRESSED_BEFORE }));
    const result = await runSharedFile(
      client,
      fileId,
      action.action_id === IMPORT_ADD_ACTION_ID ? 'add' : 'replace',
      deps,
      speaker,
    );
    if (result.kind !== 'inventory-updated') {
      await claims.giveBack(press);
      return void (await privately(renderBlocks(result)));
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...renderBlocks(result) });
    await respond({ delete_original: true });
  } catch (error) {
    await claims.giveBack(press).catch(() => undefined);
    deps.logger.error({ err: error, ...speaker, action: action.action_id }, 'import failed');
    await privately({ text: SORRY });
  }
}
