// /eol through the real HTTP receiver under load, beside a bare Bolt app with one listener that only
// acks (the baseline the target is set against), and, to show where the gap lies, the same bare app
// acking with a fixed answer of the same size. Each runs as its own process; autocannon sends the
// same signed slash commands to each.
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { runText } from '../src/commands/run-command.js';
import { renderBlocks } from '../src/render/render-blocks.js';
import { SPEAKER, testCore } from '../test/helpers/test-core.js';
import { signedLoad } from './signed-load.js';
import { startUntilReady } from './start-process.js';
import { freePort } from '../test/helpers/free-port.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';

const SECRET = 'test-signing-secret'; // the one signed-request.ts signs with
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const QUERIES = [
  'windows 8.1',
  'xp',
  'ubuntu jammy',
  'server 2012 r2',
  'node 18',
  'windows 10 22h2, rhel 7',
  'debian buster',
];

async function load(port: number) {
  const result = await signedLoad(port, QUERIES, DURATION_S);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
type Figures = Awaited<ReturnType<typeof load>>;

async function start(entry: string, env: Record<string, string>, ready: string) {
  const port = await freePort();
  const { child } = await startUntilReady(entry, { ...env, PORT: String(port), SLACK_SIGNING_SECRET: SECRET }, ready);
  return { port, child };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const medianOf = (runs: Figures[]): Figures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  total: runs.reduce((sum, r) => sum + r.total, 0),
  non2xx: 0,
  errors: 0,
});

const fixedAnswer = {
  response_type: 'ephemeral',
  ...renderBlocks(await runText(QUERIES[0] ?? '', testCore().deps(), SPEAKER)),
};
const api = await new FakeSlackApi().start();
// The same /eol with its store in PostgreSQL (lookups read the team's contracts from it on each request).
const database = await createTestDatabase();
const storeDir = makeTempDir();
const servers = {
  bare: await start('bench/bare-bolt-app.ts', {}, 'bare bolt ready'),
  bareWithAnswer: await start('bench/bare-bolt-app.ts', { ACK_BODY: JSON.stringify(fixedAnswer) }, 'bare bolt ready'),
  eol: await start(
    'src/main.ts',
    { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: api.apiUrl, EOLWATCH_STORE: `${storeDir.path}/eolwatch.json` },
    'eolwatch ready',
  ),
  ...(database
    ? {
        eolPostgres: await start(
          'src/main.ts',
          { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: api.apiUrl, EOLWATCH_DATABASE_URL: database.url },
          'eolwatch ready',
        ),
      }
    : {}),
};
const names = Object.keys(servers) as (keyof typeof servers)[];
const runs: Record<string, Figures[]> = Object.fromEntries(names.map((name) => [name, []]));
try {
  for (const server of Object.values(servers)) await load(server.port); // warm-up: JIT, sockets
  // Alternate the two, so that a noisy moment on this shared machine does not land on one side only.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of names) runs[name]?.push(await load((servers[name] as { port: number }).port));
  }
} finally {
  for (const server of Object.values(servers)) server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await api.stop();
  await database?.drop();
  storeDir.remove();
}
const bare = medianOf(runs.bare ?? []);
const bareWithAnswer = medianOf(runs.bareWithAnswer ?? []);
const eol = medianOf(runs.eol ?? []);
const row = (name: string, r: Figures) =>
  `${name.padEnd(25)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   (${r.total} requests)`;
console.log(
  `/eol over HTTP: 10 connections, ${ROUNDS} alternating rounds of ${DURATION_S} s each after a warm-up, medians`,
);
console.log(row('bare Bolt (ack only)', bare));
console.log(row('bare Bolt (fixed answer)', bareWithAnswer));
console.log(row('eolwatch /eol', eol));
const eolPostgres = runs.eolPostgres?.length ? medianOf(runs.eolPostgres) : null;
if (eolPostgres) console.log(row('eolwatch /eol, PostgreSQL', eolPostgres));
console.log(
  `per round, eolwatch / bare: ${(runs.eol ?? []).map((r, i) => `${((r.rps / (runs.bare?.[i]?.rps ?? 1)) * 100).toFixed(0)}%`).join(', ')}`,
);
// Each round's two runs sit side by side in time, so the median of the per-round ratios is the
// steadiest figure on a shared machine.
const pairedRatio = median((runs.eol ?? []).map((r, i) => r.rps / (runs.bare?.[i]?.rps ?? 1)));
console.log(
  `throughput ratio eolwatch / bare Bolt (ack only): median of rounds ${(pairedRatio * 100).toFixed(1)}%, ratio of medians ${((eol.rps / bare.rps) * 100).toFixed(1)}%   (target >= 80%, p99 < 50 ms)`,
);
console.log(
  `throughput ratio eolwatch / bare Bolt acking a fixed answer of the same size: ${((eol.rps / bareWithAnswer.rps) * 100).toFixed(1)}%`,
);
if (eolPostgres)
  console.log(
    `throughput ratio eolwatch on PostgreSQL / on the JSON store: ${((eolPostgres.rps / eol.rps) * 100).toFixed(1)}%; PostgreSQL / bare Bolt: ${((eolPostgres.rps / bare.rps) * 100).toFixed(1)}%`,
  );
