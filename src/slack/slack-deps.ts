// What the Slack listeners need: the command dependencies and a logger.
import type { Logger } from 'pino';
import type { CommandDeps } from '../commands/command-types.js';

export interface SlackDeps {
  commands: CommandDeps;
  logger: Logger;
}

export const SORRY = 'Sorry, something went wrong answering that. Please try again in a moment.';
