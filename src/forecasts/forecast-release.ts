// At this pace, will we make it? A release's counts over the last year as a least-squares line: its pace
// (machines a week and a month), the day it reaches zero when falling, and for each phase still ahead
// how many machines will be left when it ends and the pace that would reach zero by then. Honest by
// construction: never from fewer than 3 changes or less than 30 days, no date of zero for a count that
// is not falling, and figures rounded as the estimates they are. Pure: points in, a forecast out.
import { addDays, dateOfDay, dayNumber } from '../leaf/calendar-date.js';
import type { Release } from '../catalog/catalog.js';

/** A count as recorded on a day (the last one of the day when it changed several times). */
export interface CountPoint {
  date: string;
  count: number;
}

const WINDOW_DAYS = 365;
const MIN_CHANGES = 3;
const MIN_SPAN_DAYS = 30;
export const DAYS_PER_MONTH = 365.25 / 12;
/** A pace that rounds to no machine a month is no pace: the count is holding. */
const FLAT_PER_MONTH = 0.5;

export interface PhaseAhead {
  label: string;
  end: string;
  /** Machines still on the release that day at this pace (never below 0). */
  left: number;
  /** Machines a month it would take, from today, to reach zero by then. */
  neededPerMonth: number;
}

export type Forecast =
  | { kind: 'none-left'; since: string }
  | { kind: 'not-enough'; changes: number; since: string | null }
  | {
      kind: 'pace';
      /** The latest count and the day it was recorded. */
      count: number;
      countedOn: string;
      /** Machines a day: negative when falling. */
      perDay: number;
      /** The slope's standard error, machines a day: the projection's band. */
      perDayError: number;
      basis: { changes: number; since: string };
      /** When the count reaches zero at this pace; null unless falling. */
      zeroOn: string | null;
      phasesAhead: PhaseAhead[];
    };

/** The points of the last WINDOW_DAYS up to `asOf`, one per day (its last). */
function recentPoints(points: readonly CountPoint[], asOf: string): CountPoint[] {
  const from = addDays(asOf, -WINDOW_DAYS);
  const byDay = new Map<string, number>();
  for (const point of points) if (point.date > from && point.date <= asOf) byDay.set(point.date, point.count);
  return [...byDay].map(([date, count]) => ({ date, count })).sort((a, b) => a.date.localeCompare(b.date));
}

function leastSquares(points: readonly CountPoint[]): { slope: number; slopeError: number } {
  const xs = points.map((point) => dayNumber(point.date));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = points.reduce((sum, point) => sum + point.count, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  points.forEach((point, index) => {
    const dx = (xs[index] as number) - meanX;
    sxx += dx * dx;
    sxy += dx * (point.count - meanY);
  });
  const slope = sxy / sxx;
  const residuals = points.reduce((sum, point, index) => {
    const fitted = meanY + slope * ((xs[index] as number) - meanX);
    return sum + (point.count - fitted) ** 2;
  }, 0);
  const slopeError = points.length > 2 ? Math.sqrt(residuals / (points.length - 2) / sxx) : 0;
  return { slope, slopeError };
}

/** The phases of `release` that end after `asOf`, in order. */
function phaseEndsAfter(release: Release | undefined, asOf: string): { label: string; end: string }[] {
  return (release?.phases ?? [])
    .filter((phase): phase is typeof phase & { end: string } => typeof phase.end === 'string' && phase.end > asOf)
    .map((phase) => ({ label: phase.label, end: phase.end }))
    .sort((a, b) => a.end.localeCompare(b.end));
}

/**
 * `points`: every recorded count of the release, oldest first (history entries' dates and new counts);
 * `release` gives the phases ahead (a contract's end included, when the caller applied it).
 */
export function forecastRelease(points: readonly CountPoint[], release: Release | undefined, asOf: string): Forecast {
  const known = points.filter((point) => point.date <= asOf);
  const latest = known.at(-1);
  if (latest && latest.count === 0) return { kind: 'none-left', since: latest.date };
  const recent = recentPoints(known, asOf);
  const first = recent[0];
  const last = recent.at(-1);
  if (
    !first ||
    !last ||
    !latest ||
    recent.length < MIN_CHANGES ||
    dayNumber(last.date) - dayNumber(first.date) < MIN_SPAN_DAYS
  )
    return { kind: 'not-enough', changes: recent.length, since: first?.date ?? null };
  const { slope, slopeError } = leastSquares(recent);
  const perDay = Math.abs(slope * DAYS_PER_MONTH) < FLAT_PER_MONTH ? 0 : slope;
  const count = latest.count;
  const countedOn = latest.date;
  const zeroDay = perDay < 0 ? Math.max(dayNumber(asOf), dayNumber(countedOn) + Math.ceil(count / -perDay)) : null;
  const phasesAhead = phaseEndsAfter(release, asOf).map(({ label, end }) => {
    const atEnd = count + perDay * (dayNumber(end) - dayNumber(countedOn));
    const monthsLeft = (dayNumber(end) - dayNumber(asOf)) / DAYS_PER_MONTH;
    return { label, end, left: Math.max(0, atEnd), neededPerMonth: count / Math.max(monthsLeft, 1 / DAYS_PER_MONTH) };
  });
  return {
    kind: 'pace',
    count,
    countedOn,
    perDay,
    perDayError: slopeError,
    basis: { changes: recent.length, since: first.date },
    zeroOn: zeroDay === null ? null : dateOfDay(zeroDay),
    phasesAhead,
  };
}

/** A count as the estimate it is: two significant figures from 100 up ("about 2,300"), whole below. */
export function roundEstimate(value: number): number {
  const whole = Math.round(Math.abs(value));
  if (whole < 100) return whole;
  const scale = 10 ** (Math.floor(Math.log10(whole)) - 1);
  return Math.round(whole / scale) * scale;
}

/** Several histories summed, as a workspace's counts are its teams': a point on every day any changed. */
export function sumPoints(series: readonly (readonly CountPoint[])[]): CountPoint[] {
  const events = series
    .flatMap((points, index) => points.map((point) => ({ ...point, index })))
    .sort((a, b) => a.date.localeCompare(b.date));
  const current = new Array<number>(series.length).fill(0);
  let total = 0;
  const summed: CountPoint[] = [];
  for (const event of events) {
    total += event.count - (current[event.index] as number);
    current[event.index] = event.count;
    if (summed.at(-1)?.date === event.date) (summed.at(-1) as CountPoint).count = total;
    else summed.push({ date: event.date, count: total });
  }
  return summed;
}
