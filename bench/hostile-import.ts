// Does a hostile import hold everyone else up? The built bot (dist/main.js, as `npm start` runs it) over
// HTTP as its own process; an API token PUTs a 100,000-row device export of one of two kinds: OS names
// that are each a different near miss ("Windoows Servr 123x", the resolver's most expensive input, and
// refused after 500 of them), or each a different build of a real release ("Windows 10 Enterprise,
// 10.0.19045.123", all accepted, each resolved once). While the import is in flight, GET /healthz and
// a signed /eol question (a different one each time) are timed one after the other; the same probes on
// the quiet server are the baseline. Rounds run the three in rotated order; figures are medians over
// the rounds with their min-max.
import { execFileSync } from 'node:child_process';
import { hashApiToken, newApiToken } from '../src/api-tokens/api-token-store.js';
import { LowdbStore } from '../src/store/json/lowdb-store.js';
import { signedHeaders, slashCommandBody } from '../test/helpers/signed-request.js';
import { startEolwatchOverHttp } from './start-process.js';
import { percentile } from './stats.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const QUIET_PROBE_MS = 3_000;
const QUESTIONS = ['windows 8.1', 'xp', 'ubuntu 22.04', 'server 2012 r2', 'rhel 7', 'macos 12', 'debian 10'];

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const token = newApiToken();
const server = await startEolwatchOverHttp(async (storePath) => {
  const store = await LowdbStore.open(storePath);
  const at = '2026-11-01T00:00:00.000Z';
  await store.addApiToken({
    workspace: 'T1',
    name: 'bench',
    hash: hashApiToken(token),
    createdBy: 'U1',
    createdAt: at,
    lastUsedAt: null,
  });
  await store.close();
}, 'dist/main.js');
const base = `http://127.0.0.1:${server.port}`;

const exportOf = (row: (n: number) => string) =>
  ['Device name,OS,OS version', ...Array.from({ length: ROWS }, (_, n) => row(n))].join('\n');
const FILES = {
  'near-miss names': exportOf((n) => `PC-${n},Windoows Servr ${n}x,${n}`),
  'distinct builds': exportOf((n) => `PC-${n},Windows 10 Enterprise,10.0.19045.${n}`),
};
type Kind = keyof typeof FILES;

let asked = 0;
async function probeOnce(): Promise<{ healthz: number; eol: number }> {
  let started = performance.now();
  const health = await fetch(`${base}/healthz`);
  await health.arrayBuffer();
  const healthz = performance.now() - started;
  // A different question each time (a unit count keeps the answer cache from serving it).
  const text = `${QUESTIONS[asked % QUESTIONS.length]} on 2026-${String((asked % 12) + 1).padStart(2, '0')}-${String((Math.floor(asked / 12) % 28) + 1).padStart(2, '0')}`;
  asked += 1;
  const body = slashCommandBody(text, `${base}/unused`);
  started = performance.now();
  const answer = await fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
    body,
  });
  await answer.arrayBuffer();
  if (!health.ok || !answer.ok) throw new Error(`probe failed: ${health.status} ${answer.status}`);
  return { healthz, eol: performance.now() - started };
}

async function probeWhile(busy: () => boolean): Promise<{ healthz: number[]; eol: number[] }> {
  const samples = { healthz: [] as number[], eol: [] as number[] };
  do {
    const { healthz, eol } = await probeOnce();
    samples.healthz.push(healthz);
    samples.eol.push(eol);
  } while (busy());
  return samples;
}

interface Round {
  healthz: number[];
  eol: number[];
  importMs: number;
  answer: string;
}

async function quiet(): Promise<Round> {
  const until = performance.now() + QUIET_PROBE_MS;
  return { ...(await probeWhile(() => performance.now() < until)), importMs: 0, answer: '' };
}

async function duringImport(kind: Kind): Promise<Round> {
  let done = false;
  const started = performance.now();
  const put = fetch(`${base}/api/v1/channels/CHOSTILE/inventory`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: FILES[kind],
  }).then(async (response) => {
    const text = await response.text();
    done = true;
    return { status: response.status, text, ms: performance.now() - started };
  });
  const samples = await probeWhile(() => !done);
  const answer = await put;
  return { ...samples, importMs: answer.ms, answer: `${answer.status} ${answer.text.slice(0, 90)}` };
}

const p99 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    99,
  );
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const spread = (values: number[]) =>
  `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`;

const CASES = ['quiet', ...(Object.keys(FILES) as Kind[])] as const;
const figures = new Map<string, Round[]>(CASES.map((name) => [name, []]));
const run = (name: (typeof CASES)[number]) => (name === 'quiet' ? quiet() : duringImport(name));
try {
  for (const name of CASES) await run(name); // warm-up: the answer path and the first worker
  for (let round = 0; round < ROUNDS; round += 1)
    for (let step = 0; step < CASES.length; step += 1) {
      const name = CASES[(round + step) % CASES.length] as (typeof CASES)[number];
      figures.get(name)?.push(await run(name));
    }
} finally {
  await server.stop();
}

console.log(
  `hostile imports: ${ROWS.toLocaleString('en-US')} rows PUT as text/csv to dist/main.js, ${ROUNDS} rounds (cases in rotated order)`,
);
const quietRounds = figures.get('quiet') ?? [];
for (const kind of Object.keys(FILES) as Kind[]) {
  const rounds = figures.get(kind) ?? [];
  console.log(
    `  ${kind}: the import took ${spread(rounds.map((round) => round.importMs))}; answered ${rounds[0]?.answer}`,
  );
}
for (const probe of ['healthz', 'eol'] as const) {
  console.log(`  ${probe === 'healthz' ? 'GET /healthz' : '/eol (signed, a different question each time)'}`);
  const quietP99 = quietRounds.map((round) => p99(round[probe]));
  for (const name of CASES) {
    const rounds = figures.get(name) ?? [];
    const p99s = rounds.map((round) => p99(round[probe]));
    const medians = rounds.map((round) => median(round[probe]));
    const probes = rounds.reduce((n, round) => n + round[probe].length, 0);
    const ratio = name === 'quiet' ? '' : `, p99 ×${(median(p99s) / median(quietP99)).toFixed(2)} quiet's`;
    console.log(`    ${name.padEnd(16)} median ${spread(medians)}, p99 ${spread(p99s)} (${probes} probes${ratio})`);
  }
}
