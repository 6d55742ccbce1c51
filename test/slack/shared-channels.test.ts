// In a channel shared with another organisation (Slack Connect), people from both send commands and
// mentions: every fact is kept under the workspace the app serves (Bolt's context), never under the
// sender's, so a command and a mention in one channel always see the same team.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { MemoryStore } from '../../src/store/memory-store.js';
import { eventBody, postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
beforeAll(async () => {
  running = await startHttpApp(depsAt('2017-06-28', { store: async () => store }));
});
afterAll(async () => running.stop());

it('a command from the other organisation and a mention naming its team both count for this workspace’s channel', async () => {
  const command = slashCommandBody('inventory set xp 5', running.api.responseUrl, { team_id: 'TPARTNER', channel_id: 'CSHARED' });
  expect((await postToSlackApp(running.eventsUrl, { body: command, contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
  const before = running.api.callsTo('chat.postMessage').length;
  const mention = eventBody({ type: 'app_mention', user: 'UPARTNER', text: '<@UBOT> inventory set win 8.1 3', ts: '1700.9', channel: 'CSHARED', team: 'TPARTNER' });
  expect((await postToSlackApp(running.eventsUrl, { body: mention, contentType: 'application/json' })).status).toBe(200);
  await running.api.waitFor('chat.postMessage', before + 1);
  expect((await store.team({ workspace: 'T1', channel: 'CSHARED' })).counts).toEqual({ 'windows/5-sp3': 5, 'windows/8.1': 3 });
  expect((await store.team({ workspace: 'TPARTNER', channel: 'CSHARED' })).counts).toEqual({});
});

it('/eol admins add with a mention as Slack escapes it names that person an admin', async () => {
  const response = await postToSlackApp(running.eventsUrl, {
    body: slashCommandBody('admins add <@U2BOB|bob>', running.api.responseUrl, { user_id: 'UADMIN' }),
    contentType: 'application/x-www-form-urlencoded',
  });
  expect(JSON.stringify(response.json())).toContain('<@U2BOB> is now an eolwatch admin');
  expect(await store.admins('T1')).toEqual(['U2BOB']);
});
