// The counts as data for a script (the HTTP API's GET): a team's, or the workspace's, each count with
// its release's phase ends, the exposure totals (contracts counted for their own team's machines, as in
// /eol report) and the forecasts.
import { emptyTotals } from '../inventory/classify-exposure.js';
import type { RequestOf } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { countsForExport } from './export-counts.js';
import { teamForecasts, workspaceForecasts } from './forecast-command.js';
import { inventoryRows } from './inventory-rows.js';
import { runReport } from './report-command.js';
import { contractsOf } from './team-contracts.js';

export async function countsData(
  { scope }: RequestOf<'counts-data'>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const { asOf, teams, counts } = await countsForExport(scope, deps, speaker);
  if (scope === 'team') {
    const team = teams[0];
    const totals = team
      ? inventoryRows(team.counts, deps, asOf, await contractsOf(deps, speaker)).totals
      : emptyTotals();
    const forecasts = await teamForecasts(deps, speaker, asOf);
    return {
      kind: 'counts-data',
      scope,
      asOf,
      teams: [{ channel: speaker.channel, name: team?.name ?? null }],
      counts,
      totals,
      forecasts,
    };
  }
  const report = await runReport(deps, speaker);
  const totals = report.kind === 'report' ? report.totals : emptyTotals();
  const forecasts = await workspaceForecasts(deps, speaker.workspace, asOf);
  const labels = teams.map((team) => ({ channel: team.channel, name: team.name }));
  return { kind: 'counts-data', scope, asOf, teams: labels, counts, totals, forecasts };
}
