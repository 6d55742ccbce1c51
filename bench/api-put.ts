// The HTTP API's PUT latency with 1,000 teams in the store: src/main.ts over HTTP as its own process,
// a store filled beforehand with 1,000 teams of 25 releases, then 1,000 PUTs (one per team, 25 release
// names each, read as /eol reads them) one at a time and 10 at a time. Baseline in the same process:
// GET /healthz, which does nothing but answer. Tokens rotate so the 60-a-minute limit never applies.
import { hashApiToken, newApiToken } from '../src/api-tokens/api-token-store.js';
import { LowdbStore } from '../src/store/json/lowdb-store.js';
import { testCore } from '../test/helpers/test-core.js';
import { startEolwatchOverHttp } from './start-process.js';
import { ms, summarize } from './stats.js';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 1000);
const RELEASES = 25;
const TOKENS = 50;

const catalog = testCore().catalog;
const releases = catalog.products
  .filter((product) => ['windows', 'windows-server', 'ubuntu', 'macos', 'rhel', 'debian'].includes(product.name))
  .flatMap((product) => product.releases.slice(0, 8));
const keys = releases.slice(0, RELEASES).map((release) => `${release.productName}/${release.name}`);
const names = releases.slice(0, RELEASES).map((release) => `${release.productName} ${release.name}`);
const tokens = Array.from({ length: TOKENS }, () => newApiToken());

async function fill(storePath: string): Promise<void> {
  const store = await LowdbStore.open(storePath);
  for (let team = 0; team < TEAMS; team += 1) {
    await store.setCounts(
      { workspace: 'T1', channel: `C${team}` },
      keys.map((release, index) => ({ release, count: 10 + ((team + index) % 50) })),
      { user: 'U1', at: '2026-11-01T00:00:00.000Z' },
    );
  }
  for (const [index, token] of tokens.entries()) {
    await store.addApiToken({
      workspace: 'T1',
      name: `bench-${index}`,
      hash: hashApiToken(token),
      createdBy: 'U1',
      createdAt: '2026-11-01T00:00:00.000Z',
      lastUsedAt: null,
    });
  }
  await store.close();
}

const filling = performance.now();
const server = await startEolwatchOverHttp(fill);
const base = `http://127.0.0.1:${server.port}`;
let sent = 0;

async function timed(request: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await request();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - started;
}

const put = (team: number) => () => {
  const token = tokens[sent++ % TOKENS] as string;
  const counts = Object.fromEntries(names.map((name, index) => [name, 20 + ((team * 7 + index) % 90)]));
  return fetch(`${base}/api/v1/channels/C${team}/inventory`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ counts, mode: 'replace' }),
  });
};
const health = () => fetch(`${base}/healthz`);

async function concurrently(
  count: number,
  parallel: number,
  make: (index: number) => () => Promise<Response>,
): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) times.push(await timed(make(next++)));
    }),
  );
  return times;
}

try {
  const ready = performance.now() - filling;
  for (let n = 0; n < 20; n += 1) await timed(health); // warm-up
  const healthTimes = await concurrently(TEAMS, 1, () => health);
  const putOne = await concurrently(TEAMS, 1, put);
  const putTen = await concurrently(TEAMS, 10, put);
  const row = (label: string, samples: number[]) => {
    const { median, p99, max } = summarize(samples);
    return `  ${label.padEnd(48)} median ${ms(median)}, p99 ${ms(p99)}, max ${ms(max)}`;
  };
  console.log(
    `HTTP API PUT /api/v1/channels/{channel}/inventory, ${TEAMS} teams of ${RELEASES} releases in the store (filled and started in ${(ready / 1000).toFixed(1)} s), src/main.ts over HTTP`,
  );
  console.log(row('baseline: GET /healthz, one at a time', healthTimes));
  console.log(row(`PUT ${RELEASES} names (replace), one at a time`, putOne));
  console.log(row(`PUT ${RELEASES} names (replace), 10 at a time`, putTen));
  console.log(
    `  PUT p99 / healthz p99: x${(summarize(putOne).p99 / summarize(healthTimes).p99).toFixed(1)}   (each PUT: token check, 25 names resolved, history append + fsync, exposure answer)`,
  );
} finally {
  await server.stop();
}
