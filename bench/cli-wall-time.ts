// The command line's wall time for one question, as a script calls it: the compiled `node dist/cli.js`
// (what `npx eolwatch` runs) beside `npm run --silent eol` (through tsx); baseline in the same rounds:
// `node -e ""`, what any Node process costs to start here. The compiled runs are measured three ways:
// with the prepared catalogue current (every run after the first), without it (the first run after the
// catalogue file changed: a full validation, then a new copy written), and with a JSON store holding a
// team's counts and a contract (a lookup then opens the store for the contract). With BENCH_BEFORE_DIR
// set to another checkout's folder (built), its dist/cli.js runs in the same rounds. Each round runs
// every case once, in an order that rotates from round to round; medians with min-max over the rounds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 20);
const BEFORE = process.env.BENCH_BEFORE_DIR;
const dir = mkdtempSync(join(tmpdir(), 'eolwatch-bench-cli-'));
const cache = join(dir, 'catalog-cache.json');
const env = { ...process.env, EOLWATCH_STORE: join(dir, 'absent', 'eolwatch.json'), EOLWATCH_CATALOG_CACHE: cache };
const beforeEnv = { ...env, EOLWATCH_CATALOG_CACHE: join(dir, 'before-cache.json') };
const storeEnv = { ...env, EOLWATCH_STORE: join(dir, 'store', 'eolwatch.json') };

interface Case {
  label: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  before?: () => void;
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
const cases: Case[] = [
  { label: 'baseline: node -e "" (a bare Node start)', command: process.execPath, args: ['-e', ''], env },
  {
    label: 'node dist/cli.js (npx eolwatch), prepared catalogue',
    command: process.execPath,
    args: ['dist/cli.js', ...question],
    env,
  },
  {
    label: '  the same, first run after the catalogue changed',
    command: process.execPath,
    args: ['dist/cli.js', ...question],
    env,
    before: () => rmSync(`${cache}.prepared.json`, { force: true }),
  },
  {
    label: '  the same, with a store (counts and a contract)',
    command: process.execPath,
    args: ['dist/cli.js', ...question],
    env: storeEnv,
  },
  { label: 'npm run --silent eol (tsx)', command: 'npm', args: ['run', '--silent', 'eol', '--', ...question], env },
  ...(BEFORE
    ? [
        {
          label: 'before: node dist/cli.js, prepared catalogue',
          command: process.execPath,
          args: [join(BEFORE, 'dist/cli.js'), ...question],
          env: beforeEnv,
        },
      ]
    : []),
];

const run = (entry: Case): number => {
  entry.before?.();
  const started = performance.now();
  execFileSync(entry.command, entry.args, { stdio: ['ignore', 'ignore', 'inherit'], env: entry.env });
  return performance.now() - started;
};
for (const entry of cases) run(entry); // warms the file cache and writes the prepared copies
const times = cases.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round += 1)
  for (let step = 0; step < cases.length; step += 1) {
    const index = (round + step) % cases.length;
    times[index]?.push(run(cases[index] as Case));
  }
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(
  `one question on the command line ("windows-8.1"), wall time, ${ROUNDS} interleaved rounds; median (min-max)`,
);
cases.forEach((entry, index) => {
  const samples = times[index] ?? [];
  console.log(
    `  ${entry.label.padEnd(58)} ${median(samples).toFixed(0)} ms (${Math.min(...samples).toFixed(0)}-${Math.max(...samples).toFixed(0)})`,
  );
});
const ratios = (times[1] ?? []).map((value, round) => value / (times[0]?.[round] ?? NaN));
console.log(
  `  dist/cli.js / bare Node start, per round: x${median(ratios).toFixed(2)} (x${Math.min(...ratios).toFixed(2)}-x${Math.max(...ratios).toFixed(2)})   (goal: < 200 ms, <= x2.5)`,
);
