// A chart as plain data: a Vega-Lite specification, what it says in words (the alt text states the
// numbers, for screen readers and notifications), and its file name. Rasterised by chart-images/.
import type { PhaseKind } from '../catalog/catalog.js';
import type { Status } from '../lifecycle/compute-lifecycle.js';

export interface Chart {
  kind: 'burn-down' | 'timeline';
  title: string;
  /** One line under the picture. */
  summary: string;
  /** The picture in words, with its numbers. */
  altText: string;
  /** Without extension: `.png` or `.svg` is added by whoever writes it. */
  fileBase: string;
  spec: Record<string, unknown>;
}

/** Where machines stand, as the charts name and draw it: by colour and by line pattern or label. */
export type SupportBand = 'supported' | 'security' | 'paid' | 'contract' | 'unsupported' | 'unknown';

interface BandStyle {
  label: string;
  /** Okabe-Ito colours: told apart with every common colour-vision deficiency. */
  colour: string;
  /** The line's dash pattern in the burn-down: the band is readable without colour too. */
  dash: number[];
}

export const BAND_STYLES: Readonly<Record<SupportBand, BandStyle>> = {
  supported: { label: 'supported', colour: '#009E73', dash: [] },
  security: { label: 'security fixes only', colour: '#0072B2', dash: [8, 3] },
  paid: { label: 'extended support only', colour: '#E69F00', dash: [3, 3] },
  contract: { label: 'own support contract', colour: '#CC79A7', dash: [10, 3, 2, 3] },
  unsupported: { label: 'unsupported', colour: '#D55E00', dash: [1, 2] },
  unknown: { label: 'status unknown', colour: '#999999', dash: [2, 6] },
};

export const BAND_ORDER: readonly SupportBand[] = [
  'supported',
  'security',
  'paid',
  'contract',
  'unsupported',
  'unknown',
];

/** A release's status as a band: active support is "supported" for machines. */
export function bandOf(status: Status): SupportBand {
  switch (status) {
    case 'active':
    case 'unreleased':
      return 'supported';
    case 'security':
      return 'security';
    case 'extended':
      return 'paid';
    case 'contract':
      return 'contract';
    case 'unsupported':
      return 'unsupported';
    case 'unknown':
      return 'unknown';
  }
}

/** The band a phase of that kind stands for, in the timeline's bars. */
export const BAND_OF_PHASE: Readonly<Record<PhaseKind, SupportBand>> = {
  active: 'supported',
  security: 'security',
  extended: 'paid',
  contract: 'contract',
};

/** Shared look: the shipped font, white background, sizes readable at Slack's ~800 px preview. */
const CHART_CONFIG = {
  font: 'DejaVu Sans',
  background: 'white',
  padding: 16,
  title: { fontSize: 18, anchor: 'start', subtitleFontSize: 13, subtitleColor: '#444444', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, gridColor: '#e6e6e6', labelOverlap: 'greedy', labelSeparation: 10 },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    orient: 'bottom',
    direction: 'horizontal',
    labelLimit: 320,
    columns: 3,
  },
  view: { stroke: null },
} as const;

/** The chart's own width in px before padding and labels: about Slack's preview width in all. */
export const CHART_WIDTH = 640;

/** About as many characters of the subtitle as fit across the chart. */
const SUBTITLE_LINE = 105;

/** Words in lines of at most `width` characters (a longer word has a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The envelope every chart shares: its words, and its layers drawn at the shared width and look. */
export function layeredChart(words: Omit<Chart, 'spec'>, height: number | { step: number }, layer: object[]): Chart {
  return {
    ...words,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: CHART_CONFIG,
      title: { text: words.title, subtitle: wrapWords(words.summary, SUBTITLE_LINE) },
      width: CHART_WIDTH,
      height,
      layer,
    },
  };
}
