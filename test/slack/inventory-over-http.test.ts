// Inventory through the real Bolt HTTP path, on a real store file: answers the channel sees, and no
// update lost among 500 arriving at once.
import { expect, it } from '@jest/globals';
import { postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { testCore } from '../helpers/test-core.js';
import { httpAppOnStoreFile } from '../helpers/http-app-on-store-file.js';

const app = httpAppOnStoreFile('2017-06-28');

async function slash(text: string, overrides: Record<string, string> = {}) {
  const body = slashCommandBody(text, app.running().api.responseUrl, overrides);
  const response = await postToSlackApp(app.running().eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
  return { status: response.status, reply: response.text === '' ? null : (response.json() as any) };
}

it('posts inventory answers for the channel, with the upgrade warning', async () => {
  const { reply } = await slash('inventory set windows-xp 18293 windows-8.1 14450', { channel_id: 'CMET' });
  expect(reply.response_type).toBe('in_channel');
  const everything = JSON.stringify(reply.blocks);
  expect(everything).toContain('Saved for <#CMET>');
  expect(everything).toContain('leaves Active Support on 2018-01-09, in 195 days');
  expect((await app.store().team({ workspace: 'T1', channel: 'CMET' })).counts).toEqual({ 'windows/5-sp3': 18293, 'windows/8.1': 14450 });
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
    Array.from({ length: 500 }, (_, i) => slash(`inventory set ubuntu-${releases[i % 25]?.name} ${i + 1}`, { channel_id: 'CLOAD', user_id: `U${i}` })),
  );
  expect(responses.every((response) => response.status === 200 && response.reply?.text?.startsWith('Saved for'))).toBe(true);
  const history = await app.store().history({ workspace: 'T1', channel: 'CLOAD' });
  expect(history).toHaveLength(500);
  expect(new Set(history.map((entry) => entry.user)).size).toBe(500);
  const counts = (await app.store().team({ workspace: 'T1', channel: 'CLOAD' })).counts;
  expect(Object.keys(counts)).toHaveLength(25);
});
