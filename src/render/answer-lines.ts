// Every answer written once as parts (lines, and tables as values) against a Formatter; null for those
// each renderer lays out itself (lookups, help, refusals).
import type { Result } from '../commands/command-types.js';
import type { AnswerPart } from './answer-part.js';
import { apiLines } from './api-lines.js';
import { governanceLines } from './governance-lines.js';
import { contractLines } from './contract-lines.js';
import type { Formatter } from './formatter.js';
import { inventoryLines } from './inventory-lines.js';
import { statusLines } from './status-lines.js';
import { watchLines } from './watch-lines.js';
import { chartLines } from './chart-lines.js';
import { calendarLines } from './calendar-lines.js';
import { connectorLines } from './connector-lines.js';

export function answerLines(result: Result, f: Formatter): AnswerPart[] | null {
  return (
    inventoryLines(result, f) ??
    watchLines(result, f) ??
    statusLines(result, f) ??
    contractLines(result, f) ??
    apiLines(result, f) ??
    governanceLines(result, f) ??
    chartLines(result, f) ??
    calendarLines(result, f) ??
    connectorLines(result, f)
  );
}
