// `/eol inventory ...`: a team's machine counts per release, their history, and their exposure.
import { formatCount } from '../leaf/format-count.js';
import { releaseTitle } from '../catalog/release-title.js';
import { MAX_COUNT } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import { appliedChanges, runInventoryUpdate } from './run-inventory-update.js';
import { inventoryRows, releaseKeyOf, teamLabelOf } from './inventory-rows.js';
import { parseExportFormat, runExport } from './export-counts.js';
import { readInventoryPairs } from './parse-inventory-pairs.js';
import { resolveOneRelease } from './resolve-one-release.js';
import { contractsOf } from './team-contracts.js';
import { runForecast, teamForecasts } from './forecast-command.js';
import { withPace } from '../forecasts/release-forecasts.js';

import { parseChartRequest } from './chart-command.js';
import { importFileForm, importRun } from './import-command.js';
import { syncCounts } from './sync-counts.js';
import { countsData } from './counts-data.js';
import type { AuditChange } from './record-audit.js';

/** The history answer shows this many changes, newest last; the burn-down lines cover them all. */
const MAX_HISTORY_LINES = 20;

export const inventoryCommand: CommandDefinition = {
  name: 'inventory',
  usage:
    '/eol inventory [set <release> <count> ... | import | export [--format csv|json] | history [<release>] | forecast [<release>] | chart | clear]',
  summary: `This channel's machine counts per release with their support status, and the totals out of support now and within 180 days. \`set windows xp 18293, windows 8.1: 14,450, server 2012 r2 9\` updates counts, names as \`/eol\` reads them (0 removes one; all or nothing; counts ${formatCount(MAX_COUNT)} at most; a name that could be several releases is asked about). \`import\` reads a device export (Intune, Configuration Manager, Jamf, Lansweeper, Active Directory, or release and count) and shows a preview before anything changes; \`export\` uploads the counts as a file. \`history\` shows every change and the burn-down; \`forecast\` says, from the last year's counts, when each release reaches zero at this pace and how many machines will be left when each phase ends; \`chart\` draws it, with the projection. \`clear\` (admins only) empties it.`,
  parse: (args) => {
    const [sub = '', ...rest] = args.split(/\s+/);
    switch (sub.toLowerCase()) {
      case '':
        return { kind: 'inventory-show' };
      case 'set':
        // Lines kept: each line of a pasted list is a pair.
        return { kind: 'inventory-set', text: args.trim().slice(sub.length).trim() };
      case 'history':
        return { kind: 'inventory-history', release: rest.join(' ').trim() || null };
      case 'forecast':
        return { kind: 'forecast', scope: 'team', release: rest.join(' ').trim() || null };
      case 'chart':
        return parseChartRequest('team', rest.join(' '));
      case 'clear':
        return { kind: 'inventory-clear' };
      case 'import':
        return { kind: 'inventory-import' };
      case 'export': {
        const format = parseExportFormat(rest.filter((arg) => arg !== ''));
        return typeof format === 'string'
          ? { kind: 'export', scope: 'team', format }
          : { kind: 'invalid', reason: format.reason };
      }
      default:
        return {
          kind: 'invalid',
          reason:
            'Use `/eol inventory`, `/eol inventory set <release> <count> ...`, `/eol inventory import`, `/eol inventory export`, `/eol inventory history [<release>]`, `/eol inventory forecast [<release>]`, `/eol inventory chart` or `/eol inventory clear`.',
        };
    }
  },
  run: {
    'inventory-set': runInventory,
    'inventory-set-counts': runInventory,
    'inventory-show': runInventory,
    'inventory-history': runInventory,
    'inventory-clear': runInventory,
    'inventory-import': () => ({ kind: 'import-form' }),
    forecast: runForecast,
    export: (request, deps, speaker) => runExport(request.scope, request.format, deps, speaker),
    ...importRun,
    // What a script sends and reads through the HTTP API: counts as JSON, and the counts as data.
    'inventory-sync': syncCounts,
    'counts-data': countsData,
  },
  lockable: ['inventory-set', 'inventory-set-counts', 'inventory-sync'],
  audit: (result) => (result.kind === 'inventory-cleared' ? clearedAudit(result) : null),
  adminOnly: { 'inventory-clear': 'Only eolwatch admins may clear a team’s inventory. `/eol admins` lists them.' },
  answers: { 'inventory-import': 'form', export: 'file' },
  cli: [importFileForm, { usage: '[--channel C] inventory export [--format csv|json]' }],
};

type InventoryRequest = Extract<
  Request,
  { kind: 'inventory-set' | 'inventory-set-counts' | 'inventory-show' | 'inventory-history' | 'inventory-clear' }
>;

async function setCounts(text: string, deps: CommandDeps, speaker: Speaker, asOf: string): Promise<Result> {
  const read = readInventoryPairs(text, deps.resolve, asOf);
  if (!read.ok)
    return { kind: 'invalid', reason: read.reason, ...(read.choices.length > 0 ? { choices: read.choices } : {}) };
  const counts = read.pairs.map((pair) => ({ release: releaseKeyOf(pair.release), count: pair.count }));
  return runInventoryUpdate({ mode: 'set', counts, action: 'set' }, deps, speaker, asOf);
}

async function history(releaseName: string | null, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  let only: string | null = null;
  if (releaseName) {
    const resolved = resolveOneRelease(releaseName, deps);
    if ('reason' in resolved) return { kind: 'invalid', reason: `“${releaseName}” ${resolved.reason}.` };
    only = releaseKeyOf(resolved.release);
  }
  const store = await deps.store();
  const entries = (await store.history(speaker)).filter((entry) => only === null || entry.release === only);
  const labelOf = (key: string) => {
    const release = deps.releaseByKey(key);
    return release ? releaseTitle(release) : key;
  };
  const burndown = new Map<string, number[]>();
  for (const entry of entries) {
    let counts = burndown.get(entry.release);
    if (!counts) {
      counts = entry.from > 0 ? [entry.from] : [];
      burndown.set(entry.release, counts);
    }
    counts.push(entry.to);
  }
  const lines = entries.map((entry) => ({
    at: entry.at,
    user: entry.user,
    releaseLabel: labelOf(entry.release),
    from: entry.from,
    to: entry.to,
    action: entry.action,
    ...(entry.file === undefined ? {} : { file: entry.file }),
  }));
  return {
    kind: 'inventory-history',
    team: teamLabelOf(await store.team(speaker)),
    lines: lines.slice(-MAX_HISTORY_LINES),
    omitted: Math.max(0, lines.length - MAX_HISTORY_LINES),
    burndown: [...burndown].map(([key, counts]) => ({ releaseLabel: labelOf(key), counts })),
  };
}

async function runInventory(request: InventoryRequest, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const asOf = toIsoDate(deps.now());
  switch (request.kind) {
    case 'inventory-set':
      return setCounts(request.text, deps, speaker, asOf);
    case 'inventory-set-counts':
      return runInventoryUpdate({ mode: 'set', counts: request.counts, action: 'set' }, deps, speaker, asOf);
    case 'inventory-show': {
      const team = await (await deps.store()).team(speaker);
      return {
        kind: 'inventory',
        asOf,
        team: teamLabelOf(team),
        ...inventoryRows(team.counts, deps, asOf, await contractsOf(deps, speaker)),
        forecasts: withPace(await teamForecasts(deps, speaker, asOf)),
      };
    }
    case 'inventory-history':
      return history(request.release, deps, speaker);
    case 'inventory-clear': {
      const store = await deps.store();
      const changes = await store.clearTeam(speaker, { user: speaker.user, at: deps.now().toUTC().toISO() ?? '' });
      return {
        kind: 'inventory-cleared',
        team: teamLabelOf(await store.team(speaker)),
        changes: appliedChanges(changes, deps),
      };
    }
  }
}

function clearedAudit(result: Extract<Result, { kind: 'inventory-cleared' }>): AuditChange {
  return {
    action: 'counts.clear',
    change:
      result.changes.map((change) => `${releaseTitle(change.release)} ${change.from} → 0`).join(', ') ||
      'nothing to clear',
    releases: result.changes.map((change) => releaseKeyOf(change.release)),
  };
}
