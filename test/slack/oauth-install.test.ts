// Installing into another workspace through OAuth, end to end against the fake Web API: the install page,
// the redirect with its state, oauth.v2.access; then a request and a scheduled post in that workspace with
// its own bot token; then an uninstall, after which nothing more is posted there.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { runReminders } from '../../src/reminders/run-reminders.js';
import { createOneTimeStateStore } from '../../src/slack/one-time-state-store.js';
import { createInstallationStore, botTokenOf } from '../../src/slack/installation-store.js';
import { createWorkspacePoster } from '../../src/slack/slack-reminder-poster.js';
import { uninstallHandler } from '../../src/slack/uninstall-handler.js';
import { purgeUninstalled } from '../../src/installations/purge-uninstalled.js';
import { pino } from 'pino';
import { MemoryStore } from '../memory-store/memory-store.js';
import { postToSlackApp, signedHeaders, SIGNING_SECRET } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
const uninstalls: string[] = [];
// The log is where an uninstall shows: collected here.
const logger = pino(
  { level: 'warn' },
  { write: (line: string) => void uninstalls.push(`${JSON.parse(line).event}:${JSON.parse(line).workspace}`) },
);

beforeAll(async () => {
  const installationStore = createInstallationStore(async () => store);
  running = await startHttpApp(
    depsAt('2023-01-10', { store: async () => store }),
    (api) => ({
      mode: 'oauth',
      signingSecret: SIGNING_SECRET,
      clientId: '111.222',
      clientSecret: 'client-secret',
      stateSecret: 'state-secret',
      installationStore,
      stateStore: createOneTimeStateStore(async () => store),
      apiUrl: api.apiUrl,
    }),
    {
      onUninstall: uninstallHandler(
        installationStore,
        async () => store,
        () => '2023-01-10T12:00:00.000Z',
        logger,
      ),
    },
  );
  running.api.override = (call) =>
    call.method === 'oauth.v2.access'
      ? {
          body: {
            ok: true,
            app_id: 'A1',
            authed_user: { id: 'U9' },
            scope: 'commands,chat:write',
            token_type: 'bot',
            access_token: 'xoxb-acme-workspace',
            bot_user_id: 'UBOT9',
            team: { id: 'T9', name: 'Acme' },
            enterprise: null,
            is_enterprise_install: false,
          },
        }
      : undefined;
});
afterAll(async () => running.stop());

function eventFrom(team: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'x',
    team_id: team,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

async function remindToday(): Promise<void> {
  await runReminders(
    {
      store,
      releaseByKey: depsAt('2023-01-10').releaseByKey,
      today: '2023-01-10',
      now: () => '2023-01-10T09:00:00.000Z',
      sleep: async () => undefined,
      runId: `run-${Math.random()}`,
    },
    createWorkspacePoster(async (workspace) => botTokenOf(store, workspace), running.api.apiUrl),
  );
}

it('serves an "Add to Slack" page, and the redirect with its state installs eolwatch with the workspace’s own token', async () => {
  const page = await fetch(`${running.url}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const link =
    /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const authorize = new URL(link);
  expect(authorize.searchParams.get('client_id')).toBe('111.222');
  expect(authorize.searchParams.get('scope')?.split(',')).toEqual(
    expect.arrayContaining(['commands', 'chat:write', 'files:read', 'files:write']),
  );
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const redirect = await fetch(`${running.url}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
  });
  expect(redirect.status).toBe(200);
  const exchange = running.api.callsTo('oauth.v2.access').at(-1);
  expect(exchange?.body).toMatchObject({ code: 'the-code', client_id: '111.222', client_secret: 'client-secret' });
  expect(await botTokenOf(store, 'T9')).toBe('xoxb-acme-workspace');
  // Whoever installed it is the workspace's first admin.
  expect(await store.admins('T9')).toEqual(['U9']);
});

it('refuses a redirect whose state it did not hand out, installing nothing', async () => {
  const before = running.api.callsTo('oauth.v2.access').length;
  const forged = await fetch(`${running.url}/slack/oauth_redirect?code=stolen&state=made-up`);
  expect(forged.status).not.toBe(200);
  expect(running.api.callsTo('oauth.v2.access')).toHaveLength(before);
});

/** The install page's state and the cookie that goes with it, as a browser gets them. */
async function startInstall(): Promise<{ state: string; cookie: string }> {
  const page = await fetch(`${running.url}/slack/install`);
  const link =
    /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ??
    '';
  return {
    state: new URL(link).searchParams.get('state') ?? '',
    cookie: (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}
const redirect = (state: string, cookie: string, query = 'code=the-code') =>
  fetch(`${running.url}/slack/oauth_redirect?${query}&state=${encodeURIComponent(state)}`, { headers: { cookie } });

it('uses each state once: the same redirect again installs nothing more', async () => {
  const { state, cookie } = await startInstall();
  expect((await redirect(state, cookie)).status).toBe(200);
  const exchanges = running.api.callsTo('oauth.v2.access').length;
  const again = await redirect(state, cookie);
  expect(again.status).toBe(400);
  expect(await again.text()).toContain('This install link cannot be used');
  expect(running.api.callsTo('oauth.v2.access')).toHaveLength(exchanges);
});

it('answers a cancelled install with a page saying nothing changed, never a 500', async () => {
  const { state, cookie } = await startInstall();
  const exchanges = running.api.callsTo('oauth.v2.access').length;
  for (const error of ['access_denied', 'invalid_scope']) {
    const answer = await redirect(state, cookie, `error=${error}`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('The installation was cancelled, so nothing changed.');
  }
  expect(running.api.callsTo('oauth.v2.access')).toHaveLength(exchanges);
});

it('makes nobody an admin by installing again: only the first install does', async () => {
  const first = running.api.override;
  running.api.override = (call) => {
    const answer = first?.(call);
    return answer && typeof answer === 'object' && 'body' in answer && call.method === 'oauth.v2.access'
      ? { body: { ...(answer.body as Record<string, unknown>), authed_user: { id: 'UOUTSIDER' } } }
      : answer;
  };
  try {
    const { state, cookie } = await startInstall();
    expect((await redirect(state, cookie)).status).toBe(200);
  } finally {
    running.api.override = first;
  }
  expect(await store.admins('T9')).toEqual(['U9']);
  const entries = await store.auditEntries('T9');
  expect(entries.at(-1)).toMatchObject({
    action: 'app.install',
    user: 'UOUTSIDER',
    change: 'installed again by <@UOUTSIDER>',
  });
});

it('answers the new workspace with its own bot token, and posts its reminders with it', async () => {
  const body = eventFrom('T9', {
    type: 'app_mention',
    user: 'U9',
    text: '<@UBOT9> is xp still patched?',
    ts: '1700.1',
    channel: 'CACME',
    team: 'T9',
  });
  const before = running.api.callsTo('chat.postMessage').length;
  expect((await postToSlackApp(running.eventsUrl, { body, contentType: 'application/json' })).status).toBe(200);
  await running.api.waitFor('chat.postMessage', before + 1);
  const answer = running.api.callsTo('chat.postMessage').at(-1);
  expect(answer?.headers.authorization).toBe('Bearer xoxb-acme-workspace');
  expect(String(answer?.body.text)).toContain('Windows XP');

  await store.watch(
    { workspace: 'T9', channel: 'CACME' },
    [{ release: 'windows/8.1', leads: [0] }],
    'manual',
    '2023-01-10',
  );
  await remindToday();
  const reminder = running.api.callsTo('chat.postMessage').at(-1);
  expect(reminder?.body.channel).toBe('CACME');
  expect(reminder?.headers.authorization).toBe('Bearer xoxb-acme-workspace');
});

it('app_uninstalled stops everything for that workspace at once, and is logged', async () => {
  const body = eventFrom('T9', { type: 'app_uninstalled' });
  expect((await postToSlackApp(running.eventsUrl, { body, contentType: 'application/json' })).status).toBe(200);
  expect(uninstalls).toEqual(['app_uninstalled:T9']);
  expect(await botTokenOf(store, 'T9')).toBeNull();
  await store.watch(
    { workspace: 'T9', channel: 'CACME2' },
    [{ release: 'windows/8.1', leads: [0] }],
    'manual',
    '2023-01-10',
  );
  const before = running.api.callsTo('chat.postMessage').length;
  await remindToday();
  expect(running.api.callsTo('chat.postMessage')).toHaveLength(before);
});

it('keeps the install endpoints to GETs; a POST to them still needs Slack’s signature', async () => {
  const response = await fetch(`${running.url}/slack/install`, {
    method: 'POST',
    body: 'x',
    headers: { 'content-type': 'text/plain', ...signedHeaders('y') },
  });
  expect(response.status).toBe(401);
});

it('keeps an uninstalled workspace’s data for the grace period, then erases it; a reinstall within it keeps everything', async () => {
  await store.setCounts({ workspace: 'T9', channel: 'CACME' }, [{ release: 'windows/5-sp3', count: 4 }], {
    user: 'U9',
    at: '2023-01-10T12:00:00.000Z',
  });
  // Uninstalled at 2023-01-10T12:00 (the test before): within 30 days nothing goes.
  expect(await purgeUninstalled(store, '2023-02-08T12:00:00.000Z', 30)).toEqual([]);
  expect((await store.team({ workspace: 'T9', channel: 'CACME' })).counts).toEqual({ 'windows/5-sp3': 4 });
  expect(await purgeUninstalled(store, '2023-02-09T12:00:01.000Z', 30)).toEqual(['T9']);
  expect((await store.team({ workspace: 'T9', channel: 'CACME' })).counts).toEqual({});
  expect(await store.channelWatches({ workspace: 'T9', channel: 'CACME' })).toMatchObject({ releases: {} });

  // Another workspace uninstalls and comes back within the grace period: nothing is erased.
  const installationStore = createInstallationStore(async () => store);
  const handler = uninstallHandler(
    installationStore,
    async () => store,
    () => '2023-03-01T00:00:00.000Z',
    pino({ level: 'silent' }),
  );
  await store.setCounts({ workspace: 'T8', channel: 'CX' }, [{ release: 'windows/8.1', count: 2 }], {
    user: 'U8',
    at: '2023-02-01T00:00:00.000Z',
  });
  await handler('T8', undefined, 'app_uninstalled');
  await installationStore.storeInstallation({
    team: { id: 'T8' },
    enterprise: undefined,
    user: { id: 'U8', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-back', scopes: [], userId: 'UB', id: 'BB' },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  });
  expect(await purgeUninstalled(store, '2023-06-01T00:00:00.000Z', 30)).toEqual([]);
  expect((await store.team({ workspace: 'T8', channel: 'CX' })).counts).toEqual({ 'windows/8.1': 2 });
});
