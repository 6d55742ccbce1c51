// Start to ready: `node dist/main.js` (what npm start runs once it has built) in HTTP mode against a
// local fake Web API, until it logs "eolwatch ready" with the catalogue loaded; then its resident
// memory. `bench/startup.ts src/main.ts` measures the tsx path the CLI and tests use instead.
import { execFileSync } from 'node:child_process';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { rssMb, startUntilReady } from './start-process.js';
import { ms, summarize } from './stats.js';
import { freePort } from '../test/helpers/free-port.js';

const RUNS = Number(process.env.BENCH_STARTS ?? 5);
const ENTRY = process.argv[2] ?? 'dist/main.js';
if (ENTRY.startsWith('dist/')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });

const api = await new FakeSlackApi().start();
const times: number[] = [];
const rss: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: api.apiUrl,
    PORT: String(await freePort()),
  };
  const { child, readyAfterMs } = await startUntilReady(ENTRY, env, 'eolwatch ready');
  times.push(readyAfterMs);
  rss.push(rssMb(child.pid));
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
await api.stop();
const { median, max } = summarize(times);
console.log(
  `${ENTRY}: start to ready (HTTP mode, catalogue of 8,351 releases loaded and indexed), ${RUNS} starts: median ${ms(median)}, worst ${ms(max)}   (target < 1 s)`,
);
console.log(`resident memory when ready: median ${summarize(rss).median.toFixed(0)} MB`);
