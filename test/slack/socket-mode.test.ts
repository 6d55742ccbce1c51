// Socket Mode offline, through the real entry point as a process: the fake Web API hands out a
// loopback websocket and says hello; a slash command envelope goes in, the ack comes back on the
// socket carrying the answer. (A process, because Bolt's Socket Mode client leaves a 30 s
// close-handshake timer behind after stop(), which would hold jest open.)
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let api: FakeSlackApi;
let child: ChildProcess;

beforeAll(async () => {
  api = await new FakeSlackApi().start();
  api.enableSocketMode();
  const env = {
    PATH: process.env.PATH,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: api.apiUrl,
    EOLWATCH_STORE: join(temp.path, 'eolwatch.json'),
  };
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('eolwatch ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
});

afterAll(async () => {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await api.stop();
  temp.remove();
});

function slashEnvelope(envelopeId: string, payload: Record<string, unknown>): string {
  return JSON.stringify({
    envelope_id: envelopeId,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      command: '/eol',
      api_app_id: 'A1',
      response_url: api.responseUrl,
      trigger_id: '1.2.3',
      ...payload,
    },
  });
}

async function send(envelope: string): Promise<any> {
  const socket = api.socket;
  if (!socket) throw new Error('the app never connected');
  const ack = new Promise<any>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
  socket.send(envelope);
  return ack;
}

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
        text: 'windows 8.1 on 2022-12-11',
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

it.each(['constructor', '__proto__', '..'])(
  'refuses team %j through Socket Mode, and still answers after',
  async (team) => {
    const refused = await send(slashEnvelope(`env-${team}`, { team_id: team, text: 'inventory set xp 5' }));
    expect(JSON.stringify(refused.payload)).toContain('Refused');
    const answered = await send(slashEnvelope(`env-after-${team}`, { text: 'xp' }));
    expect(answered.payload.text).toContain('Microsoft Windows XP SP3');
  },
);
