// Every Slack listener, by surface, behind one Bolt middleware that dispatches by what arrived. Bolt runs
// every registered listener's matchers on every request (copying its arguments at each step): with nine
// listeners a bare Bolt app answered 5,300 requests a second against 7,700 with one (bench/README.md), so
// eolwatch registers none and routes here, by command, action id, callback id and event type.
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockButtonAction,
  Context,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewMiddlewareArgs,
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
import { eolCommandHandler, type EolCommandArgs } from './commands/eol-command.js';
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

type Arrived = AnyMiddlewareArgs & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

const HOME_FORMS = new Set([COUNTS_FORM_CALLBACK_ID, WATCH_FORM_CALLBACK_ID, CONTRACT_FORM_CALLBACK_ID]);

export function registerListeners(app: App, deps: SlackDeps): void {
  // One answer per channel, an hour long, for the command and for mentions alike.
  const externallyShared = createExternallyShared();
  // One per process: it remembers each workspace's last uploaded chart.
  const home = createHomePublisher(deps);
  const eol = eolCommandHandler(deps, externallyShared);

  const viewHandlers: Record<string, (args: ViewArgs) => Promise<void>> = {
    [IMPORT_MODAL_CALLBACK_ID]: (args) => handleImportForm(args, deps),
    [CONNECT_MODAL_CALLBACK_ID]: (args) => handleConnectForm(args, deps),
    ...Object.fromEntries([...HOME_FORMS].map((id) => [id, (args: ViewArgs) => handleHomeForm(args, deps, home)])),
  };

  async function onEvent({ event, client, context }: EventArgs): Promise<void> {
    if (event.type === 'app_home_opened') await handleAppHomeOpened(event, client, context, home, deps);
    else if (event.type === 'app_uninstalled' || event.type === 'tokens_revoked') {
      // tokens_revoked also comes for user tokens alone; only the bot's matters here.
      if (event.type === 'tokens_revoked' && !event.tokens.bot?.length) return;
      await deps.onUninstall?.(context.teamId, context.enterpriseId, event.type);
    } else if (event.type === 'app_mention') await handleAppMention(event, client, deps, context, externallyShared);
    else if (event.type === 'message') await handleDirectMessage(event, client, deps, context);
  }

  app.use(async (args: Arrived) => {
    const body = args.body as { type?: string; command?: string };
    if (body.command === '/eol') return eol(args as EolCommandArgs);
    if (body.type === 'block_actions') {
      const button = args as SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
      // Buttons of one kind in one message differ by a suffix ("eol_lookup_2"): Slack wants unique ids.
      const handler = actionHandlers[button.action.action_id.replace(/_\d+$/, '')];
      return handler ? handler(button, deps, home) : button.ack();
    }
    if (body.type === 'view_submission') {
      const view = args as ViewArgs;
      return viewHandlers[view.view.callback_id]?.(view);
    }
    if (body.type === 'block_suggestion') {
      const options = args as SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;
      return options.options.action_id === RELEASE_SELECT_ACTION_ID ? handleReleaseOptions(options, deps) : undefined;
    }
    if (body.type === 'event_callback') return onEvent(args as EventArgs);
    return undefined; // nothing eolwatch listens to
  });
}
