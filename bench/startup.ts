// Start to ready: `node dist/main.js` (what npm start runs once it has built) in HTTP mode against a
// local fake Web API, until it logs "eolwatch ready" with the catalogue loaded; then its resident
// memory. `bench/startup.ts src/main.ts` measures the tsx path the CLI and tests use instead. Baseline in
// the same rounds: a bare Node process printing a line. With BENCH_BEFORE_DIR set to another checkout's
// folder (built), its dist/main.js starts in the same rounds too; the order rotates from round to round.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { rssMb, startUntilReady } from './start-process.js';
import { ms, summarize } from './stats.js';
import { freePort } from '../test/helpers/free-port.js';

const RUNS = Number(process.env.BENCH_STARTS ?? 5);
const ENTRY = process.argv[2] ?? 'dist/main.js';
if (ENTRY.startsWith('dist/')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const BEFORE = process.env.BENCH_BEFORE_DIR;
const api = await new FakeSlackApi().start();
const cases: { label: string; entry: string; ready: string }[] = [
  { label: 'baseline: a bare Node process to its first line', entry: '-e', ready: 'up' },
  { label: ENTRY, entry: ENTRY, ready: 'eolwatch ready' },
  ...(BEFORE ? [{ label: 'before: dist/main.js', entry: join(BEFORE, 'dist/main.js'), ready: 'eolwatch ready' }] : []),
];
async function start(entry: string, ready: string): Promise<{ ms: number; rss: number }> {
  if (entry === '-e') {
    const started = performance.now();
    execFileSync(process.execPath, ['-e', "process.stdout.write('up')"]);
    return { ms: performance.now() - started, rss: 0 };
  }
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: api.apiUrl,
    PORT: String(await freePort()),
  };
  const { child, readyAfterMs } = await startUntilReady(entry, env, ready);
  const rss = rssMb(child.pid);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { ms: readyAfterMs, rss };
}
const times = cases.map(() => [] as number[]);
const rss = cases.map(() => [] as number[]);
for (let round = 0; round < RUNS; round += 1)
  for (let step = 0; step < cases.length; step += 1) {
    const index = (round + step) % cases.length;
    const { entry, ready } = cases[index] as (typeof cases)[number];
    const figures = await start(entry, ready);
    times[index]?.push(figures.ms);
    rss[index]?.push(figures.rss);
  }
await api.stop();
console.log(
  `start to ready (HTTP mode, catalogue of 8,351 releases loaded and indexed), ${RUNS} interleaved rounds   (target < 1 s)`,
);
cases.forEach(({ label }, index) => {
  const { median, max } = summarize(times[index] ?? []);
  const memory =
    index === 0 ? '' : `, resident memory when ready median ${summarize(rss[index] ?? []).median.toFixed(0)} MB`;
  console.log(`  ${label.padEnd(48)} median ${ms(median)}, max ${ms(max)} of ${RUNS}${memory}`);
});
