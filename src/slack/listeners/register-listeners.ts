// Every Slack listener, by surface.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.js';
import { registerReminderActions } from './actions/reminder-actions.js';
import { registerShareAction } from './actions/share-action.js';
import { registerEolCommand } from './commands/eol-command.js';
import { registerAppMention } from './events/app-mention.js';
import { registerDirectMessage } from './events/direct-message.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerEolCommand(app, deps);
  registerShareAction(app, deps);
  registerReminderActions(app, deps);
  registerAppMention(app, deps);
  registerDirectMessage(app, deps);
}
