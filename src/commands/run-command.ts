// A request -> its result. The one place that knows which subcommand handles which request.
import { runConnector } from './connector-command.js';
import { runCalendar } from './calendar-command.js';
import { runForecast } from './forecast-command.js';
import { CountLimitError, StoreBusyError, StoreWriteError } from '../inventory/inventory-store.js';
import { runExport } from './export-counts.js';
import { runApiCommand } from './api-command.js';
import { runAdmins } from './admins-command.js';
import { runLock } from './lock-command.js';
import { runAudit } from './audit-command.js';
import { runForget } from './forget-command.js';
import { runExportAll } from './export-all-command.js';
import { lockRefusal } from './is-admin.js';
import { auditChangeOf, recordAudit } from './record-audit.js';
import { commandList } from './command-list.js';
import { entryOf, type CommandDeps, type Request, type Result, type Speaker } from './command-types.js';
import { runInventory } from './inventory-command.js';
import { runChart } from './chart-command.js';
import { runLookup } from './lookup-command.js';
import { parseCommand } from './parse-command.js';
import { runReport } from './report-command.js';
import { runTeamName } from './team-command.js';
import { runUnwatch } from './unwatch-command.js';
import { runWatch, runWatchAuto } from './watch-command.js';
import { runWatches } from './watches-command.js';
import { runStatus, staleWarning } from './status-command.js';
import { runContractRemove, runContracts, runContractSet } from './contract-command.js';

/** Changes to a channel's counts and watches, which a lock keeps to admins. */
const LOCKABLE: ReadonlySet<Request['kind']> = new Set([
  'inventory-set',
  'inventory-set-counts',
  'team-name',
  'watch',
  'watch-auto',
  'unwatch',
  'contract-set',
  'contract-remove',
]);

async function dispatch(request: Request, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  if (LOCKABLE.has(request.kind)) {
    const refusal = await lockRefusal(deps, speaker);
    if (refusal) return { kind: 'invalid', reason: refusal };
  }
  switch (request.kind) {
    case 'lookup':
      return runLookup(request, deps, speaker);
    case 'help':
      return { kind: 'help', entries: commandList.map(({ usage, summary }) => ({ usage, summary })) };
    case 'inventory-set':
    case 'inventory-set-counts':
    case 'inventory-show':
    case 'inventory-history':
    case 'inventory-clear':
      return runInventory(request, deps, speaker);
    case 'inventory-import':
      // Slack opens a form for the file before this; the shell has no file to read.
      return {
        kind: 'invalid',
        reason:
          'Import a file on the command line: `npm run --silent eol -- --channel C inventory import FILE [--add] [--dry-run]`.',
      };
    case 'chart':
      return runChart(request, deps, speaker);
    case 'forecast':
      return runForecast(request, deps, speaker);
    case 'calendar':
      return runCalendar(request, deps, speaker);
    case 'connectors':
    case 'connector-add':
    case 'connector-sync':
    case 'connector-remove':
    case 'connector-form':
      return runConnector(request, deps, speaker);
    case 'export':
      return runExport(request.scope, request.format, deps, speaker);
    case 'admins':
    case 'admins-change':
      return runAdmins(request, deps, speaker);
    case 'channel-lock':
      return runLock(request.locked, deps, speaker);
    case 'audit':
      return runAudit(request, deps, speaker);
    case 'forget':
      return runForget(request, deps, speaker);
    case 'export-all':
      return runExportAll(deps, speaker);
    case 'api-tokens':
    case 'api-token-create':
    case 'api-token-revoke':
      return runApiCommand(request, deps, speaker);
    case 'team-name':
      return runTeamName(request.name, deps, speaker);
    case 'report':
      return runReport(deps, speaker);
    case 'watch':
      return runWatch(request.text, deps, speaker);
    case 'watch-auto':
      return runWatchAuto(request.on, deps, speaker);
    case 'unwatch':
      return runUnwatch(request.text, deps, speaker);
    case 'watches':
      return runWatches(deps, speaker);
    case 'status':
      return runStatus(deps);
    case 'contract-set':
      return runContractSet(request.release, request.until, request.name, deps, speaker);
    case 'contract-remove':
      return runContractRemove(request.release, deps, speaker);
    case 'contracts':
      return runContracts(deps, speaker);
    case 'invalid':
      return request;
  }
}

export async function runCommand(request: Request, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  if (!deps.observe) return answer(request, deps, speaker);
  const started = performance.now();
  const result = await answer(request, deps, speaker);
  deps.observe({ kind: result.kind, entry: entryOf(speaker), seconds: (performance.now() - started) / 1000 });
  return result;
}

async function answer(request: Request, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  try {
    const result = await dispatch(request, deps, speaker);
    const change = auditChangeOf(result);
    const warning = (change ? await recordAudit(deps, speaker, change) : null) ?? staleWarning(deps);
    return warning ? { ...result, warning } : result;
  } catch (error) {
    if (error instanceof StoreBusyError)
      return {
        kind: 'invalid',
        reason: 'Nothing saved: the inventory is busy with another update. Please try again in a moment.',
      };
    if (error instanceof CountLimitError)
      return { kind: 'invalid', reason: 'Nothing saved: adding those would take a count past the limit.' };
    if (error instanceof StoreWriteError)
      return {
        kind: 'invalid',
        reason: 'Nothing saved: the store could not be written (is the disk full?). Please tell whoever runs eolwatch.',
      };
    throw error;
  }
}

/** Text as typed after /eol, in a mention or in the shell -> its result. */
export function runText(text: string, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  return runCommand(parseCommand(text), deps, speaker);
}
