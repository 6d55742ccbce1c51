// The command line's wall time for one question, as a script calls it: the compiled `node dist/cli.js`
// (what `npx eolwatch` runs) beside `npm run --silent eol` (through tsx), 20 runs each; baseline in the
// same script: `node -e ""`, what any Node process costs to start here.
import { execFileSync } from 'node:child_process';
import { ms, summarize } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function time(command: string, args: string[]): number[] {
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (run > 0) times.push(performance.now() - started); // the first warms the file cache
  }
  return times;
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const node = time(process.execPath, ['-e', '']);
const compiled = time(process.execPath, ['dist/cli.js', '--now', '2017-06-28', 'windows-8.1']);
const viaNpm = time('npm', ['run', '--silent', 'eol', '--', '--now', '2017-06-28', 'windows-8.1']);
const row = (label: string, samples: number[]) => {
  const { median, max } = summarize(samples);
  return `  ${label.padEnd(44)} median ${ms(median)}, worst ${ms(max)}`;
};
console.log(`one question on the command line ("windows-8.1"), wall time, ${RUNS} runs each`);
console.log(row('baseline: node -e "" (a bare Node start)', node));
console.log(row('node dist/cli.js (npx eolwatch)', compiled));
console.log(row('npm run --silent eol (tsx)', viaNpm));
console.log(`  dist/cli.js / bare Node start: x${(summarize(compiled).median / summarize(node).median).toFixed(1)}   (target: < 300 ms)`);
