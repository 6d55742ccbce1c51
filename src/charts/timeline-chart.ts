// When each release's support runs out: a bar per release, split into its phases (active, security fixes
// only, paid extended support, the team's own contract), a line for today, and the team's machine count
// beside each release it runs. Pure: releases in, a chart specification out.
import { formatCount, plural } from '../leaf/format-count.js';
import type { Release } from '../catalog/catalog.js';
import { releaseTitle } from '../catalog/release-title.js';
import { addDays } from '../leaf/calendar-date.js';
import { computeLifecycle } from '../lifecycle/compute-lifecycle.js';

import { BAND_OF_PHASE, BAND_ORDER, BAND_STYLES, CHART_WIDTH, bandOf, layeredChart, type Chart } from './chart.js';

export interface TimelineRow {
  /** With the team's contract applied, if it holds one. */
  release: Release;
  /** The team's machines on it; null where it has none or the chart is not a team's. */
  count: number | null;
}

export interface TimelineInput {
  scope: string;
  asOf: string;
  rows: TimelineRow[];
  fileBase: string;
}

/** A phase with no announced end is drawn this far past today, paler, and said to be open. */
const OPEN_END_DAYS = 2 * 365;
const ROW_HEIGHT = 30;
/** A phase's name is written inside its bar where it fits: about this many px a character, bold 11 px. */
const LABEL_CHAR_PX = 7.2;

interface Bar {
  release: string;
  band: string;
  phase: string;
  start: string;
  end: string;
  open: boolean;
}

/** The row's name: the release, and the team's machines on it. */
const rowName = (row: TimelineRow): string =>
  `${releaseTitle(row.release)}${row.count ? ` (${formatCount(row.count)} machines)` : ''}`;

function barsOf(row: TimelineRow, asOf: string): Bar[] {
  const { release } = row;
  const title = rowName(row);
  const bars: Bar[] = [];
  let start = release.releaseDate;
  for (const phase of release.phases) {
    const band = BAND_STYLES[BAND_OF_PHASE[phase.kind]].label;
    // A contract runs alongside the vendor's phases, from its own start, which we do not know: after them.
    if (typeof phase.end === 'string') {
      if (phase.end >= start)
        bars.push({ release: title, band, phase: phase.label, start, end: phase.end, open: false });
      start = phase.end > start ? addDays(phase.end, 1) : start;
    } else if (phase.end === false) {
      const end = addDays(asOf > start ? asOf : start, OPEN_END_DAYS);
      bars.push({ release: title, band, phase: `${phase.label} (no end announced)`, start, end, open: true });
      start = end;
    }
  }
  return bars;
}

/** The last supported day as announced, whether or not it has passed. */
const endOfSupport = (release: Release): string =>
  computeLifecycle(release, '9999-12-31').unsupportedSince ?? 'no end announced';

export function timelineChart(input: TimelineInput): Chart | null {
  if (input.rows.length === 0) return null;
  const bars = input.rows.flatMap((row) => barsOf(row, input.asOf));
  if (bars.length === 0) return null;
  const first = bars.map((bar) => bar.start).sort()[0] as string;
  const last = [...bars.map((bar) => bar.end), input.asOf].sort().at(-1) as string;
  const span = Math.max(1, Date.parse(last) - Date.parse(first));
  const order = input.rows.map(rowName);
  const counted = input.rows.filter((row) => row.count !== null && row.count > 0);
  const unsupported = counted.filter(
    (row) => bandOf(computeLifecycle(row.release, input.asOf).status) === 'unsupported',
  );
  const machines = (rows: TimelineRow[]) => rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
  const summary =
    counted.length > 0
      ? `${formatCount(machines(counted))} machines on ${counted.length} of these releases, ${formatCount(machines(unsupported))} of them on releases out of support on ${input.asOf}.`
      : `${plural(input.rows.length, 'release')}; today is ${input.asOf}.`;
  const title = `Support timeline, ${input.scope}`;
  const altText = [
    `Timeline of support phases, ${input.scope}, as of ${input.asOf}.`,
    summary,
    ...input.rows.map((row) => {
      const phases = barsOf(row, input.asOf)
        .map((bar) => `${bar.phase} ${bar.start} to ${bar.open ? 'open' : bar.end}`)
        .join('; ');
      const count = row.count ? `, ${formatCount(row.count)} machines` : '';
      return `${releaseTitle(row.release)}${count}: ${phases || 'no dates known'}; supported until ${endOfSupport(row.release)}.`;
    }),
  ].join(' ');
  // Layers share the x scale: its domain is given once, in the first.
  const x = { type: 'temporal', scale: { type: 'utc' }, title: null };
  const xWithDomain = { ...x, scale: { type: 'utc', domain: [first, last] } };
  const y = { field: 'release', type: 'nominal', sort: order, title: null, axis: { labelLimit: 300 } };
  const bands = BAND_ORDER.filter((band) => band !== 'unsupported' && band !== 'unknown').map(
    (band) => BAND_STYLES[band],
  );
  const fits = (bar: Bar, text: string) =>
    ((Date.parse(bar.end) - Date.parse(bar.start)) / span) * CHART_WIDTH >= text.length * LABEL_CHAR_PX + 8;
  const withLabels = bars.map((bar) => {
    const text = bar.phase.replace(/ \(no end announced\)$/, ' →');
    return { ...bar, label: fits(bar, text) ? text : '' };
  });
  return layeredChart({ kind: 'timeline', title, summary, altText, fileBase: input.fileBase }, { step: ROW_HEIGHT }, [
    {
      data: { values: withLabels },
      mark: { type: 'bar', cornerRadius: 2, height: ROW_HEIGHT - 8 },
      encoding: {
        y,
        x: { ...xWithDomain, field: 'start' },
        x2: { field: 'end' },
        color: {
          field: 'band',
          type: 'nominal',
          title: 'phase',
          scale: { domain: bands.map((band) => band.label), range: bands.map((band) => band.colour) },
        },
        opacity: { condition: { test: 'datum.open', value: 0.45 }, value: 1 },
      },
    },
    {
      data: { values: withLabels },
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: 'white', fontWeight: 'bold' },
      encoding: { y, x: { ...x, field: 'start' }, text: { field: 'label' } },
    },
    {
      data: { values: [{ date: input.asOf, label: `today ${input.asOf}` }] },
      mark: { type: 'rule', color: '#222222', strokeWidth: 2, strokeDash: [4, 3] },
      encoding: { x: { ...x, field: 'date' } },
    },
    {
      data: { values: [{ date: input.asOf, label: `today ${input.asOf}` }] },
      mark: { type: 'text', align: 'left', dx: 4, y: -6, fontSize: 11, color: '#222222' },
      encoding: { x: { ...x, field: 'date' }, text: { field: 'label' } },
    },
  ]);
}
