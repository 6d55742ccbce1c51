// A chart specification (Vega-Lite, plain data from charts/) -> an SVG or PNG picture, with no browser:
// Vega draws SVG, resvg rasterises it. The font is shipped in data/fonts so that a picture is the same on
// every machine (resvg draws no text at all without one), and Vega is told the real width of each
// string (it cannot measure text without a canvas, and guesses badly). The libraries take 0.2-0.3 s
// to load, so they are loaded on the first chart, not at start.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ChartImageFormat = 'png' | 'svg';

/** Slack shows an image about 800 px wide: drawn at twice that, it stays sharp on any screen. */
const PNG_SCALE = 2;
const CHART_FONT = 'DejaVu Sans';

/** data/fonts of this package, found upwards from this file: src/, dist/ and the bundled command line differ in depth. */
function fontsDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'data', 'fonts')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'data', 'fonts');
}

const FONTS = fontsDirectory();
const FONT_FILES = { regular: join(FONTS, 'DejaVuSans.ttf'), bold: join(FONTS, 'DejaVuSans-Bold.ttf') };

interface Toolkit {
  toSvg(spec: object): Promise<string>;
  toPng(svg: string): Buffer;
}

let loading: Promise<Toolkit> | undefined;

async function loadToolkit(): Promise<Toolkit> {
  // One after another: jest's ESM loader fails on modules shared by imports in flight together.
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const { Resvg } = await import('@resvg/resvg-js');
  const { default: opentype } = await import('opentype.js');
  const parseFont = (path: string) => {
    const bytes = readFileSync(path);
    return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  };
  const fonts = { regular: parseFont(FONT_FILES.regular), bold: parseFont(FONT_FILES.bold) };
  const widthCache = new Map<string, number>();
  // opentype's getAdvanceWidth throws on DejaVu's substitution tables; glyph by glyph is exact enough.
  const measure = (text: string, size: number, bold: boolean): number => {
    const key = `${bold ? 'b' : 'r'}${size}|${text}`;
    let width = widthCache.get(key);
    if (width === undefined) {
      const font = bold ? fonts.bold : fonts.regular;
      let units = 0;
      for (const char of text) units += font.charToGlyph(char).advanceWidth ?? font.unitsPerEm / 2;
      width = (units / font.unitsPerEm) * size;
      if (widthCache.size < 10_000) widthCache.set(key, width);
    }
    return width;
  };
  // textMetrics is missing from vega's types; it is what Vega uses to lay out labels and legends.
  (
    vega as unknown as {
      textMetrics: { width: (item: { fontSize?: number; fontWeight?: string | number }, text: string) => number };
    }
  ).textMetrics.width = (item, text) =>
    measure(String(text), item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
  return {
    async toSvg(spec) {
      // Vega-Lite's warnings (a layer's scale domains joined) are for chart authors, not the bot's log.
      const compiled = vegaLite.compile(spec as Parameters<typeof vegaLite.compile>[0], {
        logger: vega.logger(vega.None),
      }).spec;
      const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    },
    toPng(svg) {
      const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: PNG_SCALE },
        background: 'white',
        font: {
          loadSystemFonts: false,
          fontFiles: [FONT_FILES.regular, FONT_FILES.bold],
          defaultFontFamily: CHART_FONT,
          sansSerifFamily: CHART_FONT,
        },
      });
      return resvg.render().asPng();
    },
  };
}

export async function renderChartImage(spec: object, format: ChartImageFormat): Promise<Buffer> {
  const toolkit = await (loading ??= loadToolkit());
  const svg = await toolkit.toSvg(spec);
  return format === 'svg' ? Buffer.from(svg, 'utf8') : toolkit.toPng(svg);
}
