// The PostgreSQL store with the database across a network, as replicas have it: count changes through
// the store itself (no HTTP), each moving an automatic watch, with every packet between the store and
// PostgreSQL held for BENCH_DELAY_MS each way by a loopback proxy (1 ms: a round trip of 2 ms, as
// between zones of one region). One busy team (every change waits for its team's lock) and ten teams
// at once, 10 changes in flight either way; and the same with no delay. With BENCH_BEFORE_DIR set to
// another checkout's folder (built), its store runs beside, each on a database of its own. Rounds
// are interleaved and their order rotates; figures are medians over the rounds with min-max.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EolwatchStore } from '../src/eolwatch-store.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { createTestDatabase, POSTGRES_SERVER_URL, type TestDatabase } from '../test/helpers/postgres.js';
import { postgresProxy } from '../test/helpers/postgres-proxy.js';
import { percentile } from './stats.js';

const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 1);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IN_FLIGHT = 10;
const BEFORE = process.env.BENCH_BEFORE_DIR;

type Open = (url: string) => Promise<EolwatchStore>;
const openNow: Open = (url) => PostgresStore.open(url);
const openBefore: Open | null = BEFORE
  ? async (url) => {
      const module = (await import(pathToFileURL(join(BEFORE, 'dist/store/postgres/postgres-store.js')).href)) as {
        PostgresStore: { open: Open };
      };
      return module.PostgresStore.open(url);
    }
  : null;

interface Figures {
  perSecond: number;
  p99: number;
}

let round = 0;
/** CHANGES count changes, IN_FLIGHT at a time, over `teams` teams; each starts or stops a watch. */
async function changes(store: EolwatchStore, teams: number): Promise<Figures> {
  round += 1;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < CHANGES) {
      const index = next++;
      const team = { workspace: `TDELAY${round}`, channel: `C${index % teams}` };
      // Release r in a team: counted from 0 on its first change, back to 0 on its second, and so on.
      const nth = Math.floor(index / teams);
      const release = `bench/r${nth % 20}`;
      const count = Math.floor(nth / 20) % 2 === 0 ? 1 + index : 0;
      const sent = performance.now();
      await store.setCounts(team, [{ release, count }], { user: 'UBENCH', at: new Date().toISOString() });
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: CHANGES / seconds, p99: percentile(latencies, 99) };
}

const proxy = await postgresProxy(POSTGRES_SERVER_URL, DELAY_MS);
const databases: TestDatabase[] = [];
const stores: Record<string, EolwatchStore> = {};
try {
  for (const [name, open] of [
    ['now', openNow],
    ['before', openBefore],
  ] as const) {
    if (!open) continue;
    const database = await createTestDatabase();
    if (!database) throw new Error('this bench needs PostgreSQL on 127.0.0.1:5432');
    databases.push(database);
    stores[`${name}, ${DELAY_MS} ms each way`] = await open(proxy.via(database.url));
    stores[`${name}, no delay`] = await open(database.url);
  }
  const cases = Object.keys(stores).flatMap((store) => [1, 10].map((teams) => ({ store, teams })));
  const label = ({ store, teams }: { store: string; teams: number }) =>
    `${store.padEnd(22)} ${teams === 1 ? 'one team  ' : `${teams} teams  `}`;
  const figures = new Map<string, Figures[]>(cases.map((entry) => [label(entry), []]));
  for (const entry of cases) await changes(stores[entry.store]!, entry.teams); // warm-up
  for (let r = 0; r < ROUNDS; r += 1)
    for (let step = 0; step < cases.length; step += 1) {
      const entry = cases[(r + step) % cases.length]!;
      figures.get(label(entry))!.push(await changes(stores[entry.store]!, entry.teams));
    }
  const spread = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${percentile(sorted, 50).toFixed(0)} (${sorted[0]!.toFixed(0)}-${sorted.at(-1)!.toFixed(0)})`;
  };
  console.log(
    `PostgreSQL store, ${CHANGES} count changes (each starting or stopping a watch), ${IN_FLIGHT} in flight, the database behind a proxy holding each packet ${DELAY_MS} ms; ${ROUNDS} rounds, medians (min-max)`,
  );
  for (const [name, runs] of figures)
    console.log(
      `  ${name} ${spread(runs.map((run) => run.perSecond)).padStart(16)} changes/s   p99 ${spread(runs.map((run) => run.p99))} ms`,
    );
} finally {
  await Promise.all(Object.values(stores).map((store) => store.close()));
  await proxy.close();
  await Promise.all(databases.map((database) => database.drop()));
}
