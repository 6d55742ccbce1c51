// Inventory update latency as the store grows: 10, 100 and 1,000 teams, each with 25 releases and
// 100 history entries per release (at 1,000 teams: 2.5 million history entries). Beside it, the
// naive layout, history kept inside the one lowdb file, which is what the design moved away from.
import { Low } from 'lowdb';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryEntry, InventoryStore } from '../src/inventory/inventory-store.js';
import { DurableJsonFile } from '../src/store/durable-json-file.js';
import { LowdbStore } from '../src/store/json/lowdb-store.js';
import { emptyStore, type StoreData } from '../src/store/store-schema.js';
import { ms, summarize } from './stats.js';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { createTestDatabase } from '../test/helpers/postgres.js';

const RELEASES = 25;
const ENTRIES_PER_RELEASE = 100;
const UPDATES = Number(process.env.BENCH_UPDATES ?? 300);
const CHECKPOINT_MS = 100;
const BURST = 500;
const releaseKey = (r: number) => `product-${r}/release-${r}`;
const at = '2026-01-01T00:00:00.000Z';

/** Writes the on-disk layout directly: going through setCounts 2.5 million times would take hours. */
function fill(dir: string, teams: number): string {
  const path = join(dir, 'eolwatch.json');
  const data: StoreData = { ...emptyStore(), workspaces: { T1: { teams: {}, channels: {}, admins: [] } } };
  mkdirSync(join(dir, 'eolwatch.history', 'T1'), { recursive: true });
  for (let t = 0; t < teams; t += 1) {
    const channel = `C${t}`;
    const lines: string[] = [];
    const counts: Record<string, number> = {};
    for (let n = 1; n <= ENTRIES_PER_RELEASE; n += 1) {
      for (let r = 0; r < RELEASES; r += 1) {
        const entry: HistoryEntry = { release: releaseKey(r), from: n - 1, to: n, user: 'UFILL', at, action: 'set' };
        lines.push(JSON.stringify(entry));
        counts[releaseKey(r)] = n;
      }
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(dir, 'eolwatch.history', 'T1', `${channel}.jsonl`), text);
    (data.workspaces.T1 as { teams: Record<string, unknown> }).teams[channel] = {
      name: `Team ${t}`,
      counts,
      historyBytes: Buffer.byteLength(text),
    };
  }
  writeFileSync(path, JSON.stringify(data));
  return path;
}

function historyBytes(dir: string): number {
  const historyDir = join(dir, 'eolwatch.history', 'T1');
  return readdirSync(historyDir).reduce((sum, file) => sum + statSync(join(historyDir, file)).size, 0);
}

/** UPDATES updates one at a time over the teams, then a burst of BURST at once; closes the store. */
async function measureUpdates(store: InventoryStore, teams: number) {
  const latencies: number[] = [];
  for (let i = 0; i < UPDATES; i += 1) {
    const team = { workspace: 'T1', channel: `C${(i * 7919) % teams}` };
    const started = performance.now();
    await store.setCounts(team, [{ release: releaseKey(i % RELEASES), count: 1000 + i }], { user: 'UBENCH', at });
    latencies.push(performance.now() - started);
  }
  // A burst: updates that arrive at once (the JSON store shares a log append and fsync among them).
  const burstStarted = performance.now();
  await Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      store.setCounts(
        { workspace: 'T1', channel: `C${i % 10}` },
        [{ release: releaseKey(i % RELEASES), count: 5000 + i }],
        { user: 'UBURST', at },
      ),
    ),
  );
  const burstMs = performance.now() - burstStarted;
  await store.close();
  return { ...summarize(latencies), burstMs };
}

async function measureStore(teams: number) {
  const dir = mkdtempSync(join(tmpdir(), 'eolwatch-bench-'));
  try {
    const path = fill(dir, teams);
    // Checkpoints ten times as often as the default, so that several land inside the measured updates.
    const store = await LowdbStore.open(path, { checkpointDelayMs: CHECKPOINT_MS });
    const figures = await measureUpdates(store, teams);
    return { ...figures, storeBytes: statSync(path).size, historyBytes: historyBytes(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The layout we did not keep: every history entry inside the one lowdb file, rewritten on each update. */
async function measureNaive(teams: number, updates: number) {
  const dir = mkdtempSync(join(tmpdir(), 'eolwatch-bench-naive-'));
  try {
    type Naive = { teams: Record<string, { counts: Record<string, number>; history: HistoryEntry[] }> };
    const db = new Low<Naive>(new DurableJsonFile(join(dir, 'naive.json'), (data) => data as Naive), { teams: {} });
    for (let t = 0; t < teams; t += 1) {
      const history: HistoryEntry[] = [];
      for (let n = 1; n <= ENTRIES_PER_RELEASE; n += 1) {
        for (let r = 0; r < RELEASES; r += 1)
          history.push({ release: releaseKey(r), from: n - 1, to: n, user: 'UFILL', at, action: 'set' });
      }
      db.data.teams[`C${t}`] = { counts: {}, history };
    }
    await db.write();
    const latencies: number[] = [];
    for (let i = 0; i < updates; i += 1) {
      const team = db.data.teams[`C${(i * 7919) % teams}`];
      const started = performance.now();
      team?.history.push({ release: releaseKey(0), from: 0, to: i, user: 'UBENCH', at, action: 'set' });
      await db.write();
      latencies.push(performance.now() - started);
    }
    return { ...summarize(latencies), bytes: statSync(join(dir, 'naive.json')).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same updates through PostgresStore, on a database filled with the same teams and history. */
async function measurePostgres(teams: number) {
  const database = await createTestDatabase();
  if (!database) return null;
  try {
    await PostgresStore.migrate(database.url);
    const fill = new pg.Client({ connectionString: database.url, options: '-c search_path=eolwatch' });
    await fill.connect();
    // Filled by the server itself: 2.5 million history rows through the store would take hours.
    await fill.query(
      `INSERT INTO teams (workspace, channel, name) SELECT 'T1', 'C' || t, 'Team ' || t FROM generate_series(0, $1 - 1) t`,
      [teams],
    );
    await fill.query(
      `INSERT INTO counts (workspace, channel, release, count) SELECT 'T1', 'C' || t, 'product-' || r || '/release-' || r, $2 FROM generate_series(0, $1 - 1) t, generate_series(0, $3 - 1) r`,
      [teams, ENTRIES_PER_RELEASE, RELEASES],
    );
    await fill.query(
      `INSERT INTO history (workspace, channel, release, from_count, to_count, changed_by, changed_at, action) SELECT 'T1', 'C' || t, 'product-' || r || '/release-' || r, n - 1, n, 'UFILL', $4, 'set' FROM generate_series(0, $1 - 1) t, generate_series(1, $2) n, generate_series(0, $3 - 1) r`,
      [teams, ENTRIES_PER_RELEASE, RELEASES, at],
    );
    await fill.query('ANALYZE');
    await fill.end();
    const store = await PostgresStore.open(database.url);
    return await measureUpdates(store, teams);
  } finally {
    await database.drop();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `inventory updates through the store: ${RELEASES} releases x ${ENTRIES_PER_RELEASE} history entries per team, ${UPDATES} updates each, every one fsync'd, store checkpoint every ${CHECKPOINT_MS} ms`,
);
const results: { teams: number; median: number; p99: number }[] = [];
for (const teams of [10, 100, 1000]) {
  const r = await measureStore(teams);
  results.push({ teams, ...r });
  console.log(
    `  ${String(teams).padStart(5)} teams: median ${ms(r.median)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; store file ${mb(r.storeBytes)}, history logs ${mb(r.historyBytes)}; ${BURST} updates at once (10 teams): ${ms(r.burstMs)} in all`,
  );
}
const base = results[0];
const last = results.at(-1);
if (base && last)
  console.log(
    `  p99 growth from 10 to 1,000 teams: x${(last.p99 / base.p99).toFixed(2)}   (target: p99 <= 20 ms at 1,000 teams)`,
  );
console.log('the same updates through PostgreSQL (127.0.0.1, one database per size, history in one table):');
for (const teams of [10, 100, 1000]) {
  const r = await measurePostgres(teams);
  if (!r) break;
  const json = results.find((result) => result.teams === teams);
  console.log(
    `  ${String(teams).padStart(5)} teams: median ${ms(r.median)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ${BURST} updates at once (10 teams): ${ms(r.burstMs)} in all${json ? `; p99 PostgreSQL / JSON file x${(r.p99 / json.p99).toFixed(2)}` : ''}`,
  );
}
console.log('the naive layout (history inside the one lowdb file, whole file rewritten per update):');
for (const [teams, updates] of [
  [10, 50],
  [100, 10],
  [1000, 3],
] as const) {
  const r = await measureNaive(teams, updates);
  console.log(
    `  ${String(teams).padStart(5)} teams: median ${ms(r.median)}, p99 ${ms(r.p99)} over ${updates} updates; file ${mb(r.bytes)}`,
  );
}
