// The command line's wall time for one question, as a script calls it: the compiled `node dist/cli.js`
// (what `npx eolwatch` runs) beside `npm run --silent eol` (through tsx), 20 runs each; baseline in the
// same script: `node -e ""`, what any Node process costs to start here. The compiled runs are measured
// three ways: with the prepared catalogue current (every run after the first), without it (the first
// run after the catalogue file changed: a full validation, then a new copy written), and with a JSON
// store holding a team's counts and a contract (a lookup then opens the store for the contract).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, summarize } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'eolwatch-bench-cli-'));
const cache = join(dir, 'catalog-cache.json');
const env = { ...process.env, EOLWATCH_STORE: join(dir, 'absent', 'eolwatch.json'), EOLWATCH_CATALOG_CACHE: cache };
const storeEnv = { ...env, EOLWATCH_STORE: join(dir, 'store', 'eolwatch.json') };

function time(
  command: string,
  args: string[],
  runEnv: NodeJS.ProcessEnv = env,
  before: () => void = () => undefined,
): number[] {
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    before();
    const started = performance.now();
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: runEnv });
    if (run > 0) times.push(performance.now() - started); // the first warms the file cache
  }
  return times;
}

const question = ['--now', '2017-06-28', 'windows-8.1'];
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
for (const command of [
  ['inventory', 'set', 'windows-xp', '18293', 'windows-8.1', '14450'],
  ['contract', 'windows-xp', 'until', '2019-04-08', 'Custom support'],
]) {
  execFileSync(process.execPath, ['dist/cli.js', '--user', 'UADMIN', ...command], {
    stdio: 'ignore',
    env: { ...storeEnv, EOLWATCH_ADMINS: 'UADMIN' },
  });
}
const node = time(process.execPath, ['-e', '']);
const compiled = time(process.execPath, ['dist/cli.js', ...question]);
const unprepared = time(process.execPath, ['dist/cli.js', ...question], env, () =>
  rmSync(`${cache}.prepared.json`, { force: true }),
);
const withStore = time(process.execPath, ['dist/cli.js', ...question], storeEnv);
const viaNpm = time('npm', ['run', '--silent', 'eol', '--', ...question]);
rmSync(dir, { recursive: true, force: true });

const row = (label: string, samples: number[]) => {
  const { median, max } = summarize(samples);
  return `  ${label.padEnd(58)} median ${ms(median)}, worst ${ms(max)}`;
};
console.log(`one question on the command line ("windows-8.1"), wall time, ${RUNS} runs each`);
console.log(row('baseline: node -e "" (a bare Node start)', node));
console.log(row('node dist/cli.js (npx eolwatch), prepared catalogue', compiled));
console.log(row('  the same, first run after the catalogue changed', unprepared));
console.log(row('  the same, with a store (counts and a contract)', withStore));
console.log(row('npm run --silent eol (tsx)', viaNpm));
console.log(
  `  dist/cli.js / bare Node start: x${(summarize(compiled).median / summarize(node).median).toFixed(1)}   (target: < 300 ms)`,
);
