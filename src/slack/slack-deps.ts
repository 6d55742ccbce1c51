// What the Slack listeners need: the command dependencies and a logger.
import type { Logger } from 'pino';
import type { CommandDeps } from '../commands/command-types.js';

export interface SlackDeps {
  commands: CommandDeps;
  logger: Logger;
  /** `app_uninstalled` / `tokens_revoked` for the bot: stop serving that workspace. */
  onUninstall?: (teamId: string | undefined, enterpriseId: string | undefined, event: string) => Promise<void>;
}

export const SORRY = 'Sorry, something went wrong answering that. Please try again in a moment.';
