// A connector's sync of 100,000 Intune devices in the built bot (dist/main.js over HTTP, its own process)
// against local fakes of Entra ID and Graph (1,000 devices a page, as Graph pages managedDevices): the
// sync asked with `/eol connector sync`, timed from the request to its answer; meanwhile GET /healthz
// probed one request after another. Baseline: the same probes on the quiet bot. Rounds alternate.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { FakeDeviceManagers } from '../test/helpers/fake-device-managers.js';
import { signedHeaders, slashCommandBody } from '../test/helpers/signed-request.js';
import { startEolwatchOverHttp } from './start-process.js';
import { percentile } from './stats.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const QUIET_MS = 3000;

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const fake = await new FakeDeviceManagers().start();
fake.pageSize = 1000;
const versions = ['10.0.19045.4291', '10.0.22631.3447', '10.0.19044.4170', '6.3.9600.20778', '10.0.26100.1742'];
fake.intune = Array.from({ length: DEVICES }, (_, n) => ({
  deviceName: `MET-${n}`,
  operatingSystem: n % 10 === 0 ? 'macOS' : 'Windows',
  osVersion: n % 10 === 0 ? '14.4.1 (23E224)' : (versions[n % versions.length] as string),
}));
const env = {
  EOLWATCH_SECRET_KEY: randomBytes(32).toString('base64'),
  EOLWATCH_GRAPH_URL: fake.base,
  EOLWATCH_ENTRA_LOGIN_URL: fake.base,
  EOLWATCH_ADMINS: 'UBENCH',
  MET_SECRET: 'the-secret',
};
const bot = await startEolwatchOverHttp(
  async (storePath) => {
    const added = spawnSync(
      process.execPath,
      [
        'dist/cli.js',
        '--workspace',
        'T1',
        'connector',
        'add',
        'intune',
        '--name',
        'met',
        '--channel',
        'CMET',
        '--tenant',
        'contoso',
        '--client-id',
        'app-id',
        '--client-secret-env',
        'MET_SECRET',
      ],
      { env: { ...process.env, ...env, EOLWATCH_STORE: storePath }, encoding: 'utf8' },
    );
    if (added.status !== 0) throw new Error(`connector add failed: ${added.stderr}`);
  },
  'dist/main.js',
  env,
);
const base = `http://127.0.0.1:${bot.port}`;

async function probe(busy: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  do {
    const started = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    samples.push(performance.now() - started);
  } while (busy());
  return samples;
}

async function quiet(): Promise<number[]> {
  const until = performance.now() + QUIET_MS;
  return probe(() => performance.now() < until);
}

async function duringSync(): Promise<{ ms: number; healthz: number[]; answer: string }> {
  const before = bot.api.callsTo('response').length;
  const body = slashCommandBody('connector sync met', bot.responseUrl, { user_id: 'UBENCH', channel_id: 'CMET' });
  const started = performance.now();
  await (
    await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
      body,
    })
  ).arrayBuffer();
  let done = false;
  const answered = bot.api.waitFor('response', before + 1).then(() => {
    done = true;
    return performance.now() - started;
  });
  const healthz = await probe(() => !done);
  const ms = await answered;
  return { ms, healthz, answer: String(bot.api.callsTo('response').at(-1)?.body.text ?? '').split('\n')[0] ?? '' };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const spread = (values: number[]) =>
  `median ${percentile(sorted(values), 50).toFixed(1)} ms (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`;

const quietRounds: number[][] = [];
const syncRounds: Awaited<ReturnType<typeof duringSync>>[] = [];
try {
  await quiet();
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      quietRounds.push(await quiet());
      syncRounds.push(await duringSync());
    } else {
      syncRounds.push(await duringSync());
      quietRounds.push(await quiet());
    }
  }
} finally {
  await bot.stop();
  await fake.stop();
}
const p99 = (values: number[]) => percentile(sorted(values), 99);
console.log(
  `connector sync: ${DEVICES.toLocaleString('en-US')} Intune devices from a local Graph fake (1,000 a page) in dist/main.js, ${ROUNDS} rounds`,
);
console.log(`  answered: ${syncRounds[0]?.answer}`);
console.log(`  the sync took ${spread(syncRounds.map((round) => round.ms))}   (target < 30 s)`);
console.log(
  `  GET /healthz quiet:      p99 ${spread(quietRounds.map(p99))}, max ${Math.max(...quietRounds.flat()).toFixed(1)} ms (${quietRounds.flat().length} probes)`,
);
console.log(
  `  GET /healthz during it:  p99 ${spread(syncRounds.map((round) => p99(round.healthz)))}, max ${Math.max(...syncRounds.flatMap((round) => round.healthz)).toFixed(1)} ms (${syncRounds.flatMap((round) => round.healthz).length} probes)`,
);
