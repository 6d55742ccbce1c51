// Several eolwatch processes on one PostgreSQL database: every reminder posted exactly once, even when
// one process is killed in the middle; the daily job run once a day between them, and finished by
// another when the one running it dies.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { itWithPostgres } from '../helpers/postgres-suite.js';

const CHANNELS = 200;
const pgIt = await itWithPostgres();
let database: TestDatabase | null;
let api: FakeSlackApi;
beforeAll(async () => {
  database = await createTestDatabase();
  api = await new FakeSlackApi().start();
});
afterAll(async () => {
  await api.stop();
  await database?.drop();
});

/** `reminders run` as its own process, on the database, posting to the fake Web API. */
function remindersRun(url: string) {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    EOLWATCH_DATABASE_URL: url,
    SLACK_BOT_TOKEN: 'xoxb-replica',
    SLACK_API_URL: api.apiUrl,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--now', '2023-01-10', 'reminders', 'run'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, exited };
}

/** Every post's reminder key (from its metadata), counted. */
function postsByKey(): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const post of api.acceptedPosts()) {
    const key = String((post.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '');
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  return byKey;
}

async function watchEverywhere(url: string, workspace: string): Promise<void> {
  const store = await PostgresStore.open(url);
  try {
    // Windows 8.1's security support ends 2023-01-10: with lead 0, one reminder per channel that day.
    for (let n = 0; n < CHANNELS; n += 1)
      await store.watch(
        { workspace, channel: `C${n}` },
        [{ release: 'windows/8.1', leads: [0] }],
        'manual',
        '2023-01-10',
      );
  } finally {
    await store.close();
  }
}

describe('reminders from two processes on one database', () => {
  pgIt(
    `two runs at the same moment post each of ${CHANNELS} reminders exactly once`,
    async () => {
      await watchEverywhere((database as TestDatabase).url, 'T1');
      const [first, second] = [
        remindersRun((database as TestDatabase).url),
        remindersRun((database as TestDatabase).url),
      ];
      const results = await Promise.all([first.exited, second.exited]);
      expect(results.map((result) => result.code)).toEqual([0, 0]);
      const byKey = postsByKey();
      expect(byKey.size).toBe(CHANNELS);
      expect([...byKey.values()].every((count) => count === 1)).toBe(true);
      const posted = results.map((result) => Number(/(\d+) posted/.exec(result.stdout)?.[1] ?? 0));
      expect(posted[0]! + posted[1]!).toBe(CHANNELS);
    },
    120_000,
  );

  pgIt(
    'a run killed in the middle loses nothing and doubles nothing: the next run finishes',
    async () => {
      await watchEverywhere((database as TestDatabase).url, 'T2');
      const before = api.acceptedPosts().length;
      const doomed = remindersRun((database as TestDatabase).url);
      // Killed once it has posted some, with claims taken and perhaps a post not yet recorded.
      while (api.acceptedPosts().length < before + 40) await new Promise((resolve) => setTimeout(resolve, 5));
      doomed.child.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');
      const next = await remindersRun((database as TestDatabase).url).exited;
      expect(next.code).toBe(0);
      const t2 = [...postsByKey()].filter(([key]) => key.startsWith('T2|'));
      expect(t2).toHaveLength(CHANNELS);
      expect(t2.every(([, count]) => count === 1)).toBe(true);
    },
    120_000,
  );
});

describe('the daily job between replicas', () => {
  pgIt('runs once a day however many replicas start it at once', async () => {
    const replicas = await Promise.all([1, 2, 3].map(() => PostgresStore.open(database!.url, { max: 2 })));
    let runs = 0;
    try {
      const outcomes = await Promise.all(
        replicas.map((replica, index) =>
          replica.runOnce('daily', '2026-11-28', `replica-${index}`, async () => {
            runs += 1;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }),
        ),
      );
      expect(runs).toBe(1);
      expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
      expect(await replicas[0]!.runOnce('daily', '2026-11-29', 'replica-0', async () => 'next day')).toEqual({
        ran: true,
        result: 'next day',
      });
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });

  pgIt('when the replica running it dies, the next in line runs it', async () => {
    // A replica in the middle of the day's run: it holds the job's lock on its own connection.
    const dying = new pg.Client({ connectionString: (database as TestDatabase).url });
    await dying.connect();
    dying.on('error', () => undefined);
    await dying.query("SELECT pg_advisory_lock(hashtext('job:daily'))");
    const pid = (await dying.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    const survivor = await PostgresStore.open((database as TestDatabase).url, { max: 2 });
    try {
      const waiting = survivor.runOnce('daily', '2026-12-01', 'survivor', async () => 'done by the survivor');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const admin = new pg.Client({ connectionString: (database as TestDatabase).url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      expect(await waiting).toEqual({ ran: true, result: 'done by the survivor' });
    } finally {
      await survivor.close();
      await dying.end().catch(() => undefined);
    }
  });

  pgIt(
    'a replica whose database connection drops mid-run ends the run with an error, lives on, and another runs the job',
    async () => {
      const url = (database as TestDatabase).url;
      const [first, second] = await Promise.all([
        PostgresStore.open(url, { max: 2 }),
        PostgresStore.open(url, { max: 2 }),
      ]);
      try {
        let started!: () => void;
        let finish!: () => void;
        const running = new Promise<void>((resolve) => (started = resolve));
        const finished = new Promise<void>((resolve) => (finish = resolve));
        const run = first.runOnce('dropped', '2026-12-06', 'first', async () => {
          started();
          await finished;
          return 'first';
        });
        await running;
        // The attack's move: end the session holding the job's lock, as a database restart or failover would.
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        const { rows } = await admin.query<{ pid: number }>(
          "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
        );
        expect(rows).toHaveLength(1);
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        await admin.end();
        finish();
        await expect(run).rejects.toThrow();
        // Not marked done: the next in line runs it, and this process is still here to see it.
        expect(await second.runOnce('dropped', '2026-12-06', 'second', async () => 'second')).toEqual({
          ran: true,
          result: 'second',
        });
        expect(await first.runOnce('after', '2026-12-06', 'first', async () => 'still working')).toEqual({
          ran: true,
          result: 'still working',
        });
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    },
  );
});
