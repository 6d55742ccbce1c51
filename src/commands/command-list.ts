// Every /eol subcommand, in the order `help` lists them.
import type { CommandDefinition } from './command-definition.js';
import { helpCommand } from './help-command.js';
import { apiCommand } from './api-command.js';
import { adminsCommand } from './admins-command.js';
import { lockCommand, unlockCommand } from './lock-command.js';
import { auditCommand } from './audit-command.js';
import { forgetCommand } from './forget-command.js';
import { exportAllCommand } from './export-all-command.js';
import { inventoryCommand } from './inventory-command.js';
import { lookupCommand } from './lookup-command.js';
import { reportCommand } from './report-command.js';
import { chartCommand } from './chart-command.js';
import { shareCommand } from './share-command.js';
import { teamCommand } from './team-command.js';
import { unwatchCommand } from './unwatch-command.js';
import { watchCommand } from './watch-command.js';
import { watchesCommand } from './watches-command.js';
import { statusCommand } from './status-command.js';
import { contractCommand, contractsCommand } from './contract-command.js';
import { calendarCommand } from './calendar-command.js';
import { connectCommand, connectorCommand, connectorsCommand } from './connector-command.js';

export const commandList: readonly CommandDefinition[] = [
  lookupCommand,
  shareCommand,
  inventoryCommand,
  teamCommand,
  reportCommand,
  chartCommand,
  watchCommand,
  unwatchCommand,
  watchesCommand,
  contractCommand,
  contractsCommand,
  calendarCommand,
  connectorsCommand,
  connectorCommand,
  connectCommand,
  apiCommand,
  adminsCommand,
  lockCommand,
  unlockCommand,
  auditCommand,
  forgetCommand,
  exportAllCommand,
  statusCommand,
  helpCommand,
];
