// The daily reminder job at scale on PostgreSQL: 1,000 workspaces x 10 channels x 5 watches (one of
// them due that day: 10,000 posts), run by two replicas at the same moment (two `reminders run`
// processes on one database, one fake Web API), beside one process alone on a database filled alike.
// Prints the wall time of each and counts posts per key: each must be exactly once. With BENCH_BEFORE_DIR
// set to another checkout's folder, its command line runs the same cases; BENCH_ROUNDS rounds (1 by
// default), the cases in rotated order, medians with min-max.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { createTestDatabase } from '../test/helpers/postgres.js';

const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const BEFORE = process.env.BENCH_BEFORE_DIR;
const CHANNELS = 10;
// Windows 8.1's security support ends 2023-01-10, the day the job runs; the others end on other days.
const RELEASES = ['windows/8.1', 'ubuntu/22.04', 'rhel/8', 'macos/14', 'debian/12'];

async function filledDatabase() {
  const database = await createTestDatabase();
  if (!database) throw new Error('no PostgreSQL server: this bench needs one');
  await PostgresStore.migrate(database.url);
  const client = new pg.Client({ connectionString: database.url, options: '-c search_path=eolwatch' });
  await client.connect();
  await client.query(
    `INSERT INTO channels (workspace, channel) SELECT 'T' || w, 'C' || c FROM generate_series(1, $1) w, generate_series(1, $2) c`,
    [WORKSPACES, CHANNELS],
  );
  await client.query(
    `INSERT INTO watches (workspace, channel, release, leads, created_at, source) SELECT 'T' || w, 'C' || c, r, '{0}', '2023-01-01', 'manual' FROM generate_series(1, $1) w, generate_series(1, $2) c, unnest($3::text[]) r`,
    [WORKSPACES, CHANNELS, RELEASES],
  );
  await client.end();
  return database;
}

/** `reminders run` of the checkout in `dir`, on the day Windows 8.1's support ends. */
function remindersRun(url: string, apiUrl: string, dir: string): Promise<number | null> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    EOLWATCH_DATABASE_URL: url,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: apiUrl,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--now', '2023-01-10', 'reminders', 'run'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve) => child.on('close', resolve));
}

async function runWith(replicas: number, dir: string) {
  const database = await filledDatabase();
  const api = await new FakeSlackApi().start();
  try {
    const started = performance.now();
    const codes = await Promise.all(
      Array.from({ length: replicas }, () => remindersRun(database.url, api.apiUrl, dir)),
    );
    const wallMs = performance.now() - started;
    const byKey = new Map<string, number>();
    for (const post of api.acceptedPosts()) {
      const key = String((post.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    const doubled = [...byKey.values()].filter((count) => count > 1).length;
    return { wallMs, codes, posted: byKey.size, doubled };
  } finally {
    await api.stop();
    await database.drop();
  }
}

const checkouts = { now: '.', ...(BEFORE ? { before: BEFORE } : {}) };
const cases = Object.entries(checkouts).flatMap(([name, dir]) => [
  { name: `${name}, one process alone`, replicas: 1, dir },
  { name: `${name}, two replicas at once`, replicas: 2, dir },
]);
const runs = new Map<string, Awaited<ReturnType<typeof runWith>>[]>(cases.map((entry) => [entry.name, []]));
for (let round = 0; round < ROUNDS; round += 1)
  for (let step = 0; step < cases.length; step += 1) {
    const entry = cases[(round + step) % cases.length]!;
    runs.get(entry.name)!.push(await runWith(entry.replicas, entry.dir));
  }
const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return `${middle.toFixed(1)} s (${sorted[0]!.toFixed(1)}-${sorted.at(-1)!.toFixed(1)})`;
};
console.log(
  `daily reminder job on PostgreSQL: ${WORKSPACES} workspaces x ${CHANNELS} channels x ${RELEASES.length} watches, ${WORKSPACES * CHANNELS} reminders due; ${ROUNDS} round(s), median wall time (min-max)`,
);
for (const [name, results] of runs) {
  const posted = results.map((result) => result.posted).join('/');
  const doubled = results.reduce((sum, result) => sum + result.doubled, 0);
  const codes = [...new Set(results.flatMap((result) => result.codes))].join(', ');
  console.log(
    `  ${name.padEnd(34)} ${spread(results.map((result) => result.wallMs / 1000))}, posted ${posted}, ${doubled} posted twice (exits ${codes})   (target: each reminder exactly once)`,
  );
}
