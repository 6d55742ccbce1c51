// The burn-down's look ahead: for each release whose history gives a pace (forecasts/), a dashed line
// from its last count to zero, or to the end of the next phase when it gets there first (or when the
// count is not falling), with the line's uncertainty (two standard errors of its slope either way) as a
// pale band; and the forecast in words for the summary.
import { releaseTitle } from '../catalog/release-title.js';
import { addDays, dayNumber } from '../leaf/calendar-date.js';
import { atThisPace } from '../forecasts/describe-forecast.js';
import type { Release } from '../catalog/catalog.js';
import { forecastRelease, type CountPoint, type Forecast } from '../forecasts/forecast-release.js';

/** A release's counts over time, as the burn-down draws them. */
interface CountsOverTime {
  release: Release;
  changes: readonly CountPoint[];
}

type Pace = Extract<Forecast, { kind: 'pace' }>;

/** Points along each projection, so the band's curve (it stops at zero) is drawn smoothly enough. */
const STEPS = 12;
/** How far a count that is not falling, with no phase ahead, is drawn forward. */
const HORIZON_DAYS = 365;

export interface Projection {
  release: Release;
  forecast: Pace;
  until: string;
}

export function projectionsOf(series: readonly CountsOverTime[], asOf: string): Projection[] {
  return series.flatMap((entry) => {
    const forecast = forecastRelease(entry.changes, entry.release, asOf);
    if (forecast.kind !== 'pace') return [];
    const nextEnd = forecast.phasesAhead[0]?.end;
    const candidates = [forecast.zeroOn, nextEnd].filter((date): date is string => date !== null && date !== undefined);
    const until = candidates.sort()[0] ?? addDays(asOf, HORIZON_DAYS);
    return until > forecast.countedOn ? [{ release: entry.release, forecast, until }] : [];
  });
}

interface ProjectedPoint {
  release: string;
  date: string;
  count: number;
  low: number;
  high: number;
}

function pointsOf({ release, forecast, until }: Projection): ProjectedPoint[] {
  const from = dayNumber(forecast.countedOn);
  const span = dayNumber(until) - from;
  return Array.from({ length: STEPS + 1 }, (_, step) => {
    const days = Math.round((span * step) / STEPS);
    const at = (perDay: number) => Math.max(0, forecast.count + perDay * days);
    const spread = 2 * forecast.perDayError;
    return {
      release: releaseTitle(release),
      date: addDays(forecast.countedOn, days),
      count: at(forecast.perDay),
      low: at(forecast.perDay - spread),
      high: at(forecast.perDay + spread),
    };
  });
}

/** The last day any projection reaches: the chart's x axis runs to it. */
export const projectedUntil = (projections: readonly Projection[]): string | null =>
  projections
    .map((projection) => projection.until)
    .sort()
    .at(-1) ?? null;

/** The band and the dashed line, as Vega-Lite layers over the burn-down's scales. */
export function projectionLayers(projections: readonly Projection[], x: object, y: object): object[] {
  if (projections.length === 0) return [];
  const values = projections.flatMap(pointsOf);
  return [
    {
      data: { values },
      mark: { type: 'area', opacity: 0.15, color: '#555555' },
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, detail: { field: 'release' } },
    },
    {
      data: { values },
      mark: { type: 'line', strokeWidth: 2, strokeDash: [2, 3], color: '#333333' },
      encoding: { x, y, detail: { field: 'release' } },
    },
  ];
}

/** "At this pace: Microsoft Windows XP SP3 zero around 2018-08; …", for the largest counts. */
export function projectionWords(projections: readonly Projection[], largest: number): string {
  const named = [...projections].sort((a, b) => b.forecast.count - a.forecast.count).slice(0, largest);
  if (named.length === 0) return '';
  return `At this pace: ${named.map((projection) => `${releaseTitle(projection.release)} ${atThisPace(projection.forecast)}`).join('; ')}.`;
}
