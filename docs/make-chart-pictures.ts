// Draws the pictures the README shows, from the seed story's fixture (test/helpers/met-history.ts), as of
// 2017-06-28: `node --import tsx docs/make-chart-pictures.ts`. Run it again when a chart changes.
import { writeFile } from 'node:fs/promises';
import { renderChartImage } from '../src/chart-images/render-chart-image.js';
import { parseCommand } from '../src/commands/parse-command.js';
import { runCommand } from '../src/commands/run-command.js';
import { MemoryStore } from '../test/memory-store/memory-store.js';
import { saveMetHistory } from '../test/helpers/met-history.js';
import { depsAt } from '../test/helpers/test-core.js';

const store = new MemoryStore();
const team = { workspace: 'T1', channel: 'met' };
await saveMetHistory(store, team);
await store.setTeamName(team, 'Met Police IT');
const deps = depsAt('2017-06-28', { store: async () => store });
for (const [text, file] of [
  ['inventory chart', 'docs/chart-burn-down.png'],
  ['chart xp, windows 7 sp1, windows 8.1, windows 10 22h2', 'docs/chart-timeline.png'],
] as const) {
  const result = await runCommand(parseCommand(text), deps, { ...team, user: 'U1' });
  if (result.kind !== 'chart') throw new Error(`${text}: ${JSON.stringify(result)}`);
  await writeFile(file, await renderChartImage(result.chart.spec, 'png'));
  console.log(`${file}: ${result.chart.summary}`);
}
