// How an adapter gets a chart's picture: from the bot's worker threads when it has them (offload-pool.ts),
// otherwise drawn here (the command line, tests), with the libraries loaded on the first chart.
import type { CommandDeps } from '../commands/command-types.js';
import type { ChartImageFormat } from './render-chart-image.js';

export type ChartDrawer = (spec: object, format: ChartImageFormat) => Promise<Buffer>;

export function chartDrawerOf(deps: Pick<CommandDeps, 'drawChart'>): ChartDrawer {
  return (
    deps.drawChart ?? (async (spec, format) => (await import('./render-chart-image.js')).renderChartImage(spec, format))
  );
}
