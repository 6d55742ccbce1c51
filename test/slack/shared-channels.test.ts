// In a channel shared with another organisation (Slack Connect), people from both send commands and
// mentions: every fact is kept under the workspace the app serves (Bolt's context), never under the
// sender's, so a command and a mention in one channel always see the same team.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { MemoryStore } from '../memory-store/memory-store.js';
import { buttonPressBody, eventBody, postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
beforeAll(async () => {
  running = await startHttpApp(depsAt('2017-06-28', { store: async () => store }));
});
afterAll(async () => running.stop());

it('a command from the other organisation and a mention naming its team both count for this workspace’s channel', async () => {
  const command = slashCommandBody('inventory set xp 5', running.api.responseUrl, {
    team_id: 'TPARTNER',
    channel_id: 'CSHARED',
  });
  expect(
    (await postToSlackApp(running.eventsUrl, { body: command, contentType: 'application/x-www-form-urlencoded' }))
      .status,
  ).toBe(200);
  const before = running.api.callsTo('chat.postMessage').length;
  const mention = eventBody({
    type: 'app_mention',
    user: 'UPARTNER',
    text: '<@UBOT> inventory set win 8.1 3',
    ts: '1700.9',
    channel: 'CSHARED',
    team: 'TPARTNER',
  });
  expect((await postToSlackApp(running.eventsUrl, { body: mention, contentType: 'application/json' })).status).toBe(
    200,
  );
  await running.api.waitFor('chat.postMessage', before + 1);
  expect((await store.team({ workspace: 'T1', channel: 'CSHARED' })).counts).toEqual({
    'windows/5-sp3': 5,
    'windows/8.1': 3,
  });
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

it('in a channel shared with another organisation, team answers go to the asker, who may share them', async () => {
  running.api.externallyShared.add('CCONNECT');
  await store.setCounts({ workspace: 'T1', channel: 'CCONNECT' }, [{ release: 'windows/5-sp3', count: 9 }], {
    user: 'U1',
    at: '2017-06-01T00:00:00.000Z',
  });
  const answer = (
    await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('inventory', running.api.responseUrl, { channel_id: 'CCONNECT' }),
      contentType: 'application/x-www-form-urlencoded',
    })
  ).json() as {
    response_type: string;
    blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
  };
  expect(answer.response_type).toBe('ephemeral');
  expect(JSON.stringify(answer.blocks)).toContain(
    '{"type":"raw_text","text":"Microsoft Windows XP SP3"},{"type":"raw_text","text":"9"}',
  );
  const button = answer.blocks.find((block) => block.type === 'actions')?.elements?.[0];
  expect(button).toMatchObject({ action_id: 'eol_share_answer', value: 'inventory' });

  const before = running.api.callsTo('response').length;
  const press = buttonPressBody({
    actionId: 'eol_share_answer',
    value: 'inventory',
    user: 'U1',
    channel: 'CCONNECT',
    responseUrl: running.api.responseUrl,
  });
  await postToSlackApp(running.eventsUrl, { body: press, contentType: 'application/x-www-form-urlencoded' });
  await running.api.waitFor('response', before + 1);
  const shared = running.api.callsTo('response').at(-1)?.body as { response_type: string; blocks: unknown[] };
  expect(shared.response_type).toBe('in_channel');
  expect(JSON.stringify(shared.blocks)).toContain('Shared by <@U1>');

  // A change cannot be smuggled through the button.
  const forged = buttonPressBody({
    actionId: 'eol_share_answer',
    value: 'inventory clear',
    user: 'U1',
    channel: 'CCONNECT',
    responseUrl: running.api.responseUrl,
  });
  await postToSlackApp(running.eventsUrl, { body: forged, contentType: 'application/x-www-form-urlencoded' });
  await running.api.waitFor('response', before + 2);
  expect((running.api.callsTo('response').at(-1)?.body as { text: string }).text).toBe(
    'Only answers that change nothing can be shared this way.',
  );
  expect((await store.team({ workspace: 'T1', channel: 'CCONNECT' })).counts).toEqual({ 'windows/5-sp3': 9 });
});

it('in a shared channel, a change is answered for everyone, as anywhere', async () => {
  const answer = (
    await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('inventory set xp 10', running.api.responseUrl, { channel_id: 'CCONNECT' }),
      contentType: 'application/x-www-form-urlencoded',
    })
  ).json() as { response_type: string };
  expect(answer.response_type).toBe('in_channel');
});

it('in an ordinary channel, team answers are posted for everyone as before', async () => {
  const answer = (
    await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('inventory', running.api.responseUrl, { channel_id: 'CSHARED' }),
      contentType: 'application/x-www-form-urlencoded',
    })
  ).json() as { response_type: string };
  expect(answer.response_type).toBe('in_channel');
});

it('a mention asking for the inventory in a shared channel is answered to the asker alone', async () => {
  running.api.externallyShared.add('CCONNECT2');
  const before = running.api.callsTo('chat.postEphemeral').length;
  const mention = eventBody({
    type: 'app_mention',
    user: 'U1',
    text: '<@UBOT> inventory',
    ts: '1700.7',
    channel: 'CCONNECT2',
    team: 'T1',
  });
  await postToSlackApp(running.eventsUrl, { body: mention, contentType: 'application/json' });
  await running.api.waitFor('chat.postEphemeral', before + 1);
  const answer = running.api.callsTo('chat.postEphemeral').at(-1)?.body as {
    channel: string;
    user: string;
    blocks: unknown[];
  };
  expect(answer).toMatchObject({ channel: 'CCONNECT2', user: 'U1' });
  expect(JSON.stringify(answer.blocks)).toContain('eol_share_answer');
});

it('/eol watch in a channel the bot is not in says so at once, with the fix', async () => {
  running.api.notMemberOf.add('CNOTIN');
  const before = running.api.callsTo('response').length;
  const answer = (
    await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('watch windows-8.1', running.api.responseUrl, { channel_id: 'CNOTIN' }),
      contentType: 'application/x-www-form-urlencoded',
    })
  ).json() as { text: string };
  expect(answer.text).toContain('Watching');
  await running.api.waitFor('response', before + 1);
  expect(running.api.callsTo('response').at(-1)?.body).toMatchObject({
    response_type: 'ephemeral',
    text: 'I am not in this channel yet, so I cannot post its reminders: invite me with `/invite @eolwatch`.',
  });
  const inChannel = running.api.callsTo('response').length;
  await postToSlackApp(running.eventsUrl, {
    body: slashCommandBody('watch windows-8.1', running.api.responseUrl, { channel_id: 'CSHARED' }),
    contentType: 'application/x-www-form-urlencoded',
  });
  // A sentinel of the same kind, in a channel the bot is not in, is answered: the watch before it had its turn.
  await postToSlackApp(running.eventsUrl, {
    body: slashCommandBody('watch windows-8.1', running.api.responseUrl, { channel_id: 'CNOTIN' }),
    contentType: 'application/x-www-form-urlencoded',
  });
  await running.api.waitFor('response', inChannel + 1);
  expect(
    running.api
      .callsTo('response')
      .slice(inChannel)
      .map((call) => call.body.text),
  ).toEqual(['I am not in this channel yet, so I cannot post its reminders: invite me with `/invite @eolwatch`.']);
});

it('answers within Slack’s 3 s, privately, when Slack does not say in time whether the channel is shared', async () => {
  const hangInfo = running.api.override;
  running.api.override = (call) =>
    call.method === 'conversations.info' && call.body.channel === 'CHUNG' ? 'hang' : hangInfo?.(call);
  try {
    const response = await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('inventory', running.api.responseUrl, { channel_id: 'CHUNG' }),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    // Not known in time whether the channel is shared: answered to the asker alone, who may share it.
    const answer = response.json() as { response_type: string; text: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('has no machine counts yet');
    expect(JSON.stringify(answer.blocks)).toContain('Share in channel');
  } finally {
    running.api.override = hangInfo;
  }
}, 60_000);
