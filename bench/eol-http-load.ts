// /eol through the real HTTP receiver under load, on questions the answer cache cannot serve: 3,000
// distinct questions (bench/distinct-questions.ts) cycled through a 1,000-answer cache. The built bot
// (dist/main.js, as `npm start` runs it) beside two baselines, each its own process: a bare Bolt app
// acking nothing, and a bare Bolt app acking the very answer eolwatch gives to each question (looked up
// by its text), so the ratio to it is the cost of working the answers out. A second eolwatch is asked
// only as many of the questions as its cache holds, so after the warm-up it works nothing out: the most
// any answerer could reach, what the request costs around the answer. With BENCH_BEFORE_DIR set to
// another checkout's folder (built), its dist/main.js runs beside them too, on both sets of questions.
// Rounds are interleaved and their order rotates; figures are medians over the rounds with min-max.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { runText } from '../src/commands/run-command.js';
import { renderBlocks } from '../src/render/render-blocks.js';
import { isForChannel } from '../src/commands/command-types.js';
import { ANSWER_CACHE_SIZE } from '../src/slack/create-slash-answerer.js';
import { SPEAKER, testCore } from '../test/helpers/test-core.js';
import { freePort } from '../test/helpers/free-port.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { distinctQuestions } from './distinct-questions.js';
import { processCpuMs } from './process-cpu.js';
import { signedLoad } from './signed-load.js';
import { startUntilReady } from './start-process.js';

const SECRET = 'test-signing-secret'; // the one signed-request.ts signs with
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 3000);
const BEFORE = process.env.BENCH_BEFORE_DIR;

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const core = testCore();
const questions = distinctQuestions(core.catalog, QUESTIONS);
const CACHED = 'eolwatch /eol, every answer in its cache';
const CACHED_BEFORE = 'before, every answer in its cache';
const cachedQuestions = questions.slice(0, ANSWER_CACHE_SIZE);
// Each question's answer as eolwatch acks it (the same day, catalogue and empty store): the baseline's.
const answers: Record<string, object> = {};
for (const question of questions) {
  const result = await runText(question, core.deps(), SPEAKER);
  answers[question] = { response_type: isForChannel(result) ? 'in_channel' : 'ephemeral', ...renderBlocks(result) };
}
const temp = makeTempDir();
const answersFile = join(temp.path, 'answers.json');
writeFileSync(answersFile, JSON.stringify(answers));

type Figures = Awaited<ReturnType<typeof signedLoad>> & { cpuMicros: number };
type Server = { port: number; child: import('node:child_process').ChildProcess };

async function load({ port, child }: Server, texts: readonly string[]): Promise<Figures> {
  const before = processCpuMs(child.pid);
  const result = await signedLoad(port, texts, DURATION_S);
  const cpuMicros = ((processCpuMs(child.pid) - before) * 1000) / result.total;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { ...result, cpuMicros };
}

async function start(entry: string, env: Record<string, string>, ready: string, cwd?: string) {
  const port = await freePort();
  const { child } = await startUntilReady(
    entry,
    { ...env, PORT: String(port), SLACK_SIGNING_SECRET: SECRET },
    ready,
    cwd,
  );
  return { port, child };
}

const api = await new FakeSlackApi().start();
const database = await createTestDatabase();
const bot = (name: string) => ({
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_API_URL: api.apiUrl,
  EOLWATCH_STORE: join(temp.path, `${name}.json`),
});
const servers: Record<string, Server> = {
  'bare Bolt, acking nothing': await start('bench/bare-bolt-app.ts', {}, 'bare bolt ready'),
  'bare Bolt, the same answers': await start(
    'bench/bare-bolt-app.ts',
    { ANSWERS_FILE: answersFile },
    'bare bolt ready',
  ),
  'eolwatch /eol': await start('dist/main.js', bot('json'), 'eolwatch ready'),
  [CACHED]: await start('dist/main.js', bot('cached'), 'eolwatch ready'),
  ...(BEFORE
    ? {
        'eolwatch /eol, before': await start(join(BEFORE, 'dist/main.js'), bot('before'), 'eolwatch ready', BEFORE),
        [CACHED_BEFORE]: await start(join(BEFORE, 'dist/main.js'), bot('cached-before'), 'eolwatch ready', BEFORE),
      }
    : {}),
  ...(database
    ? {
        'eolwatch /eol, PostgreSQL': await start(
          'dist/main.js',
          { ...bot('pg'), EOLWATCH_DATABASE_URL: database.url },
          'eolwatch ready',
        ),
      }
    : {}),
};
const names = Object.keys(servers);
const runs: Record<string, Figures[]> = Object.fromEntries(names.map((name) => [name, []]));
try {
  const textsOf = (name: string) => (name === CACHED || name === CACHED_BEFORE ? cachedQuestions : questions);
  for (const name of names) await load(servers[name]!, textsOf(name)); // warm-up: JIT, sockets, each question once
  for (let round = 0; round < ROUNDS; round += 1)
    for (let step = 0; step < names.length; step += 1) {
      const name = names[(round + step) % names.length] as string;
      runs[name]?.push(await load(servers[name]!, textsOf(name)));
    }
} finally {
  for (const server of Object.values(servers)) server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await api.stop();
  await database?.drop();
  temp.remove();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const spread = (values: number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)})`;
console.log(
  `/eol over HTTP: ${questions.length} distinct questions (1,000-answer cache), 10 connections, ${ROUNDS} rounds of ${DURATION_S} s in rotated order after a warm-up; medians over rounds (min-max)`,
);
for (const name of names) {
  const figures = runs[name] ?? [];
  console.log(
    `  ${name.padEnd(30)} ${spread(figures.map((f) => f.rps)).padStart(20)} req/s   p50 ${spread(figures.map((f) => f.p50))} ms   p99 ${spread(figures.map((f) => f.p99))} ms   server CPU ${spread(figures.map((f) => f.cpuMicros))} µs a request`,
  );
}
const ratio = (over: string, under: string) => {
  const paired = (runs[over] ?? []).map((figures, index) => figures.rps / (runs[under]?.[index]?.rps ?? Number.NaN));
  return `${(median(paired) * 100).toFixed(1)}% (${(Math.min(...paired) * 100).toFixed(1)}-${(Math.max(...paired) * 100).toFixed(1)}%)`;
};
console.log(
  `  eolwatch / bare Bolt with the same answers: ${ratio('eolwatch /eol', 'bare Bolt, the same answers')}   (goal >= 80%, p99 < 10 ms)`,
);
console.log(`  eolwatch / bare Bolt acking nothing:        ${ratio('eolwatch /eol', 'bare Bolt, acking nothing')}`);
console.log(
  `  eolwatch, every answer in its cache / bare Bolt with the same answers: ${ratio(CACHED, 'bare Bolt, the same answers')}   (the most any answerer reaches: no answer worked out)`,
);
const cpuRatio = (over: string, under: string) => {
  const paired = (runs[over] ?? []).map(
    (figures, index) => figures.cpuMicros / (runs[under]?.[index]?.cpuMicros ?? Number.NaN),
  );
  return `x${median(paired).toFixed(2)} (x${Math.min(...paired).toFixed(2)}-x${Math.max(...paired).toFixed(2)})`;
};
console.log(
  `  server CPU a request, eolwatch / bare Bolt with the same answers: ${cpuRatio('eolwatch /eol', 'bare Bolt, the same answers')}   (80% of its rate is x1.25)`,
);
console.log(
  `  server CPU a request, eolwatch with every answer in its cache / bare Bolt with the same answers: ${cpuRatio(CACHED, 'bare Bolt, the same answers')}`,
);
if (BEFORE)
  console.log(
    `  server CPU a request, before / bare Bolt with the same answers:   ${cpuRatio('eolwatch /eol, before', 'bare Bolt, the same answers')}`,
  );
if (BEFORE)
  console.log(
    `  before / bare Bolt with the same answers:   ${ratio('eolwatch /eol, before', 'bare Bolt, the same answers')}`,
  );
if (BEFORE)
  console.log(
    `  before, every answer in its cache / bare Bolt with the same answers: ${ratio(CACHED_BEFORE, 'bare Bolt, the same answers')}; server CPU ${cpuRatio(CACHED_BEFORE, 'bare Bolt, the same answers')}`,
  );
if (database)
  console.log(`  PostgreSQL / JSON store:                    ${ratio('eolwatch /eol, PostgreSQL', 'eolwatch /eol')}`);
