// A full catalogue refresh (2.7 MB) from a loopback server: download (gzip), parse, validate, index,
// diff and swap, timed; then /eol latency through the real HTTP receiver with and without refreshes
// running back to back in the same process. The load comes from autocannon in its own process, so
// that only eolwatch's event loop is measured.
import type { App } from '@slack/bolt';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pino } from 'pino';
import { createSlackApp } from '../src/slack/create-slack-app.js';
import { openCore } from '../src/wire-core.js';
import { CatalogServer, editedCatalog } from '../test/helpers/catalog-server.js';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { SIGNING_SECRET } from '../test/helpers/signed-request.js';
import { ms, summarize } from './stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const base = readFileSync('data/products-full.json', 'utf8');
const variants = [0, 1].map((n) => editedCatalog(base, () => undefined, `2026-11-2${n}T10:00:00+00:00`));
const dir = mkdtempSync(join(tmpdir(), 'eolwatch-bench-refresh-'));
const server = await new CatalogServer().start();
const api = await new FakeSlackApi().start();
const core = await openCore({
  catalogPath: 'data/products-full.json',
  supplementsPath: 'data/supplements.json',
  timezone: 'UTC',
  storePath: join(dir, 'eolwatch.json'),
  admins: [],
  catalogUrl: server.url,
  catalogCachePath: join(dir, 'catalog-cache.json'),
});
let turn = 0;
async function refreshOnce(): Promise<number> {
  server.body = variants[(turn += 1) % 2] ?? '';
  const started = performance.now();
  const outcome = await core.refresher.refresh();
  if (outcome.kind !== 'updated') throw new Error(`refresh ${outcome.kind}`);
  return performance.now() - started;
}

await refreshOnce(); // warm-up
const times = [];
for (let i = 0; i < 10; i += 1) times.push(await refreshOnce());
const refresh = summarize(times);
console.log(
  `full catalogue refresh from loopback (2.7 MB, gzip; download, parse, validate, index, diff, cache write, swap), 10 runs: median ${ms(refresh.median)}, worst ${ms(refresh.max)}   (target < 500 ms)`,
);

/** Resident memory at its highest while `work` runs, sampled every 5 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const result = await work();
  clearInterval(sampler);
  return { result, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
}
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
const beforeNormal = rssMb();
const normal = await peakRss(() => refreshOnce());
// 200 MB that gzips to about 200 KB: a gzip bomb. The test server prepares it before the measure.
server.body = `${' '.repeat(200 * 1024 * 1024)}${base}`;
server.gzipped();
const beforeBomb = rssMb();
const bomb = await peakRss(() => core.refresher.refresh());
if (bomb.result.kind !== 'failed') throw new Error('the 200 MB answer was accepted');
console.log(
  `resident memory during a refresh: the 2.7 MB catalogue ${beforeNormal.toFixed(0)} -> peak ${normal.peakMb.toFixed(0)} MB (+${(normal.peakMb - beforeNormal).toFixed(0)}); a 200 MB gzip bomb refused at the 50 MB cap ("${bomb.result.reason}") ${beforeBomb.toFixed(0)} -> peak ${bomb.peakMb.toFixed(0)} MB (+${(bomb.peakMb - beforeBomb).toFixed(0)})   (before the caps: 2.7 GB for a 200 MB answer)`,
);

const app: App = createSlackApp(
  { mode: 'http', botToken: 'xoxb-bench', signingSecret: SIGNING_SECRET, apiUrl: api.apiUrl },
  { commands: core.deps(), logger: pino({ level: 'silent' }) },
  0,
);
await app.init();
const port = ((await app.start(0)) as Server).address() as AddressInfo;
function load(): Promise<{ p50: number; p99: number; rps: number }> {
  // In its own process, so the load does not share this process's event loop with the refreshes.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/signed-load.ts', String(port.port), String(SECONDS), '10', 'windows 8.1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) =>
    child.on('exit', () => {
      const result = JSON.parse(out);
      if (result.non2xx > 0 || result.errors > 0)
        reject(new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`));
      else resolve(result);
    }),
  );
}

const quiet = await load();
let refreshing = true;
let refreshes = 0;
const during = load();
const loop = (async () => {
  while (refreshing) {
    await refreshOnce();
    refreshes += 1;
  }
})();
const busy = await during;
refreshing = false;
await loop;
console.log(`/eol over HTTP, 10 connections, ${SECONDS} s each:`);
console.log(`  without refreshes:            p50 ${quiet.p50} ms, p99 ${quiet.p99} ms, ${quiet.rps.toFixed(0)} req/s`);
console.log(
  `  with ${String(refreshes).padStart(2)} refreshes back to back: p50 ${busy.p50} ms, p99 ${busy.p99} ms, ${busy.rps.toFixed(0)} req/s`,
);
await app.stop();
await core.close();
await server.stop();
await api.stop();
rmSync(dir, { recursive: true, force: true });
