// Forecasts for every release a team (or the workspace) counts now, from its history: the release as the
// team sees it (its contract's end is a phase ahead like any other) and its forecast.
import type { Release } from '../catalog/catalog.js';
import type { HistoryEntry } from '../inventory/inventory-store.js';
import { forecastRelease, sumPoints, type CountPoint, type Forecast } from './forecast-release.js';

export interface ReleaseForecast {
  release: Release;
  forecast: Forecast;
}

/** Each release's recorded counts, oldest first, from a history of count changes. */
export function pointsByRelease(history: readonly HistoryEntry[]): Map<string, CountPoint[]> {
  const byRelease = new Map<string, CountPoint[]>();
  const ordered = [...history].sort((a, b) => a.at.localeCompare(b.at));
  for (const entry of ordered) {
    const points = byRelease.get(entry.release) ?? [];
    points.push({ date: entry.at.slice(0, 10), count: entry.to });
    byRelease.set(entry.release, points);
  }
  return byRelease;
}

/** Several teams' points summed per release, for the workspace. */
export function summedPointsByRelease(teams: readonly Map<string, CountPoint[]>[]): Map<string, CountPoint[]> {
  const keys = new Set(teams.flatMap((team) => [...team.keys()]));
  return new Map([...keys].map((key) => [key, sumPoints(teams.map((team) => team.get(key) ?? []))]));
}

/**
 * A forecast for each release counted now (`counts`), largest count first. `releaseOf` turns a key into
 * the release as the team sees it; keys it does not know are left out.
 */
export function releaseForecasts(
  counts: Readonly<Record<string, number>>,
  points: ReadonlyMap<string, CountPoint[]>,
  releaseOf: (key: string) => Release | undefined,
  asOf: string,
): ReleaseForecast[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .flatMap(([key]) => {
      const release = releaseOf(key);
      return release ? [{ release, forecast: forecastRelease(points.get(key) ?? [], release, asOf) }] : [];
    });
}

/** Only the releases whose history gives a pace: what "at this pace" lines show. */
export function withPace(forecasts: readonly ReleaseForecast[]): ReleaseForecast[] {
  return forecasts.filter((entry) => entry.forecast.kind === 'pace');
}
