// The cost of working out one `/eol` answer, in one process and without HTTP: the built code (dist/) of
// this checkout answering the same seeded distinct questions as eol-http-load.ts, text to Slack JSON,
// and with BENCH_BEFORE_DIR another checkout's built code beside it, in interleaved rounds. What the
// server does around an answer is left out, so a change to the answer shows here first.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { testCore } from '../test/helpers/test-core.js';
import { distinctQuestions } from './distinct-questions.js';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const WARM_UP_ROUNDS = 2;
const BEFORE = process.env.BENCH_BEFORE_DIR;

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const questions = distinctQuestions(testCore().catalog, QUESTIONS);
const temp = makeTempDir();
const SPEAKER = { workspace: 'T1', channel: 'C1', user: 'U1' };

type Answer = (question: string) => Promise<string>;

/** A checkout's built core, its answers as the slash command renders them. */
async function answererOf(dir: string, name: string): Promise<Answer> {
  const load = (path: string) => import(pathToFileURL(join(dir, 'dist', path)).href);
  const { loadInitialCatalog } = await load('catalog-sync/load-initial-catalog.js');
  const { wireCore } = await load('wire-core.js');
  const { runText } = await load('commands/run-command.js');
  const { renderBlocks } = await load('render/render-blocks.js');
  const files = {
    catalogPath: join(dir, 'data/products-full.json'),
    supplementsPath: join(dir, 'data/supplements.json'),
  };
  const cachePath = join(temp.path, `${name}-catalog.json`);
  const initial = loadInitialCatalog({ ...files, cachePath }, new Date().toISOString().slice(0, 10));
  const core = wireCore(
    {
      ...files,
      timezone: 'UTC',
      storePath: join(temp.path, `${name}-store.json`),
      admins: [],
      catalogUrl: 'http://127.0.0.1:9/never-fetched',
      catalogCachePath: cachePath,
    },
    initial,
  );
  const deps = core.deps();
  return async (question) => JSON.stringify(renderBlocks(await runText(question, deps, SPEAKER)));
}

const answerers: Record<string, Answer> = { now: await answererOf(resolve('.'), 'now') };
if (BEFORE) answerers.before = await answererOf(resolve(BEFORE), 'before');
const names = Object.keys(answerers);
const micros: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
try {
  for (let round = 0; round < ROUNDS; round += 1)
    for (let step = 0; step < names.length; step += 1) {
      const name = names[(round + step) % names.length] as string;
      const answer = answerers[name] as Answer;
      const started = performance.now();
      for (const question of questions) await answer(question);
      if (round >= WARM_UP_ROUNDS) micros[name]?.push(((performance.now() - started) * 1000) / questions.length);
    }
} finally {
  temp.remove();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(
  `one /eol answer worked out in one process: ${questions.length} distinct questions, ${ROUNDS - WARM_UP_ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} of warm-up; medians (min-max)`,
);
for (const name of names) {
  const values = micros[name] ?? [];
  console.log(
    `  ${name.padEnd(7)} ${median(values).toFixed(1)} µs a question (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`,
  );
}
if (BEFORE) {
  const ratios = (micros.now ?? []).map((value, index) => value / (micros.before?.[index] ?? Number.NaN));
  console.log(
    `  now / before: x${median(ratios).toFixed(3)} (x${Math.min(...ratios).toFixed(3)}-x${Math.max(...ratios).toFixed(3)}), per round`,
  );
}
