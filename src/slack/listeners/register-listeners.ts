// Every Slack listener, by surface. Bolt runs each registered listener's matchers on every request, so
// each surface has one listener that dispatches by id: fewer listeners, less work per /eol.
import type {
  App,
  BlockButtonAction,
  Context,
  SlackActionMiddlewareArgs,
  types,
  ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import {
  CHOICE_ACTION_ID,
  CONTRACT_FORM_CALLBACK_ID,
  COUNTS_FORM_CALLBACK_ID,
  HANDLED_ACTION_ID,
  HOME_CONTRACT_ACTION_ID,
  HOME_COUNTS_ACTION_ID,
  HOME_WATCH_ACTION_ID,
  IMPORT_ADD_ACTION_ID,
  IMPORT_CANCEL_ACTION_ID,
  IMPORT_MODAL_CALLBACK_ID,
  CONNECT_MODAL_CALLBACK_ID,
  IMPORT_REPLACE_ACTION_ID,
  LOOKUP_ACTION_ID,
  RELEASE_SELECT_ACTION_ID,
  SHARE_ACTION_ID,
  SHARE_ANSWER_ACTION_ID,
  SNOOZE_ACTION_ID,
  UNDO_HANDLED_ACTION_ID,
  UNDO_HANDLED_LIST_ACTION_ID,
  WATCH_FORM_CALLBACK_ID,
} from '../../render/slack-ids.js';
import { createHomePublisher, type HomePublisher } from '../home-publisher.js';
import { handleHomeAction } from './actions/home-actions.js';
import { handleUndoHandledAction } from './actions/undo-handled-action.js';
import { handleAppHomeOpened } from './events/app-home-opened.js';
import { handleReleaseOptions } from './options/release-options.js';
import { handleHomeForm } from './views/home-forms.js';
import { handleShareAnswerAction } from './actions/share-answer-action.js';
import { createExternallyShared } from '../externally-shared.js';
import { handleImportAction } from './actions/import-actions.js';
import { handleImportForm } from './views/import-form.js';
import { handleConnectForm } from './views/connect-form.js';
import type { SlackDeps } from '../slack-deps.js';
import { handleChoiceAction, handleLookupAction } from './actions/choice-action.js';
import { handleReminderAction } from './actions/reminder-actions.js';
import { handleShareAction } from './actions/share-action.js';
import { registerEolCommand } from './commands/eol-command.js';
import { handleAppMention } from './events/app-mention.js';
import { handleDirectMessage } from './events/direct-message.js';

type ActionHandler = (
  args: SlackActionMiddlewareArgs<BlockButtonAction> & { client: webApi.WebClient; context: Context },
  deps: SlackDeps,
  home: HomePublisher,
) => Promise<void>;

const actionHandlers: Record<string, ActionHandler> = {
  [HOME_COUNTS_ACTION_ID]: handleHomeAction,
  [HOME_WATCH_ACTION_ID]: handleHomeAction,
  [HOME_CONTRACT_ACTION_ID]: handleHomeAction,
  [UNDO_HANDLED_LIST_ACTION_ID]: handleUndoHandledAction,
  [SHARE_ACTION_ID]: handleShareAction,
  [LOOKUP_ACTION_ID]: handleLookupAction,
  [CHOICE_ACTION_ID]: handleChoiceAction,
  [SNOOZE_ACTION_ID]: handleReminderAction,
  [HANDLED_ACTION_ID]: handleReminderAction,
  [IMPORT_REPLACE_ACTION_ID]: handleImportAction,
  [IMPORT_ADD_ACTION_ID]: handleImportAction,
  [IMPORT_CANCEL_ACTION_ID]: handleImportAction,
  [SHARE_ANSWER_ACTION_ID]: handleShareAnswerAction,
  [UNDO_HANDLED_ACTION_ID]: handleReminderAction,
};

export function registerListeners(app: App, deps: SlackDeps): void {
  // One answer per channel, an hour long, for the command and for mentions alike.
  const externallyShared = createExternallyShared();
  // One per process: it remembers each workspace's last uploaded chart.
  const home = createHomePublisher(deps);
  registerEolCommand(app, deps, externallyShared);
  app.action<BlockButtonAction>(/^eol_/, async (args) => {
    // Buttons of one kind in one message differ by a suffix ("eol_lookup_2"): Slack wants unique ids.
    const handler = actionHandlers[args.action.action_id.replace(/_\d+$/, '')];
    if (handler) await handler(args, deps, home);
    else await args.ack();
  });
  app.view<ViewSubmitAction>({ callback_id: IMPORT_MODAL_CALLBACK_ID, type: 'view_submission' }, (args) =>
    handleImportForm(args, deps),
  );
  app.view<ViewSubmitAction>({ callback_id: CONNECT_MODAL_CALLBACK_ID, type: 'view_submission' }, (args) =>
    handleConnectForm(args, deps),
  );
  app.view<ViewSubmitAction>(
    {
      callback_id: new RegExp(`^(${COUNTS_FORM_CALLBACK_ID}|${WATCH_FORM_CALLBACK_ID}|${CONTRACT_FORM_CALLBACK_ID})$`),
      type: 'view_submission',
    },
    (args) => handleHomeForm(args, deps, home),
  );
  app.options({ action_id: RELEASE_SELECT_ACTION_ID }, (args) => handleReleaseOptions(args as never, deps));
  app.event('app_home_opened', async ({ event, client, context }) =>
    handleAppHomeOpened(event, client, context, home, deps),
  );
  app.event(/^(app_uninstalled|tokens_revoked)$/, async ({ event, context }) => {
    // tokens_revoked also comes for user tokens alone; only the bot's matters here.
    if (event.type === 'tokens_revoked' && !(event as { tokens?: { bot?: string[] } }).tokens?.bot?.length) return;
    await deps.onUninstall?.(context.teamId, context.enterpriseId, event.type);
  });
  app.event(/^(app_mention|message)$/, async ({ event, client, context }) => {
    if (event.type === 'app_mention') await handleAppMention(event, client, deps, context, externallyShared);
    else await handleDirectMessage(event as types.MessageEvent, client, deps, context);
  });
}
