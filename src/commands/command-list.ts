// Every /eol subcommand, in the order `help` lists them.
import type { CommandDefinition } from './command-definition.js';
import { helpCommand } from './help-command.js';
import { inventoryCommand } from './inventory-command.js';
import { lookupCommand } from './lookup-command.js';
import { reportCommand } from './report-command.js';
import { shareCommand } from './share-command.js';
import { teamCommand } from './team-command.js';

export const commandList: readonly CommandDefinition[] = [lookupCommand, shareCommand, inventoryCommand, teamCommand, reportCommand, helpCommand];
