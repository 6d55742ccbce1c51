// `/eol report`: the workspace's machines across teams, by release and exposure.
import { toIsoDate } from '../lifecycle/calendar-date.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { inventoryRows, teamLabelOf } from './inventory-rows.js';

/** Teams named in the report, most unsupported machines first. */
export const REPORT_TEAMS = 5;

export const reportCommand: CommandDefinition = {
  name: 'report',
  usage: '/eol report',
  summary: 'Every team of the workspace together: machines per release and status, out of support now, at risk within 180 days, and the teams with the most unsupported machines.',
  parse: () => ({ kind: 'report' }),
};

export async function runReport(deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const asOf = toIsoDate(deps.now());
  const teams = await (await deps.store()).teams(speaker.workspace);
  const all: Record<string, number> = {};
  const perTeam = teams.map((team) => {
    for (const [key, count] of Object.entries(team.counts)) all[key] = (all[key] ?? 0) + count;
    const { totals } = inventoryRows(team.counts, deps, asOf);
    return { team: teamLabelOf(team), unsupported: totals.unsupported, total: totals.total };
  });
  const ranked = perTeam.filter((team) => team.unsupported > 0).sort((a, b) => b.unsupported - a.unsupported).slice(0, REPORT_TEAMS);
  return { kind: 'report', asOf, ...inventoryRows(all, deps, asOf), teams: ranked };
}
