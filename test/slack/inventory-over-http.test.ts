// Inventory through the real Bolt HTTP path, on a real store file: answers the channel sees, and no
// update lost among 500 arriving at once.
import { expect, it } from '@jest/globals';
import { buttonPressBody, postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { testCore } from '../helpers/test-core.js';
import { httpAppOnStoreFile } from '../helpers/http-app-on-store-file.js';

const app = httpAppOnStoreFile('2017-06-28');

async function slash(text: string, overrides: Record<string, string> = {}) {
  const body = slashCommandBody(text, app.running().api.responseUrl, overrides);
  const response = await postToSlackApp(app.running().eventsUrl, {
    body,
    contentType: 'application/x-www-form-urlencoded',
  });
  return { status: response.status, reply: response.text === '' ? null : (response.json() as any) };
}

it('posts inventory answers for the channel, with the upgrade warning', async () => {
  const { reply } = await slash('inventory set windows-xp 18293 windows-8.1 14450', { channel_id: 'CMET' });
  expect(reply.response_type).toBe('in_channel');
  const everything = JSON.stringify(reply.blocks);
  expect(everything).toContain('Saved for <#CMET>');
  expect(everything).toContain('leaves Active Support on 2018-01-09, in 195 days');
  expect((await app.store().team({ workspace: 'T1', channel: 'CMET' })).counts).toEqual({
    'windows/5-sp3': 18293,
    'windows/8.1': 14450,
  });
});

it('escapes a team name so that it pings nobody', async () => {
  await slash('team name <!channel> & friends', { channel_id: 'CNAME' });
  const { reply } = await slash('inventory', { channel_id: 'CNAME' });
  expect(JSON.stringify(reply)).toContain('&lt;!channel&gt; &amp; friends');
  expect(JSON.stringify(reply)).not.toContain('<!channel>');
});

it('keeps all 500 updates that arrive at once, each in the history', async () => {
  const releases = testCore().catalog.productByName.get('ubuntu')?.releases.slice(0, 25) ?? [];
  const responses = await Promise.all(
    Array.from({ length: 500 }, (_, i) =>
      slash(`inventory set ubuntu-${releases[i % 25]?.name} ${i + 1}`, { channel_id: 'CLOAD', user_id: `U${i}` }),
    ),
  );
  expect(responses.every((response) => response.status === 200 && response.reply?.text?.startsWith('Saved for'))).toBe(
    true,
  );
  const history = await app.store().history({ workspace: 'T1', channel: 'CLOAD' });
  expect(history).toHaveLength(500);
  expect(new Set(history.map((entry) => entry.user)).size).toBe(500);
  const counts = (await app.store().team({ workspace: 'T1', channel: 'CLOAD' })).counts;
  expect(Object.keys(counts)).toHaveLength(25);
});

it('asks which release a count line means, saving nothing, and saves the one pressed', async () => {
  const { reply } = await slash('inventory set xp: 18293, windows 10 40', { channel_id: 'CWHICH' });
  expect(reply.response_type).toBe('ephemeral');
  expect(reply.text).toContain('Nothing saved');
  expect((await app.store().team({ workspace: 'T1', channel: 'CWHICH' })).counts).toEqual({});
  const buttons =
    (
      reply.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]
    ).find((block) => block.type === 'actions')?.elements ?? [];
  // Only releases out by then (2017-06-28) are offered.
  expect(buttons.map((button) => button.text.text)).not.toContain('Microsoft Windows 10 22H2: 40');
  const choice = buttons.find((button) => button.text.text === 'Microsoft Windows 10 1607 (E): 40');
  expect(choice?.value).toBe('inventory set xp 18293 windows 10-1607-e 40');

  const api = app.running().api;
  const before = api.callsTo('response').length;
  const press = buttonPressBody({
    actionId: choice?.action_id ?? '',
    value: choice?.value ?? '',
    user: 'U1',
    channel: 'CWHICH',
    responseUrl: api.responseUrl,
  });
  expect(
    (await postToSlackApp(app.running().eventsUrl, { body: press, contentType: 'application/x-www-form-urlencoded' }))
      .status,
  ).toBe(200);
  await api.waitFor('response', before + 1);
  expect(api.callsTo('response').at(-1)?.body).toMatchObject({ response_type: 'in_channel' });
  expect((await app.store().team({ workspace: 'T1', channel: 'CWHICH' })).counts).toEqual({
    'windows/5-sp3': 18293,
    'windows/10-1607-e': 40,
  });
});

it('refuses a choice button whose value is not a count line or a lookup, changing nothing', async () => {
  const api = app.running().api;
  const before = api.callsTo('response').length;
  const press = buttonPressBody({
    actionId: 'eol_choice_0',
    value: 'forget workspace confirm',
    user: 'U1',
    channel: 'CWHICH',
    responseUrl: api.responseUrl,
  });
  await postToSlackApp(app.running().eventsUrl, { body: press, contentType: 'application/x-www-form-urlencoded' });
  await api.waitFor('response', before + 1);
  expect(api.callsTo('response').at(-1)?.body).toMatchObject({
    response_type: 'ephemeral',
    text: 'That button no longer works; type the command instead.',
  });
  expect((await app.store().team({ workspace: 'T1', channel: 'CWHICH' })).counts).toEqual({
    'windows/5-sp3': 18293,
    'windows/10-1607-e': 40,
  });
});

it('answers a question for a day written in words, and asks about a day that reads two ways', async () => {
  const { reply } = await slash('windows 8.1 on 28 June 2017');
  expect(JSON.stringify(reply.blocks)).toContain('As of 2017-06-28');
  const ambiguous = await slash('windows 8.1 on 03/04/2017');
  const labels = (ambiguous.reply.blocks as { type: string; elements?: { text: { text: string }; value: string }[] }[])
    .find((block) => block.type === 'actions')
    ?.elements?.map((button) => [button.text.text, button.value]);
  expect(labels).toEqual([
    ['3 April 2017', 'windows 8.1 on 2017-04-03'],
    ['4 March 2017', 'windows 8.1 on 2017-03-04'],
  ]);
});
