// Charts drawn for real: PNGs decoded and looked at (size, and each status colour where the data puts
// it), and an SVG kept as a snapshot, reviewed like code when a chart changes.
import { describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import { renderChartImage } from '../../src/chart-images/render-chart-image.js';
import { BAND_STYLES } from '../../src/charts/chart.js';
import type { Chart } from '../../src/charts/chart.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

async function chartOf(text: string): Promise<Chart> {
  const store = new MemoryStore();
  await saveMetHistory(store, SPEAKER);
  const result = await runCommand(parseCommand(text), depsAt('2017-06-28', { store: async () => store }), SPEAKER);
  if (result.kind !== 'chart') throw new Error(JSON.stringify(result));
  return result.chart;
}

const rgb = (hex: string) =>
  [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

/** Where a colour is drawn, above `belowY` (the legend, which holds every colour, is left out). */
function extentOf(png: PNG, hex: string, belowY: number): { pixels: number; minX: number; maxX: number } {
  const [r, g, b] = rgb(hex);
  let pixels = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let y = 0; y < belowY; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const at = (png.width * y + x) * 4;
      if (
        Math.abs((png.data[at] as number) - r) < 12 &&
        Math.abs((png.data[at + 1] as number) - g) < 12 &&
        Math.abs((png.data[at + 2] as number) - b) < 12
      ) {
        pixels += 1;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
      }
    }
  }
  return { pixels, minX, maxX };
}

describe('chart images', () => {
  it("draws the burn-down as a PNG about twice Slack's preview width, each status in its colour where it belongs", async () => {
    const png = PNG.sync.read(await renderChartImage((await chartOf('inventory chart')).spec, 'png'));
    expect(png.width).toBeGreaterThan(1400);
    expect(png.width).toBeLessThan(2000);
    expect(png.height).toBeGreaterThan(600);
    const plot = Math.round(png.height * 0.75);
    const security = extentOf(png, BAND_STYLES.security.colour, plot);
    const unsupported = extentOf(png, BAND_STYLES.unsupported.colour, plot);
    const supported = extentOf(png, BAND_STYLES.supported.colour, plot);
    for (const band of [security, unsupported, supported]) expect(band.pixels).toBeGreaterThan(200);
    // XP turns unsupported on 2014-04-09, about a fifth of the way along 2013-06 .. 2017-06.
    expect(unsupported.minX - security.minX).toBeGreaterThan(png.width * 0.1);
    // Nothing here was ever on paid extended support or a contract.
    expect(extentOf(png, BAND_STYLES.paid.colour, plot).pixels).toBe(0);
  });

  it('draws the timeline with a colour per phase, paid extended support included', async () => {
    const png = PNG.sync.read(
      await renderChartImage((await chartOf('chart xp, windows 8.1, windows 7 sp1')).spec, 'png'),
    );
    const plot = Math.round(png.height * 0.7);
    for (const band of ['supported', 'security', 'paid'] as const)
      expect(extentOf(png, BAND_STYLES[band].colour, plot).pixels).toBeGreaterThan(1000);
    // Windows 7's paid years (2020-2023) come after XP's security years (2009-2014).
    expect(extentOf(png, BAND_STYLES.paid.colour, plot).minX).toBeGreaterThan(
      extentOf(png, BAND_STYLES.security.colour, plot).minX,
    );
  });

  it('writes the timeline as SVG with the shipped font and the words in it', async () => {
    const svg = (await renderChartImage((await chartOf('chart xp, windows 8.1')).spec, 'svg')).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans');
    expect(svg).toContain('Support timeline, #C1');
    expect(svg).toContain('today 2017-06-28');
    expect(svg).toMatchSnapshot();
  });
});
