// Filling a store through `/eol inventory set`, as teams starting with eolwatch do: 1,000 channels,
// each setting releases it has not counted before, one signed request per release, 10 in flight,
// over HTTP to the built bot (dist/main.js, its own process). Every update starts an automatic watch,
// so this measures the write path as it grows: five passes of 1,000 updates (5 new releases a channel),
// then on to 25 releases a channel (25,000 updates), figures per pass. The same against the PostgreSQL
// store, side by side: the servers take each pass in turn, in rotated order. With BENCH_BEFORE_DIR set
// to another checkout's folder (built), its dist/main.js runs beside them on both stores.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { signedHeaders, slashCommandBody } from '../test/helpers/signed-request.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { startEolwatchOverHttp } from './start-process.js';
import { postgresCpuMs, processCpuMs } from './process-cpu.js';
import { percentile } from './stats.js';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 1000);
const RELEASES_PER_CHANNEL = Number(process.env.BENCH_RELEASES ?? 25);
const IN_FLIGHT = 10;
// Real releases, as people type them; each channel counts them in this order.
const RELEASES = [
  'windows xp',
  'windows 7',
  'windows 8.1',
  'windows 10 22h2',
  'windows 11 23h2 w',
  'ubuntu 18.04',
  'ubuntu 20.04',
  'ubuntu 22.04',
  'debian 10',
  'debian 11',
  'rhel 7',
  'rhel 8',
  'windows server 2012',
  'windows server 2016',
  'windows server 2019',
  'macos 12',
  'macos 13',
  'macos 14',
  'sles 12.5',
  'sles 15.6',
  'centos 7',
  'android 12',
  'ios 16',
  'alpine 3.18',
  'amazon-linux 2',
];

function post(port: number, text: string, channel: string): Promise<{ status: number; body: string }> {
  const body = slashCommandBody(text, `http://127.0.0.1:${port}/unused`, { channel_id: channel, user_id: 'UFILL' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...signedHeaders(body),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Pass {
  perSecond: number;
  p50: number;
  p99: number;
  /** The bot's CPU time an update, and (on PostgreSQL) the database server's. */
  botMicros: number;
  databaseMicros: number;
}

/** One pass: every channel sets its `release`-th release; 10 requests in flight. */
async function pass(
  server: { port: number; child: ChildProcess },
  release: number,
  onPostgres: boolean,
): Promise<Pass> {
  const { port } = server;
  const latencies: number[] = [];
  let next = 0;
  const [botBefore, databaseBefore] = [processCpuMs(server.child.pid), onPostgres ? postgresCpuMs() : 0];
  const started = performance.now();
  const worker = async () => {
    for (let channel = next++; channel < CHANNELS; channel = next++) {
      const text = `inventory set ${RELEASES[release]} ${100 + channel}`;
      const sent = performance.now();
      const answer = await post(port, text, `CFILL${channel}`);
      latencies.push(performance.now() - sent);
      if (answer.status !== 200 || !answer.body.includes('Saved'))
        throw new Error(`"${text}" in CFILL${channel}: ${answer.status} ${answer.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  const botMicros = ((processCpuMs(server.child.pid) - botBefore) * 1000) / CHANNELS;
  const databaseMicros = onPostgres ? ((postgresCpuMs() - databaseBefore) * 1000) / CHANNELS : 0;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: CHANNELS / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    botMicros,
    databaseMicros,
  };
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const BEFORE = process.env.BENCH_BEFORE_DIR;
const temp = makeTempDir();
const database = await createTestDatabase();
const databaseBefore = BEFORE ? await createTestDatabase() : null;
const servers: Record<string, Awaited<ReturnType<typeof startEolwatchOverHttp>>> = {
  'JSON store': await startEolwatchOverHttp(undefined, 'dist/main.js', {
    EOLWATCH_STORE: join(temp.path, 'fill.json'),
  }),
  ...(database
    ? {
        PostgreSQL: await startEolwatchOverHttp(undefined, 'dist/main.js', { EOLWATCH_DATABASE_URL: database.url }),
      }
    : {}),
  ...(BEFORE
    ? {
        'JSON store, before': await startEolwatchOverHttp(undefined, join(BEFORE, 'dist/main.js'), {
          EOLWATCH_STORE: join(temp.path, 'fill-before.json'),
        }),
      }
    : {}),
  ...(BEFORE && databaseBefore
    ? {
        'PostgreSQL, before': await startEolwatchOverHttp(undefined, join(BEFORE, 'dist/main.js'), {
          EOLWATCH_DATABASE_URL: databaseBefore.url,
        }),
      }
    : {}),
};
const names = Object.keys(servers);
const figures: Record<string, Pass[]> = Object.fromEntries(names.map((n) => [n, []]));
try {
  for (let release = 0; release < RELEASES_PER_CHANNEL; release += 1)
    for (let step = 0; step < names.length; step += 1) {
      const name = names[(release + step) % names.length] as string;
      figures[name]?.push(await pass(servers[name]!, release, name.startsWith('PostgreSQL')));
    }
} finally {
  for (const server of Object.values(servers)) await server.stop();
  await database?.drop();
  await databaseBefore?.drop();
  temp.remove();
}

console.log(
  `filling the store over HTTP: ${CHANNELS} channels x ${RELEASES_PER_CHANNEL} new releases through /eol inventory set (each starts a watch), ${IN_FLIGHT} in flight; each pass is one new release in every channel`,
);
const at = (name: string, from: number, to: number) => {
  const slice = (figures[name] ?? []).slice(from, to);
  const rates = slice.map((f) => f.perSecond).sort((a, b) => a - b);
  const p99s = slice.map((f) => f.p99).sort((a, b) => a - b);
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const database = name.startsWith('PostgreSQL')
    ? ` + database ${middle(slice.map((f) => f.databaseMicros)).toFixed(0)}`
    : '';
  return `${rates[Math.floor(rates.length / 2)]?.toFixed(0)}/s (${rates[0]?.toFixed(0)}-${rates.at(-1)?.toFixed(0)}), p99 ${p99s[Math.floor(p99s.length / 2)]?.toFixed(0)} ms (${p99s[0]?.toFixed(0)}-${p99s.at(-1)?.toFixed(0)}), CPU an update: bot ${middle(slice.map((f) => f.botMicros)).toFixed(0)}${database} µs`;
};
for (const name of names) {
  console.log(`  ${name}`);
  console.log(
    `    first 5 releases a channel (${CHANNELS * 5} updates):   ${at(name, 0, 5)}   (goal >= 200/s, p99 < 100 ms)`,
  );
  if (RELEASES_PER_CHANNEL > 5)
    console.log(
      `    releases ${RELEASES_PER_CHANNEL - 4}-${RELEASES_PER_CHANNEL} a channel (up to ${CHANNELS * RELEASES_PER_CHANNEL}): ${at(name, RELEASES_PER_CHANNEL - 5, RELEASES_PER_CHANNEL)}`,
    );
}
const ratio = (over: string, under: string) => {
  const ratios = (figures[over] ?? []).map((f, i) => f.perSecond / (figures[under]?.[i]?.perSecond ?? NaN));
  ratios.sort((a, b) => a - b);
  return `x${ratios[Math.floor(ratios.length / 2)]?.toFixed(2)} (x${ratios[0]?.toFixed(2)}-x${ratios.at(-1)?.toFixed(2)})`;
};
if (database) console.log(`  PostgreSQL / JSON store, per pass: ${ratio('PostgreSQL', 'JSON store')}   (goal >= x1.0)`);
if (BEFORE && databaseBefore)
  console.log(`  before: PostgreSQL / JSON store, per pass: ${ratio('PostgreSQL, before', 'JSON store, before')}`);
