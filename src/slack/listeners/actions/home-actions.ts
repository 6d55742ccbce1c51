// The Home tab's buttons: each opens its form (views.open with the press's trigger, valid 3 seconds).
import type { BlockButtonAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { renderContractForm, renderCountsForm, renderWatchForm } from '../../../render/render-home-forms.js';
import { HOME_CONTRACT_ACTION_ID, HOME_COUNTS_ACTION_ID, HOME_WATCH_ACTION_ID } from '../../../render/slack-ids.js';
import type { SlackDeps } from '../../slack-deps.js';

const FORMS: Record<string, () => object> = {
  [HOME_COUNTS_ACTION_ID]: renderCountsForm,
  [HOME_WATCH_ACTION_ID]: renderWatchForm,
  [HOME_CONTRACT_ACTION_ID]: renderContractForm,
};

export async function handleHomeAction(
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { client: webApi.WebClient },
  deps: SlackDeps,
): Promise<void> {
  const { ack, action, body, client } = args;
  await ack();
  const form = FORMS[action.action_id];
  if (!form) return;
  try {
    await client.views.open({ trigger_id: body.trigger_id, view: form() as never });
  } catch (error) {
    deps.logger.error({ err: error, workspace: body.team?.id, action: action.action_id }, 'could not open the form');
  }
}
