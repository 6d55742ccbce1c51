// Every /eol subcommand, in the order `help` lists them.
import type { CommandDefinition } from './command-definition.js';
import { helpCommand } from './help-command.js';
import { lookupCommand } from './lookup-command.js';
import { shareCommand } from './share-command.js';

export const commandList: readonly CommandDefinition[] = [lookupCommand, shareCommand, helpCommand];
