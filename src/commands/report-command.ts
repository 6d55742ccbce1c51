// `/eol report`: the workspace's machines across teams, by release and exposure. Each team's own
// contracts apply to its own machines only.
import { addToTotals, emptyTotals, type Exposure } from '../inventory/classify-exposure.js';
import type { Release } from '../catalog/catalog.js';
import type { TeamState } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { computeLifecycle, type Lifecycle } from '../lifecycle/compute-lifecycle.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, InventoryRow, Result, Speaker } from './command-types.js';
import { inventoryRows, releaseKeyOf, teamLabelOf } from './inventory-rows.js';
import { contractsOf, type WithContract } from './team-contracts.js';
import { parseExportFormat } from './export-counts.js';
import { parseChartRequest } from './chart-command.js';
import { workspaceForecasts } from './forecast-command.js';
import { withPace } from '../forecasts/release-forecasts.js';

/** Teams named in the report, most unsupported machines first. */
const REPORT_TEAMS = 5;

export const reportCommand: CommandDefinition = {
  name: 'report',
  usage: '/eol report [forecast [<release>] | chart | export [--format csv|json]]',
  summary:
    "Every team of the workspace together: machines per release and status, out of support now, at risk within 180 days, and the teams with the most unsupported machines. `forecast` is the workspace's pace per release (from every team's counts summed); `chart` draws the workspace's machines per release over time; `export` uploads every team's counts as a file.",
  parse: (args) => {
    const [first, ...rest] = args.split(/\s+/).filter((arg) => arg !== '');
    if (first?.toLowerCase() === 'chart') return parseChartRequest('workspace', rest.join(' '));
    if (first?.toLowerCase() === 'forecast')
      return { kind: 'forecast', scope: 'workspace', release: rest.join(' ').trim() || null };
    if (first?.toLowerCase() !== 'export') return { kind: 'report' };
    const format = parseExportFormat(rest);
    return typeof format === 'string'
      ? { kind: 'export', scope: 'workspace', format }
      : { kind: 'invalid', reason: format.reason };
  },
  run: { report: (_request, deps, speaker) => runReport(deps, speaker) },
  cli: [{ usage: '[--channel C] report export [--format csv|json]' }],
};

export async function runReport(deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const asOf = toIsoDate(deps.now());
  const report = await reportOf(await (await deps.store()).teams(speaker.workspace), deps, speaker.workspace, asOf);
  return { ...report, forecasts: withPace(await workspaceForecasts(deps, speaker.workspace, asOf)) };
}

/** The report over a workspace's teams (the Home tab reads them once for this and its reminders). */
export async function reportOf(
  teams: readonly TeamState[],
  deps: CommandDeps,
  workspace: string,
  asOf: string,
  contractsOfChannel: (channel: string) => Promise<WithContract> = (channel) =>
    contractsOf(deps, { workspace, channel }),
): Promise<Extract<Result, { kind: 'report' }>> {
  // A release without a contract is the same object for every team: its lifecycle is worked out once.
  const lifecycles = new Map<Release, Lifecycle>();
  const lifecycleOf = (release: Release): Lifecycle => {
    let lifecycle = lifecycles.get(release);
    if (!lifecycle) lifecycles.set(release, (lifecycle = computeLifecycle(release, asOf)));
    return lifecycle;
  };
  const totals = emptyTotals();
  // One row per release and status: the same release can be covered by one team's contract only.
  const merged = new Map<string, InventoryRow>();
  const perTeam = [];
  for (const team of teams) {
    const own = inventoryRows(team.counts, deps, asOf, await contractsOfChannel(team.channel), lifecycleOf);
    for (const [exposure, count] of Object.entries(own.totals))
      if (exposure !== 'total') addToTotals(totals, exposure as Exposure, count);
    for (const row of own.rows) {
      const key = `${releaseKeyOf(row.release)}|${row.lifecycle.status}`;
      const existing = merged.get(key);
      merged.set(key, existing ? { ...existing, count: existing.count + row.count } : row);
    }
    perTeam.push({ team: teamLabelOf(team), unsupported: own.totals.unsupported, total: own.totals.total });
  }
  const ranked = perTeam
    .filter((team) => team.unsupported > 0)
    .sort((a, b) => b.unsupported - a.unsupported)
    .slice(0, REPORT_TEAMS);
  const rows = [...merged.values()].sort((a, b) => b.count - a.count);
  return { kind: 'report', asOf, rows, totals, teams: ranked };
}
