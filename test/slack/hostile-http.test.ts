// The HTTP endpoint under hostile input: each request is refused cleanly, the store is unchanged, and
// the process still answers a legitimate request afterwards.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buttonPressBody,
  eventBody,
  postToSlackApp,
  signature,
  signedHeaders,
  slashCommandBody,
} from '../helpers/signed-request.js';
import { httpAppOnStoreFile } from '../helpers/http-app-on-store-file.js';

const app = httpAppOnStoreFile('2017-06-28');
const FORM = 'application/x-www-form-urlencoded';

const now = () => Math.floor(Date.now() / 1000);
const countsOf = async (channel = 'C1') => (await app.store().team({ workspace: 'T1', channel })).counts;

/**
 * A mention sent after the request under test, answered in its own thread: once its answer is posted,
 * anything the earlier request would have posted has had its turn. Returns the posts made since `before`.
 */
let sentinels = 0;
async function postsAfterSentinel(before: number): Promise<{ body: Record<string, unknown> }[]> {
  const ts = `9${String((sentinels += 1)).padStart(3, '0')}.1`;
  const body = eventBody({ type: 'app_mention', text: '<@UBOT> vista', user: 'U1', channel: 'CSENTINEL', ts });
  expect((await postToSlackApp(app.running().eventsUrl, { body, contentType: 'application/json' })).status).toBe(200);
  const api = app.running().api;
  for (;;) {
    const posts = api.callsTo('chat.postMessage').slice(before);
    if (posts.some((post) => post.body.thread_ts === ts)) return posts.filter((post) => post.body.thread_ts !== ts);
    await api.waitFor('chat.postMessage', api.callsTo('chat.postMessage').length + 1);
  }
}

async function stillAnswers(): Promise<void> {
  const response = await postToSlackApp(app.running().eventsUrl, {
    body: slashCommandBody('xp', app.running().api.responseUrl),
    contentType: FORM,
  });
  expect(response.status).toBe(200);
  expect(response.text).toContain('Microsoft Windows XP SP3');
}

describe('signatures, timestamps and replays', () => {
  it('refuses a replay of a signed request that was executed once', async () => {
    const body = slashCommandBody('inventory set xp 100', app.running().api.responseUrl, { channel_id: 'CREPLAY' });
    const headers = signedHeaders(body);
    expect((await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM, headers })).status).toBe(200);
    await postToSlackApp(app.running().eventsUrl, {
      body: slashCommandBody('inventory set xp 7', app.running().api.responseUrl, { channel_id: 'CREPLAY' }),
      contentType: FORM,
    });
    const replay = await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM, headers });
    expect(replay.status).toBe(401);
    expect(await countsOf('CREPLAY')).toEqual({ 'windows/5-sp3': 7 });
    await stillAnswers();
  });

  it.each([
    ['24 hours ahead', 86_400],
    ['10 years ahead', 315_360_000],
    ['6 minutes ahead', 360],
    ['6 minutes old', -360],
  ])('refuses a timestamp %s', async (_name, offset) => {
    const body = slashCommandBody('inventory set xp 5', app.running().api.responseUrl, { channel_id: 'CTIME' });
    const response = await postToSlackApp(app.running().eventsUrl, {
      body,
      contentType: FORM,
      headers: signedHeaders(body, undefined, now() + offset),
    });
    expect(response.status).toBe(401);
    expect(await countsOf('CTIME')).toEqual({});
  });

  it.each(['NNN.000', '+NNN', '0NNN', 'NNNe0', '0xNNN'])(
    'refuses a timestamp header %j whose number was signed as NNN',
    async (shape) => {
      const body = slashCommandBody('inventory set xp 5', app.running().api.responseUrl, { channel_id: 'CSHAPE' });
      const timestamp = now();
      const headers = {
        'x-slack-request-timestamp': shape.replace('NNN', String(timestamp)),
        'x-slack-signature': signature('test-signing-secret', timestamp, body),
      };
      expect((await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM, headers })).status).toBe(401);
      expect(await countsOf('CSHAPE')).toEqual({});
    },
  );

  it("acknowledges Slack's retry of an event it took without acting on it again", async () => {
    const body = eventBody({ type: 'app_mention', text: '<@UBOT> xp', user: 'U1', channel: 'C1', ts: '1.1' });
    const first = app.running().api.callsTo('chat.postMessage').length;
    expect((await postToSlackApp(app.running().eventsUrl, { body, contentType: 'application/json' })).status).toBe(200);
    await app.running().api.waitFor('chat.postMessage', first + 1);
    const before = app.running().api.callsTo('chat.postMessage').length;
    // Slack signs each retry afresh: a new timestamp, the same event_id.
    const response = await postToSlackApp(app.running().eventsUrl, {
      body,
      contentType: 'application/json',
      headers: {
        ...signedHeaders(body, undefined, now() + 1),
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      },
    });
    expect(response.status).toBe(200);
    expect(await postsAfterSentinel(before)).toEqual([]);
  });

  it('answers a retry of an event whose first delivery never arrived', async () => {
    const before = app.running().api.callsTo('chat.postMessage').length;
    const body = eventBody({ type: 'app_mention', text: '<@UBOT> xp', user: 'U1', channel: 'C1', ts: '1.2' });
    const response = await postToSlackApp(app.running().eventsUrl, {
      body,
      contentType: 'application/json',
      headers: { ...signedHeaders(body), 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' },
    });
    expect(response.status).toBe(200);
    const posts = await postsAfterSentinel(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: 'C1', thread_ts: '1.2' });
    expect(String(posts[0]?.body.text)).toContain('Windows XP');
  });
});

describe('sizes', () => {
  it('refuses a body declared over 1 MB with 413 before reading it', async () => {
    const body = `text=${'x'.repeat(1_100_000)}`;
    const response = await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM });
    expect(response.status).toBe(413);
    await stillAnswers();
  });
});

describe('identifiers', () => {
  const hostileIds = [
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '..',
    '.',
    'a/b',
    'a\\b',
    'a\u0000b',
    'x'.repeat(1_000),
    '',
  ];

  it.each(hostileIds.flatMap((id) => ['team_id', 'channel_id', 'user_id'].map((field) => [field, id] as const)))(
    'refuses %s %j, saving nothing',
    async (field, id) => {
      const before = readdirSync(app.dir).sort();
      const body = slashCommandBody('inventory set xp 5', app.running().api.responseUrl, { [field]: id });
      const response = await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM });
      expect(response.status).toBe(200);
      expect(response.text).toContain('Refused');
      expect(readdirSync(app.dir).sort()).toEqual(before);
      const historyDir = join(app.dir, 'eolwatch.history');
      expect(existsSync(historyDir) ? readdirSync(historyDir).filter((workspace) => workspace !== 'T1') : []).toEqual(
        [],
      );
      expect(
        existsSync(join(historyDir, 'T1'))
          ? readdirSync(join(historyDir, 'T1')).filter((file) => !/^C[A-Z0-9]+\.jsonl$/.test(file))
          : [],
      ).toEqual([]);
    },
  );

  it('refuses a 1,000,000-character team id and still answers', async () => {
    const body = slashCommandBody('inventory set xp 5', app.running().api.responseUrl, {
      team_id: 'T'.repeat(1_000_000),
    });
    const response = await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM });
    expect(response.text).toContain('Refused');
    await stillAnswers();
  });

  it('still starts from the store afterwards', async () => {
    await app.reopen();
    expect(await countsOf('CREPLAY')).toEqual({ 'windows/5-sp3': 7 });
  });
});

describe('events and actions with malformed ids', () => {
  it.each(['constructor', '__proto__', '..', 'x'.repeat(5_000)])(
    'ignores a mention from channel %j, posting nothing, and still answers',
    async (channel) => {
      const before = app.running().api.callsTo('chat.postMessage').length;
      const body = eventBody({
        type: 'app_mention',
        text: '<@UBOT> inventory set xp 5',
        user: 'U1',
        channel,
        ts: '1.1',
      });
      expect((await postToSlackApp(app.running().eventsUrl, { body, contentType: 'application/json' })).status).toBe(
        200,
      );
      expect(await postsAfterSentinel(before)).toEqual([]);
      await stillAnswers();
    },
  );

  it.each(['constructor', '__proto__', '..'])(
    'refuses a button pressed in channel %j, changing nothing',
    async (channel) => {
      const before = app.running().api.callsTo('response').length;
      const body = buttonPressBody({
        actionId: 'eol_handled',
        value: `T1|${channel}|windows/8.1|eol|2023-01-10`,
        user: 'U1',
        channel,
        responseUrl: app.running().api.responseUrl,
      });
      const response = await postToSlackApp(app.running().eventsUrl, { body, contentType: FORM });
      expect(response.status).toBe(200);
      expect(response.text).toContain('Refused');
      expect(app.running().api.callsTo('response')).toHaveLength(before);
      expect(await app.store().milestoneMarks()).toEqual({});
      await stillAnswers();
    },
  );
});

describe('health checks', () => {
  it.each(['GET', 'HEAD'])('answers %s /healthz with 200', async (method) => {
    expect((await fetch(`${app.running().url}/healthz`, { method })).status).toBe(200);
  });
});
