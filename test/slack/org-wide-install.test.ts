// Enterprise Grid: an org-wide install serves every workspace of the org with the org's bot token:
// requests from a workspace, and that workspace's scheduled posts, which know only the workspace.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { runReminders } from '../../src/reminders/run-reminders.js';
import { botTokenOf, createInstallationStore, orgWorkspaceRememberer } from '../../src/slack/installation-store.js';
import { createOneTimeStateStore } from '../../src/slack/one-time-state-store.js';
import { createWorkspacePoster } from '../../src/slack/slack-reminder-poster.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { postToSlackApp, SIGNING_SECRET } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;

beforeAll(async () => {
  const installationStore = createInstallationStore(async () => store);
  running = await startHttpApp(depsAt('2023-01-10', { store: async () => store }), (api) => ({
    mode: 'oauth',
    signingSecret: SIGNING_SECRET,
    clientId: '111.222',
    clientSecret: 'client-secret',
    stateSecret: 'state-secret',
    installationStore,
    stateStore: createOneTimeStateStore(async () => store),
    apiUrl: api.apiUrl,
    rememberOrgWorkspace: orgWorkspaceRememberer(async () => store),
  }));
  // The org installed eolwatch org-wide (what oauth.v2.access answers for an org install).
  await installationStore.storeInstallation({
    team: undefined,
    enterprise: { id: 'E1', name: 'Acme Group' },
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-acme-org', scopes: ['commands', 'chat:write'], userId: 'UBOT', id: 'BBOT' },
    isEnterpriseInstall: true,
    authVersion: 'v2',
  });
});
afterAll(async () => running.stop());

it('answers a workspace of the org with the org’s token, keyed by that workspace, and posts its reminders with it', async () => {
  const body = JSON.stringify({
    token: 'x',
    team_id: 'T5',
    enterprise_id: 'E1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: 'EvORG1',
    event_time: Math.floor(Date.now() / 1000),
    is_enterprise_install: true,
    authorizations: [
      { enterprise_id: 'E1', team_id: 'T5', user_id: 'UBOT', is_bot: true, is_enterprise_install: true },
    ],
    event: {
      type: 'app_mention',
      user: 'U5',
      text: '<@UBOT> inventory set xp 3',
      ts: '1700.1',
      channel: 'CFIVE',
      team: 'T5',
    },
  });
  const before = running.api.callsTo('chat.postMessage').length;
  expect((await postToSlackApp(running.eventsUrl, { body, contentType: 'application/json' })).status).toBe(200);
  await running.api.waitFor('chat.postMessage', before + 1);
  expect(running.api.callsTo('chat.postMessage').at(-1)?.headers.authorization).toBe('Bearer xoxb-acme-org');
  expect((await store.team({ workspace: 'T5', channel: 'CFIVE' })).counts).toEqual({ 'windows/5-sp3': 3 });
  expect(await botTokenOf(store, 'T5')).toBe('xoxb-acme-org');

  await store.watch(
    { workspace: 'T5', channel: 'CFIVE' },
    [{ release: 'windows/8.1', leads: [0] }],
    'manual',
    '2023-01-10',
  );
  await runReminders(
    {
      store,
      releaseByKey: depsAt('2023-01-10').releaseByKey,
      today: '2023-01-10',
      now: () => '2023-01-10T09:00:00.000Z',
      sleep: async () => undefined,
      runId: 'run-org',
    },
    createWorkspacePoster(async (workspace) => botTokenOf(store, workspace), running.api.apiUrl),
  );
  const reminder = running.api.callsTo('chat.postMessage').at(-1);
  expect(reminder?.body.channel).toBe('CFIVE');
  expect(reminder?.headers.authorization).toBe('Bearer xoxb-acme-org');
});

it('a workspace the app never heard from, and no install of its own, gets no token', async () => {
  expect(await botTokenOf(store, 'T404')).toBeNull();
});
