// `/eol inventory forecast [<release>]` and `/eol report forecast`: at this pace, will we make it? Each
// counted release's forecast from the team's history (its contracts' ends are phases ahead like any
// other), or the workspace's from the sum of its teams' counts.
import type { Release } from '../catalog/catalog.js';
import {
  pointsByRelease,
  releaseForecasts,
  summedPointsByRelease,
  type ReleaseForecast,
} from '../forecasts/release-forecasts.js';
import type { TeamRef } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import { releaseKeyOf, teamLabelOf } from './inventory-rows.js';
import { resolveOneRelease } from './resolve-one-release.js';
import { contractsOf } from './team-contracts.js';

/** A team's forecasts, one per release it counts now, largest first. */
export async function teamForecasts(deps: CommandDeps, team: TeamRef, asOf: string): Promise<ReleaseForecast[]> {
  if (deps.storeIsAbsent?.(deps.store)) return [];
  const store = await deps.store();
  const [state, history, withContract] = await Promise.all([
    store.team(team),
    store.history(team),
    contractsOf(deps, team),
  ]);
  const releaseOf = (key: string): Release | undefined => {
    const release = deps.releaseByKey(key);
    return release && withContract(release);
  };
  return releaseForecasts(state.counts, pointsByRelease(history), releaseOf, asOf);
}

/** The workspace's forecasts, from every team's counts summed (no team's contract applies to them all). */
export async function workspaceForecasts(
  deps: CommandDeps,
  workspace: string,
  asOf: string,
): Promise<ReleaseForecast[]> {
  const store = await deps.store();
  const teams = await store.teams(workspace);
  const histories = await Promise.all(teams.map((team) => store.history({ workspace, channel: team.channel })));
  const counts: Record<string, number> = {};
  for (const team of teams)
    for (const [key, count] of Object.entries(team.counts)) counts[key] = (counts[key] ?? 0) + count;
  const points = summedPointsByRelease(histories.map((history) => pointsByRelease(history)));
  return releaseForecasts(counts, points, (key) => deps.releaseByKey(key), asOf);
}

export async function runForecast(
  request: Extract<Request, { kind: 'forecast' }>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const asOf = toIsoDate(deps.now());
  let only: string | null = null;
  if (request.release) {
    const resolved = resolveOneRelease(request.release, deps);
    if ('reason' in resolved) return { kind: 'invalid', reason: `“${request.release}” ${resolved.reason}.` };
    only = releaseKeyOf(resolved.release);
  }
  const forecasts =
    request.scope === 'workspace'
      ? await workspaceForecasts(deps, speaker.workspace, asOf)
      : await teamForecasts(deps, speaker, asOf);
  const team = request.scope === 'workspace' ? null : teamLabelOf(await (await deps.store()).team(speaker));
  return {
    kind: 'forecast',
    asOf,
    team,
    forecasts: forecasts.filter((entry) => only === null || releaseKeyOf(entry.release) === only),
    only,
  };
}
