// The real Bolt app over HTTP on loopback: signed requests in, a fake Web API recording what it posts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SHARE_ACTION_ID } from '../../src/render/slack-ids.js';
import { BOT_ID, BOT_USER_ID } from '../helpers/fake-slack-api.js';
import {
  eventBody,
  buttonPressBody,
  postToSlackApp,
  SIGNING_SECRET,
  signedHeaders,
  slashCommandBody,
} from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const FORM = 'application/x-www-form-urlencoded';
let running: RunningApp;

beforeAll(async () => {
  running = await startHttpApp(depsAt('2017-06-28'));
});
afterAll(async () => running.stop());

async function slashCommand(text: string, headers?: Record<string, string>) {
  const body = slashCommandBody(text, running.api.responseUrl);
  return postToSlackApp(running.eventsUrl, { body, contentType: FORM, headers });
}

async function sendEvent(event: Record<string, unknown>) {
  return postToSlackApp(running.eventsUrl, { body: eventBody(event), contentType: 'application/json' });
}

const textOf = (reply: any): string => JSON.stringify(reply.blocks) + reply.text;

describe('/eol over HTTP', () => {
  it('answers in the ack, privately, with the status, the dates and days left', async () => {
    const response = await slashCommand('windows-8.1');
    expect(response.status).toBe(200);
    const reply = response.json() as any;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Supported: Active Support until 2018-01-09 (195 days left)');
    expect(textOf(reply)).toContain('*Active Support*\\nuntil 2018-01-09 (195 days left)');
    expect(textOf(reply)).toContain('data as of 2026-08-22');
  });

  it('answers "as of" a given day', async () => {
    const reply = (await slashCommand('windows 8.1 on 2023-01-11')).json() as any;
    expect(reply.text).toContain('Unsupported since 2023-01-11: no more updates (last supported day 2023-01-10)');
  });

  it('shares an answer with the channel on request', async () => {
    const reply = (await slashCommand('share xp')).json() as any;
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toContain('Unsupported since 2014-04-09');
  });

  it('answers a question asked again as it did the first time, until the team sets a contract', async () => {
    const first = (await slashCommand('is xp still supported?')).json() as any;
    expect(first.text).toContain('Unsupported since 2014-04-09');
    expect((await slashCommand('is xp still supported?')).json()).toEqual(first);
    expect((await slashCommand('contract xp until 2019-01-14 CSA')).json()).toMatchObject({
      text: expect.stringContaining('CSA'),
    });
    const covered = (await slashCommand('is xp still supported?')).json() as any;
    expect(covered.text).toContain('covered by your contract (CSA) until 2019-01-14');
    expect((await slashCommand('contract remove xp')).status).toBe(200);
    expect((await slashCommand('is xp still supported?')).json()).toEqual(first);
  });

  it('reads a product Slack sent as a link, and "&" sent as &amp;', async () => {
    const node = (await slashCommand('<http://node.js|node.js> 18')).json() as any;
    expect(node.text).toContain('Node.js 18');
    const veeam = (await slashCommand('veeam backup &amp; replication 12')).json() as any;
    expect(veeam.text).toContain('Veeam Backup &amp; Replication 12'); // escaped again on the way out
    expect(veeam.text).not.toContain('Not found');
  });

  it('lists everything with help', async () => {
    const reply = (await slashCommand('help')).json() as any;
    expect(reply.text).toContain('/eol share');
  });

  it('answers an unknown name with the closest matches', async () => {
    const reply = (await slashCommand('windwos 99')).json() as any;
    expect(reply.text).toMatch(/Not found: "windwos 99"/);
  });

  it.each(['SLED 15 SP4', 'SLES for SAP 15 SP4', 'Windows 10 IoT Core 1809'])(
    'says %j is a system endoflife.date does not track, never another system’s dates',
    async (text) => {
      const reply = (await slashCommand(text)).json() as any;
      const blocks = JSON.stringify(reply.blocks);
      expect(blocks).toContain('endoflife.date does not track this system');
      expect(blocks).not.toMatch(/Server 15|Windows 10 1809|supported/i);
    },
  );

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['no signature', (_body: string) => ({})],
    ['a wrong signature', (_body: string) => signedHeaders('something else')],
    ['a signature made with another secret', (body: string) => signedHeaders(body, 'not-the-secret')],
    ['a stale timestamp', (body: string) => signedHeaders(body, SIGNING_SECRET, now() - 6 * 60)],
  ])('refuses a request with %s: 401 and no answer', async (_case, headersFor) => {
    const body = slashCommandBody('xp', running.api.responseUrl);
    const callsBefore = running.api.calls.length;
    const response = await postToSlackApp(running.eventsUrl, { body, contentType: FORM, headers: headersFor(body) });
    expect(response.status).toBe(401);
    expect(response.text).not.toContain('XP');
    expect(running.api.calls.length).toBe(callsBefore);
  });

  it.each([
    ['empty text', ''],
    ['10,000 characters', 'windows '.repeat(1250)],
    ['control characters', '\u0000\u0001\u001b[31m'],
    ['emoji', '🪟 8.1 🔥'],
    ['<!channel>', '<!channel>'],
    ['<@U123>', '<@U123> windows'],
    ['shell metacharacters', '$(rm -rf /); `reboot` | cat /etc/passwd && echo'],
    ['SQL', "xp'; DROP TABLE inventory; --"],
  ])('answers %s briefly, pings nobody and posts nothing else', async (_case, text) => {
    const callsBefore = running.api.calls.length;
    const response = await slashCommand(text);
    expect(response.status).toBe(200);
    const reply = response.json() as any;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text.length).toBeLessThan(3001);
    expect(textOf(reply)).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(running.api.calls.length).toBe(callsBefore);
  });

  it('posts a shared answer through response_url when "Share in channel" is pressed', async () => {
    const before = running.api.callsTo('response').length;
    const body = buttonPressBody({
      actionId: SHARE_ACTION_ID,
      value: 'windows-8.1',
      user: 'U1',
      channel: 'C1',
      responseUrl: running.api.responseUrl,
    });
    const response = await postToSlackApp(running.eventsUrl, { body, contentType: FORM });
    expect(response.status).toBe(200);
    await running.api.waitFor('response', before + 1);
    const posted = running.api.callsTo('response').at(-1)?.body as any;
    expect(posted.response_type).toBe('in_channel');
    expect(posted.text).toContain('Microsoft Windows 8.1');
    expect(JSON.stringify(posted.blocks)).toContain('Shared by <@U1>');
  });

  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
  });
});

describe('mentions and direct messages', () => {
  it.each([
    [
      'a mention',
      { type: 'app_mention', text: `<@${BOT_USER_ID}> is windows 8.1 still supported?`, channel: 'C1' },
      'Active Support until 2018-01-09',
    ],
    [
      'a direct message',
      { type: 'message', channel_type: 'im', text: 'when does xp lose support?', channel: 'D1' },
      'Unsupported since 2014-04-09',
    ],
    [
      'a mention whose product Slack made a link of',
      {
        type: 'app_mention',
        text: `<@${BOT_USER_ID}> is <http://node.js|node.js> 18 still supported?`,
        channel: 'C1',
      },
      'Node.js 18',
    ],
    [
      'a direct message with "&" as Slack escapes it',
      { type: 'message', channel_type: 'im', text: 'veeam backup &amp; replication 12', channel: 'D1' },
      'Veeam Backup &amp; Replication 12',
    ],
  ])('answers %s in a thread, as the bot', async (_case, event, answer) => {
    const before = running.api.callsTo('chat.postMessage').length;
    const ts = `1700000000.00001${before}`;
    await sendEvent({ ...event, user: 'U1', ts, team: 'T1' });
    await running.api.waitFor('chat.postMessage', before + 1);
    const post = running.api.callsTo('chat.postMessage').at(-1);
    expect(post?.body).toMatchObject({ channel: event.channel, thread_ts: ts });
    expect(post?.body.text).toContain(answer);
    expect(post?.headers.authorization).toBe('Bearer xoxb-test');
  });

  it.each([
    ['lunch at noon?', /^I answer questions such as/],
    ['???', /^I answer questions such as/],
    // A greeting is greeted; a time it cannot read is said so, not hidden behind the hint.
    ['hello there', /^Hello! Ask me when support ends/],
    ['is xp supported on the 15th?', /Which month and year\?/],
  ])('answers the direct message %j as it should', async (text, reply) => {
    const before = running.api.callsTo('chat.postMessage').length;
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text,
      ts: `1700000000.0000${30 + before}`,
      channel: 'D1',
      team: 'T1',
    });
    await running.api.waitFor('chat.postMessage', before + 1);
    expect(running.api.callsTo('chat.postMessage').at(-1)?.body.text).toMatch(reply);
  });

  it('never answers its own messages or other bots', async () => {
    const before = running.api.callsTo('chat.postMessage').length;
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      text: 'xp',
      ts: '1700000000.000004',
      channel: 'D1',
      team: 'T1',
    });
    await sendEvent({
      type: 'message',
      subtype: 'bot_message',
      channel_type: 'im',
      bot_id: 'BOTHER',
      text: 'xp',
      ts: '1700000000.000005',
      channel: 'D1',
      team: 'T1',
    });
    await sendEvent({
      type: 'app_mention',
      bot_id: 'BOTHER',
      user: 'U9',
      text: `<@${BOT_USER_ID}> xp`,
      ts: '1700000000.000006',
      channel: 'C1',
      team: 'T1',
    });
    // A real question afterwards proves the events above were processed, and answered with nothing.
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'vista',
      ts: '1700000000.000007',
      channel: 'D1',
      team: 'T1',
    });
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'xp',
      ts: '1700000000.000008',
      channel: 'D1',
      team: 'T1',
    });
    await running.api.waitFor('chat.postMessage', before + 2);
    const posts = running.api.callsTo('chat.postMessage').slice(before);
    expect(posts.map((post) => post.body.thread_ts).sort()).toEqual(['1700000000.000007', '1700000000.000008']);
  });
});
