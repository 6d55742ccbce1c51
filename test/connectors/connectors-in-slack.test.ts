// Connectors from Slack, for admins: /eol connect opens the form, its submission adds the connector
// (the secret kept sealed, never echoed), /eol connectors lists it, /eol connector sync answers after
// the ack, and the Home tab shows where a channel's counts come from.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readDevices } from '../../src/device-managers/read-devices.js';
import { CONNECT_MODAL_CALLBACK_ID } from '../../src/render/slack-ids.js';
import { connectBlockId, CONNECT_INPUT_ACTION_ID } from '../../src/render/render-connect-modal.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { devices, FakeDeviceManagers } from '../helpers/fake-device-managers.js';
import { postToSlackApp, slashCommandBody, viewSubmissionBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const SECRET = 'the-secret';
const store = new MemoryStore();
let fake: FakeDeviceManagers;
let running: RunningApp;

beforeAll(async () => {
  fake = await new FakeDeviceManagers().start();
  fake.intune = devices('MET', 12, 'Windows', '10.0.19045.4291');
  running = await startHttpApp(
    depsAt('2024-06-01', {
      store: async () => store,
      secretKey: randomBytes(32).toString('base64'),
      readDevices: (connector, secret) => readDevices(connector, secret, { graphUrl: fake.base, loginUrl: fake.base }),
    }),
  );
});
afterAll(async () => {
  await running.stop();
  await fake.stop();
});

async function eol(text: string, user = ADMIN) {
  const body = slashCommandBody(text, running.api.responseUrl, { user_id: user, channel_id: 'CMET' });
  return postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
}

const field = (name: Parameters<typeof connectBlockId>[0], value: string) => ({
  [connectBlockId(name)]: {
    [CONNECT_INPUT_ACTION_ID]:
      name === 'channel'
        ? { type: 'conversations_select', selected_conversation: value }
        : { type: 'plain_text_input', value },
  },
});

async function submit(values: Record<string, string>, user = ADMIN) {
  const body = viewSubmissionBody({
    callbackId: CONNECT_MODAL_CALLBACK_ID,
    user,
    privateMetadata: JSON.stringify({ kind: 'intune' }),
    values: Object.assign({}, ...Object.entries(values).map(([name, value]) => field(name as never, value))),
  });
  const response = await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
  return response.text === ''
    ? null
    : (response.json() as { response_action?: string; errors?: Record<string, string> });
}

const form = {
  name: 'met-intune',
  channel: 'CMET',
  where_to: 'contoso.onmicrosoft.com',
  client_id: 'app-id',
  secret: SECRET,
  where: 'deviceName^=MET-',
};

describe('connectors in Slack', () => {
  it('opens the form for an admin, and refuses anyone else', async () => {
    expect((await eol('connect intune', 'U9')).json()).toMatchObject({
      text: expect.stringMatching(/^Only eolwatch admins/),
    });
    const before = running.api.callsTo('views.open').length;
    expect((await eol('connect intune')).status).toBe(200);
    await running.api.waitFor('views.open', before + 1);
    const call = running.api.callsTo('views.open').at(-1);
    const view = (typeof call?.body.view === 'string' ? JSON.parse(call.body.view) : call?.body.view) as {
      callback_id: string;
    };
    expect(view.callback_id).toBe(CONNECT_MODAL_CALLBACK_ID);
  });

  it('shows a bad rule on the form and adds nothing', async () => {
    const answer = await submit({ ...form, where: 'deviceName~MET' });
    expect(answer?.response_action).toBe('errors');
    expect(Object.values(answer?.errors ?? {})[0]).toMatch(/is not a rule/);
    expect(await store.installationKeys('X:')).toEqual([]);
  });

  it('adds the connector from the form, telling its maker, never echoing the secret', async () => {
    const before = running.api.callsTo('chat.postMessage').length;
    expect(await submit(form)).toBeNull();
    await running.api.waitFor('chat.postMessage', before + 1);
    const told = String(running.api.callsTo('chat.postMessage').at(-1)?.body.text);
    expect(told).toContain('Added met-intune: Intune (tenant contoso.onmicrosoft.com)');
    expect(told).not.toContain(SECRET);
    const list = (await eol('connectors')).json() as { text: string };
    expect(list.text).toContain('met-intune');
    expect(list.text).toContain('never synced yet');
    expect(JSON.stringify(await store.installation('X:T1|met-intune'))).not.toContain(SECRET);
  });

  it('syncs on /eol connector sync, answering after the ack', async () => {
    const responses = running.api.callsTo('response').length;
    const ack = (await eol('connector sync met-intune')).json() as { text: string };
    expect(ack.text).toMatch(/^Syncing/);
    await running.api.waitFor('response', responses + 1);
    expect(String(running.api.callsTo('response').at(-1)?.body.text)).toContain('12 devices read, 12 the team');
    expect((await store.team({ workspace: 'T1', channel: 'CMET' })).counts).toEqual({ 'windows/10-22h2': 12 });
  });
});
