// A team's (or the workspace's) machine counts over time: one line per release, each stretch coloured and
// dashed by where that release stood on that day (supported, security fixes only, paid extended support
// only, unsupported), a diamond where a phase ended under machines still counted, and the numbers said
// in the summary and the alt text. Pure: history in, a chart specification out.
import { formatCount, plural } from '../leaf/format-count.js';
import type { Release } from '../catalog/catalog.js';
import { addDays } from '../leaf/calendar-date.js';
import { computeLifecycle } from '../lifecycle/compute-lifecycle.js';
import { releaseTitle } from '../catalog/release-title.js';

import { BAND_ORDER, BAND_STYLES, bandOf, layeredChart, type Chart, type SupportBand } from './chart.js';
import { projectedUntil, projectionLayers, projectionsOf, projectionWords } from './projection.js';

export interface ReleaseCounts {
  release: Release;
  /** The count from each date on, oldest first (ISO dates). */
  changes: { date: string; count: number }[];
}

export interface BurnDownInput {
  /** Whose machines: `#met`, `the workspace`. */
  scope: string;
  asOf: string;
  series: ReleaseCounts[];
  fileBase: string;
}

/** Releases named at the end of their line: the largest counts today. The rest are in the alt text. */
const LABELLED_LINES = 8;
/** Phase ends marked with a diamond get a label up to this many; beyond that only the diamond. */
const LABELLED_MARKERS = 6;
const ALT_RELEASES = 12;
/** Releases whose forecast the summary says in words: the largest counts. */
const PROJECTIONS_SAID = 3;

const bandAt = (release: Release, date: string): SupportBand => bandOf(computeLifecycle(release, date).status);

/** The count on `date`: the last change on or before it; null before the first. */
function countOn(changes: readonly { date: string; count: number }[], date: string): number | null {
  let count: number | null = null;
  for (const change of changes) {
    if (change.date > date) break;
    count = change.count;
  }
  return count;
}

/** The first day of each new phase: the day after a phase's last supported day. */
const statusChanges = (release: Release): string[] =>
  release.phases.flatMap((phase) => (typeof phase.end === 'string' ? [addDays(phase.end, 1)] : []));

interface LinePoint {
  release: string;
  segment: string;
  band: string;
  date: string;
  count: number;
  order: number;
}

/**
 * A release's line as stretches of one band each: a step line through every change, cut where the band
 * changes (so a 100-change history is a handful of paths, not a hundred).
 */
function linePoints(series: ReleaseCounts, end: string): LinePoint[] {
  const { release, changes } = series;
  const first = changes[0]?.date;
  if (first === undefined) return [];
  const title = releaseTitle(release);
  const dates = [
    ...new Set([
      ...changes.map((change) => change.date),
      ...statusChanges(release).filter((date) => date > first && date < end),
    ]),
  ].sort();
  const points: LinePoint[] = [];
  let stretch = -1;
  let band: string | null = null;
  let previous: number | null = null;
  const add = (date: string, count: number) =>
    points.push({
      release: title,
      segment: `${title}#${stretch}`,
      band: band as string,
      date,
      count,
      order: points.length,
    });
  for (const date of dates) {
    const count = countOn(changes, date) ?? 0;
    const bandThen = BAND_STYLES[bandAt(release, date)].label;
    if (bandThen !== band) {
      // The old stretch runs up to this day; the step of a change on it is drawn in the new band.
      if (previous !== null) add(date, previous);
      stretch += 1;
      band = bandThen;
    }
    if (previous !== null && previous !== count) add(date, previous);
    add(date, count);
    previous = count;
  }
  if (previous !== null) add(end, previous);
  return points;
}

function phaseEndMarkers(
  series: readonly ReleaseCounts[],
  end: string,
): { date: string; count: number; label: string }[] {
  return series.flatMap(({ release, changes }) => {
    const first = changes[0]?.date;
    if (first === undefined) return [];
    return release.phases.flatMap((phase) => {
      if (typeof phase.end !== 'string') return [];
      const day = addDays(phase.end, 1);
      const count = countOn(changes, day);
      return day > first && day <= end && count !== null && count > 0
        ? [{ date: day, count, label: `${phase.label} ended` }]
        : [];
    });
  });
}

function describeSeries(series: ReleaseCounts, asOf: string): string {
  const firstCount = series.changes[0]?.count ?? 0;
  const now = countOn(series.changes, asOf) ?? 0;
  const band = BAND_STYLES[bandAt(series.release, asOf)].label;
  return `${releaseTitle(series.release)}: ${formatCount(firstCount)} on ${series.changes[0]?.date ?? asOf}, ${formatCount(now)} now (${band})`;
}

export function burnDownChart(input: BurnDownInput): Chart | null {
  // What was known on the day asked about: changes after it are not drawn.
  const series = input.series
    .map((entry) => ({ ...entry, changes: entry.changes.filter((change) => change.date <= input.asOf) }))
    .filter((entry) => entry.changes.length > 0);
  if (series.length === 0) return null;
  const start = series.map((entry) => entry.changes[0]?.date as string).sort()[0] as string;
  const end = input.asOf > start ? input.asOf : addDays(start, 1);
  const projections = projectionsOf(series, input.asOf);
  const axisEnd = [end, projectedUntil(projections) ?? end].sort()[1] as string;
  const nowOf = (entry: ReleaseCounts) => countOn(entry.changes, input.asOf) ?? 0;
  const total = series.reduce((sum, entry) => sum + nowOf(entry), 0);
  const unsupported = series
    .filter((entry) => bandAt(entry.release, input.asOf) === 'unsupported')
    .reduce((sum, entry) => sum + nowOf(entry), 0);
  const share = total > 0 ? ` (${Math.round((unsupported / total) * 100)}%)` : '';
  const summary = [
    `${formatCount(total)} machines on ${plural(series.length, 'release')} on ${input.asOf}, ${formatCount(unsupported)} of them unsupported${share}.`,
    projectionWords(projections, PROJECTIONS_SAID),
  ]
    .filter((part) => part !== '')
    .join(' ');
  const title = `Machines per release, ${input.scope}`;
  const ranked = [...series].sort((a, b) => nowOf(b) - nowOf(a));
  const markers = phaseEndMarkers(series, end);
  const bands = BAND_ORDER.map((band) => BAND_STYLES[band]);
  const altText = [
    `Line chart of machine counts per release, ${input.scope}, from ${start} to ${end}, coloured by support status${projections.length > 0 ? `, with dashed projections at the pace of the last year to ${axisEnd}` : ''}.`,
    summary,
    ...ranked.slice(0, ALT_RELEASES).map((entry) => `${describeSeries(entry, input.asOf)}.`),
    ranked.length > ALT_RELEASES ? `And ${ranked.length - ALT_RELEASES} more releases.` : '',
  ]
    .filter((line) => line !== '')
    .join(' ');
  // Layers share the x scale: its domain is given once, in the first.
  const x = { field: 'date', type: 'temporal', scale: { type: 'utc' }, title: null };
  const xWithDomain = { ...x, scale: { type: 'utc', domain: [start, axisEnd] } };
  const y = { field: 'count', type: 'quantitative', title: 'machines', axis: { format: ',d' } };
  return layeredChart({ kind: 'burn-down', title, summary, altText, fileBase: input.fileBase }, 340, [
    {
      data: { values: series.flatMap((entry) => linePoints(entry, end)) },
      mark: { type: 'line', strokeWidth: 3, strokeCap: 'butt' },
      encoding: {
        x: xWithDomain,
        y,
        color: {
          field: 'band',
          type: 'nominal',
          title: 'status',
          scale: { domain: bands.map((band) => band.label), range: bands.map((band) => band.colour) },
        },
        strokeDash: {
          field: 'band',
          type: 'nominal',
          title: 'status',
          scale: { domain: bands.map((band) => band.label), range: bands.map((band) => band.dash) },
        },
        detail: { field: 'segment' },
        order: { field: 'order' },
      },
    },
    {
      data: { values: markers },
      mark: { type: 'point', shape: 'diamond', size: 90, filled: true, color: '#222222' },
      encoding: { x, y },
    },
    {
      data: { values: markers.length <= LABELLED_MARKERS ? markers : [] },
      mark: { type: 'text', dy: -12, fontSize: 11, color: '#222222' },
      encoding: { x, y, text: { field: 'label' } },
    },
    {
      data: {
        values: ranked.slice(0, LABELLED_LINES).map((entry) => ({
          date: end,
          count: nowOf(entry),
          label: `${releaseTitle(entry.release)}: ${formatCount(nowOf(entry))}`,
        })),
      },
      mark: { type: 'text', align: 'right', dy: -9, fontSize: 12, fontWeight: 'bold', color: '#222222' },
      encoding: { x, y, text: { field: 'label' } },
    },
    ...projectionLayers(projections, x, y),
  ]);
}
