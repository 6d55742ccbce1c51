// Each chart kind drawn to PNG for a big team: 25 releases x 100 history entries (2,500 changes over ten
// years), as `/eol inventory chart`, `/eol report chart` and `/eol chart` (no names: the team's 25
// releases) build and draw it: data from the store, the specification, Vega's SVG, resvg's PNG. The first
// run also loads the libraries and the font (once a process); then 20 rounds, each drawing every case
// once in an order that rotates from round to round. Baseline in the same rounds: the same renderer
// drawing a chart of one release and one entry.
import { renderChartImage } from '../src/chart-images/render-chart-image.js';
import { parseCommand } from '../src/commands/parse-command.js';
import { runCommand } from '../src/commands/run-command.js';
import { addDays } from '../src/leaf/calendar-date.js';
import { MemoryStore } from '../test/memory-store/memory-store.js';
import { depsAt } from '../test/helpers/test-core.js';
import { ms, summarize } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const RELEASES = 25;
const ENTRIES = 100;
const team = { workspace: 'T1', channel: 'CBIG', user: 'U1' };

const store = new MemoryStore();
const deps = depsAt('2026-11-29', { store: async () => store });
// 25 Windows, Ubuntu and macOS releases a large estate could run, each changed 100 times over ten years.
const keys = [
  ...new Set(
    ['windows', 'ubuntu', 'macos', 'rhel', 'debian'].flatMap((product) =>
      (deps.resolve(product).kind === 'releases'
        ? (deps.resolve(product) as { releases: { productName: string; name: string }[] }).releases.slice(0, 5)
        : []
      ).map((r) => `${r.productName}/${r.name}`),
    ),
  ),
].slice(0, RELEASES);
for (let entry = 0; entry < ENTRIES; entry += 1) {
  const at = `${addDays('2016-12-01', entry * 36)}T09:00:00.000Z`;
  await store.setCounts(
    team,
    keys.map((release, index) => ({ release, count: 1000 + ((entry * 37 + index * 101) % 900) })),
    { user: 'U1', at },
  );
}
const small = new MemoryStore();
await small.setCounts(team, [{ release: 'windows/8.1', count: 14450 }], { user: 'U1', at: '2026-01-01T09:00:00.000Z' });

async function draw(text: string, from = store): Promise<number> {
  const started = performance.now();
  const result = await runCommand(parseCommand(text), { ...deps, store: async () => from }, team);
  if (result.kind !== 'chart') throw new Error(`${text}: ${JSON.stringify(result).slice(0, 300)}`);
  await renderChartImage(result.chart.spec, 'png');
  return performance.now() - started;
}

const first = await draw('inventory chart');
const cases: [string, string, MemoryStore][] = [
  ['baseline: one release, one entry', 'inventory chart', small],
  ['/eol inventory chart (burn-down)', 'inventory chart', store],
  ['/eol report chart (workspace burn-down)', 'report chart', store],
  ['/eol chart (timeline of the 25 releases)', 'chart', store],
];
const times = cases.map(() => [] as number[]);
for (let round = 0; round < RUNS; round += 1)
  for (let step = 0; step < cases.length; step += 1) {
    const index = (round + step) % cases.length;
    const [, text, from] = cases[index] as [string, string, MemoryStore];
    times[index]?.push(await draw(text, from));
  }
const baseline = summarize(times[0] ?? []);
console.log(`charts to PNG, ${keys.length} releases x ${ENTRIES} history entries, ${RUNS} interleaved rounds`);
console.log(`  first chart of a process (loads Vega, resvg and the font): ${ms(first)}`);
cases.forEach(([label], index) => {
  const figures = summarize(times[index] ?? []);
  const against = index === 0 ? '' : `  (x${(figures.median / baseline.median).toFixed(1)} baseline; target < 300 ms)`;
  console.log(`  ${label.padEnd(48)} median ${ms(figures.median)}, max ${ms(figures.max)} of ${RUNS}${against}`);
});
