// Socket Mode offline: the fake Web API hands out a loopback websocket, says hello, and delivers a
// slash command envelope; the app's ack comes back on the socket carrying the answer.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { App } from '@slack/bolt';
import { pino } from 'pino';
import { createSlackApp } from '../../src/slack/create-slack-app.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { depsAt } from '../helpers/test-core.js';

let api: FakeSlackApi;
let app: App;

beforeAll(async () => {
  api = await new FakeSlackApi().start();
  api.enableSocketMode();
  app = createSlackApp(
    { mode: 'socket', botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: api.apiUrl },
    { commands: depsAt('2022-12-11'), logger: pino({ level: 'silent' }) },
    0,
  );
  await app.init();
  await app.start();
});

afterAll(async () => {
  await app.stop();
  await api.stop();
});

it('answers /eol through Socket Mode in the ack', async () => {
  expect(api.callsTo('apps.connections.open')[0]?.headers.authorization).toBe('Bearer xapp-test');
  const socket = api.socket;
  if (!socket) throw new Error('the app never connected');
  const ack = new Promise<any>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
  socket.send(
    JSON.stringify({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T1',
        channel_id: 'C1',
        user_id: 'U1',
        command: '/eol',
        text: 'windows 8.1',
        api_app_id: 'A1',
        response_url: api.responseUrl,
        trigger_id: '1.2.3',
      },
    }),
  );
  const reply = await ack;
  expect(reply.envelope_id).toBe('env-1');
  expect(reply.payload.response_type).toBe('ephemeral');
  expect(reply.payload.text).toContain('Security updates only: Security Support until 2023-01-10 (30 days left)');
});
