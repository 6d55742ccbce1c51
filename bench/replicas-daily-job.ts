// The daily reminder job at scale on PostgreSQL: 1,000 workspaces x 10 channels x 5 watches (one of
// them due that day: 10,000 posts), run by two replicas at the same moment (two `reminders run`
// processes on one database, one fake Web API), beside one process alone on a database filled alike.
// Prints the wall time of each and counts posts per key: each must be exactly once.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { createTestDatabase } from '../test/helpers/postgres.js';

const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 1000);
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

function remindersRun(url: string, apiUrl: string): Promise<number | null> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    EOLWATCH_DATABASE_URL: url,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: apiUrl,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--now', '2023-01-10', 'reminders', 'run'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return new Promise((resolve) => child.on('close', resolve));
}

async function runWith(replicas: number) {
  const database = await filledDatabase();
  const api = await new FakeSlackApi().start();
  try {
    const started = performance.now();
    const codes = await Promise.all(Array.from({ length: replicas }, () => remindersRun(database.url, api.apiUrl)));
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

console.log(
  `daily reminder job on PostgreSQL: ${WORKSPACES} workspaces x ${CHANNELS} channels x ${RELEASES.length} watches, ${WORKSPACES * CHANNELS} reminders due`,
);
const alone = await runWith(1);
console.log(
  `  one process alone:            ${(alone.wallMs / 1000).toFixed(1)} s, ${alone.posted} posted, ${alone.doubled} posted twice (exit ${alone.codes.join(', ')})`,
);
const two = await runWith(2);
console.log(
  `  two replicas at the same time: ${(two.wallMs / 1000).toFixed(1)} s, ${two.posted} posted, ${two.doubled} posted twice (exit ${two.codes.join(', ')})`,
);
console.log(
  `  two replicas / one alone: x${(two.wallMs / alone.wallMs).toFixed(2)} wall time   (target: each reminder exactly once)`,
);
