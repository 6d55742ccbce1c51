// What one process refuses, every process on the store refuses: a captured signed request replayed after
// a restart (JSON store) or to another replica (PostgreSQL) gets 401; a Slack retry is answered only when
// no replica took the first delivery; an API token's 60 requests a minute are shared by every replica.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import pg from 'pg';
import { runText } from '../../src/commands/run-command.js';
import type { EolwatchStore } from '../../src/eolwatch-store.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { itWithPostgres } from '../helpers/postgres-suite.js';
import {
  buttonPressBody,
  eventBody,
  postToSlackApp,
  signedHeaders,
  slashCommandBody,
} from '../helpers/signed-request.js';
import { IMPORT_ADD_ACTION_ID } from '../../src/render/slack-ids.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const FORM = 'application/x-www-form-urlencoded';
const DAY = '2017-06-28';

const startOn = (store: EolwatchStore) => startHttpApp(depsAt(DAY, { store: async () => store }));

/** A signed `/eol inventory set` as captured on the wire: the same bytes and headers can be sent again. */
function capturedCommand(running: RunningApp, channel: string, text: string) {
  const body = slashCommandBody(text, running.api.responseUrl, { channel_id: channel });
  return { body, contentType: FORM, headers: signedHeaders(body) };
}

async function newToken(store: EolwatchStore, name: string): Promise<string> {
  const deps = depsAt(DAY, { store: async () => store });
  const result = await runText(`api token create ${name}`, deps, { workspace: 'T1', channel: 'C1', user: ADMIN });
  if (result.kind !== 'api-token-created') throw new Error(`no token: ${result.kind}`);
  return result.token;
}

const report = (running: RunningApp, token: string) =>
  fetch(`${running.url}/api/v1/report`, { headers: { authorization: `Bearer ${token}` } }).then((response) => {
    void response.arrayBuffer();
    return response.status;
  });

/** A mention sent after the request under test: once it is answered, the earlier one has had its turn. */
async function postsAfterSentinel(running: RunningApp, before: number, ts: string) {
  const body = eventBody({ type: 'app_mention', text: '<@UBOT> vista', user: 'U1', channel: 'CSENTINEL', ts });
  expect((await postToSlackApp(running.eventsUrl, { body, contentType: 'application/json' })).status).toBe(200);
  for (;;) {
    const posts = running.api.callsTo('chat.postMessage').slice(before);
    if (posts.some((post) => post.body.thread_ts === ts)) return posts.filter((post) => post.body.thread_ts !== ts);
    await running.api.waitFor('chat.postMessage', running.api.callsTo('chat.postMessage').length + 1);
  }
}

describe('the JSON store, across a restart', () => {
  const temp = makeTempDir();
  const path = join(temp.path, 'eolwatch.json');
  afterAll(() => temp.remove());

  /** Runs `during` on a bot that is then stopped with its store closed, as a deploy stops it. */
  async function oneLife<T>(during: (running: RunningApp, store: LowdbStore) => Promise<T>): Promise<T> {
    const store = await LowdbStore.open(path);
    const running = await startOn(store);
    try {
      return await during(running, store);
    } finally {
      await running.stop();
      await store.close();
    }
  }

  it('refuses a replay of a signed request sent again after a restart', async () => {
    const captured = await oneLife(async (running) => {
      const request = capturedCommand(running, 'CREPLAY', 'inventory set xp 5');
      expect((await postToSlackApp(running.eventsUrl, request)).status).toBe(200);
      return request;
    });
    await oneLife(async (running, store) => {
      expect((await store.team({ workspace: 'T1', channel: 'CREPLAY' })).counts).toEqual({ 'windows/5-sp3': 5 });
      expect((await postToSlackApp(running.eventsUrl, captured)).status).toBe(401);
      const fresh = capturedCommand(running, 'CREPLAY', 'inventory set xp 7');
      expect((await postToSlackApp(running.eventsUrl, fresh)).status).toBe(200);
      expect((await store.team({ workspace: 'T1', channel: 'CREPLAY' })).counts).toEqual({ 'windows/5-sp3': 7 });
    });
  });

  it("keeps a token's requests a minute across a restart", async () => {
    const token = await oneLife(async (running, store) => {
      const made = await newToken(store, 'restart');
      for (let n = 0; n < 60; n += 1) expect(await report(running, made)).toBe(200);
      return made;
    });
    await oneLife(async (running) => expect(await report(running, token)).toBe(429));
  });

  it('remembers a claim across a restart until it is given back', async () => {
    await oneLife(async (_running, store) => {
      const claims = store.requestLimiter('claims', 1, 600);
      expect(await claims.take('kept')).toBe(0);
      expect(await claims.take('given back')).toBe(0);
      await claims.release('given back');
    });
    await oneLife(async (_running, store) => {
      const claims = store.requestLimiter('claims', 1, 600);
      expect(await claims.take('kept')).toBeGreaterThan(0);
      expect(await claims.take('given back')).toBe(0);
      expect(await claims.take('given back')).toBeGreaterThan(0);
    });
  });
});

const pgIt = await itWithPostgres();
let database: TestDatabase | null = null;
const replicas: { store: PostgresStore; running: RunningApp }[] = [];
describe('two replicas on one PostgreSQL database', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database) return;
    for (let n = 0; n < 2; n += 1) {
      const store = await PostgresStore.open(database.url);
      replicas.push({ store, running: await startOn(store) });
    }
  });
  afterAll(async () => {
    for (const { store, running } of replicas) {
      await running.stop();
      await store.close();
    }
    await database?.drop();
  });

  pgIt('refuses on one replica a signed request the other executed', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const captured = capturedCommand(a.running, 'CPG', 'inventory set xp 5');
    expect((await postToSlackApp(a.running.eventsUrl, captured)).status).toBe(200);
    expect((await postToSlackApp(b.running.eventsUrl, captured)).status).toBe(401);
    expect((await b.store.team({ workspace: 'T1', channel: 'CPG' })).counts).toEqual({ 'windows/5-sp3': 5 });
  });

  pgIt('drops a retry of an event another replica took, and answers one no replica took', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const taken = eventBody({ type: 'app_mention', text: '<@UBOT> xp', user: 'U1', channel: 'C1', ts: '2.1' });
    const firstOnA = a.running.api.callsTo('chat.postMessage').length;
    expect((await postToSlackApp(a.running.eventsUrl, { body: taken, contentType: 'application/json' })).status).toBe(
      200,
    );
    await a.running.api.waitFor('chat.postMessage', firstOnA + 1);

    const retry = (body: string, number: string) => ({
      body,
      contentType: 'application/json',
      headers: { ...signedHeaders(body, undefined, Math.floor(Date.now() / 1000) + 1), 'x-slack-retry-num': number },
    });
    let before = b.running.api.callsTo('chat.postMessage').length;
    expect((await postToSlackApp(b.running.eventsUrl, retry(taken, '1'))).status).toBe(200);
    expect(await postsAfterSentinel(b.running, before, '8001.1')).toEqual([]);

    const lost = eventBody({ type: 'app_mention', text: '<@UBOT> xp', user: 'U1', channel: 'C1', ts: '2.2' });
    before = b.running.api.callsTo('chat.postMessage').length;
    expect((await postToSlackApp(b.running.eventsUrl, retry(lost, '1'))).status).toBe(200);
    const answered = await postsAfterSentinel(b.running, before, '8001.2');
    expect(answered.map((post) => post.body.thread_ts)).toEqual(['2.2']);
  });

  pgIt('applies an import once when a double click sends its two presses to two replicas', async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const press = (replica: (typeof replicas)[0]) => {
      replica.running.api.addFile('FTWICE', 'twice.csv', 'release,count\nxp,10\n');
      const body = buttonPressBody({
        actionId: IMPORT_ADD_ACTION_ID,
        value: JSON.stringify({ file: 'FTWICE' }),
        user: 'U1',
        channel: 'CTWICE',
        responseUrl: replica.running.api.responseUrl,
      });
      return postToSlackApp(replica.running.eventsUrl, { body, contentType: FORM });
    };
    const before = [a, b].map(({ running }) => running.api.callsTo('response').length);
    expect((await Promise.all([press(a), press(b)])).map((response) => response.status)).toEqual([200, 200]);
    // Each replica answers its press: one applies it (its result, then the preview removed), one says it did not.
    const answers = await Promise.all(
      [a, b].map(async ({ running }, n) => {
        await running.api.waitFor('response', (before[n] as number) + 1);
        return running.api
          .callsTo('response')
          .slice(before[n])
          .map((call) => call.body);
      }),
    );
    const applied = answers.filter((calls) => calls[0]?.response_type === 'in_channel');
    const refused = answers.filter((calls) => String(calls[0]?.text).includes('this press changed nothing'));
    expect([applied.length, refused.length]).toEqual([1, 1]);
    expect((await a.store.team({ workspace: 'T1', channel: 'CTWICE' })).counts).toEqual({ 'windows/5-sp3': 10 });
    expect(
      (await b.store.history({ workspace: 'T1', channel: 'CTWICE' })).filter((entry) => entry.action === 'import'),
    ).toHaveLength(1);
  });

  pgIt("shares a token's 60 requests a minute between replicas", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const token = await newToken(a.store, 'shared');
    for (let n = 0; n < 30; n += 1) {
      expect(await report(a.running, token)).toBe(200);
      expect(await report(b.running, token)).toBe(200);
    }
    expect(await report(b.running, token)).toBe(429);
    expect(await report(a.running, token)).toBe(429);
  });
});

// Every signed request's replay check is one of these: taken together when they arrive together.
describe('keys seen once, on PostgreSQL, taken in batches', () => {
  let db: TestDatabase | null = null;
  const stores: PostgresStore[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    if (!db) return;
    for (let n = 0; n < 2; n += 1) stores.push(await PostgresStore.open(db.url));
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await db?.drop();
  });

  pgIt('gives each key to exactly one of many takers at once, on two replicas, repeats included', async () => {
    const [a, b] = stores.map((store) => store.requestLimiter('batch-test', 1, 600)) as [
      ReturnType<PostgresStore['requestLimiter']>,
      ReturnType<PostgresStore['requestLimiter']>,
    ];
    const keys = Array.from({ length: 300 }, (_, n) => `sig-${n % 120}`);
    const waits = await Promise.all(keys.flatMap((key) => [a.take(key), b.take(key)]));
    const firsts = new Map<string, number>();
    waits.forEach((wait, index) => {
      if (wait === 0)
        firsts.set(keys[Math.floor(index / 2)] as string, (firsts.get(keys[Math.floor(index / 2)] as string) ?? 0) + 1);
    });
    expect(firsts.size).toBe(120);
    expect([...firsts.values()].every((count) => count === 1)).toBe(true);
    // A refusal says how long the key is remembered: the rest of its window (not a token wait).
    expect(Math.max(...waits)).toBeLessThanOrEqual(600_000);
    expect(waits.filter((wait) => wait > 0).every((wait) => wait > 300_000)).toBe(true);
  });

  pgIt('takes a key again, on any replica, once it was given back', async () => {
    const [a, b] = stores.map((store) => store.requestLimiter('claims', 1, 600)) as [
      ReturnType<PostgresStore['requestLimiter']>,
      ReturnType<PostgresStore['requestLimiter']>,
    ];
    expect(await a.take('press')).toBe(0);
    expect(await b.take('press')).toBeGreaterThan(0);
    await a.release('press');
    expect(await b.take('press')).toBe(0);
    expect(await a.take('press')).toBeGreaterThan(0);
  });

  pgIt('takes a key again once its window has ended', async () => {
    const [a] = stores as [PostgresStore];
    const once = a.requestLimiter('short-window', 1, 1);
    expect(await once.take('k')).toBe(0);
    expect(await once.take('k')).toBeGreaterThan(0);
    // The window is the store's clock: its row says when it ends.
    const client = new pg.Client({ connectionString: db?.url });
    await client.connect();
    try {
      await client.query("UPDATE eolwatch.request_limits SET expire = 0 WHERE key = 'short-window:k'");
    } finally {
      await client.end();
    }
    expect(await once.take('k')).toBe(0);
  });
});
