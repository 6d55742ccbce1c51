// Whatever a user typed comes back escaped, in blocks and in the notification text, for every answer
// that quotes it: nobody can make the bot ping a channel or show a disguised link.
import { describe, expect, it } from '@jest/globals';
import { runText } from '../../src/commands/run-command.js';
import { planReminders } from '../../src/reminders/plan-reminders.js';
import { renderBlocks } from '../../src/render/render-blocks.js';
import { renderReminder } from '../../src/render/render-reminder.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123|@admins>',
  '<@U123>',
  '<#C123>',
  '<https://evil.example|Renew at microsoft.com>',
];
const COMMANDS = [
  (h: string) => `watch ${h}`,
  (h: string) => `unwatch ${h}`,
  (h: string) => `inventory set ${h} 5`,
  (h: string) => `inventory set xp ${h}`,
  (h: string) => `inventory history ${h}`,
  (h: string) => `contract ${h} until 2030-01-01`,
  (h: string) => `contract remove ${h}`,
  (h: string) => `zzz ${h}`,
  (h: string) => `team name ${h}`,
];

describe('text a user typed, echoed back', () => {
  it.each(COMMANDS.flatMap((command) => HOSTILE.map((hostile) => [command(hostile)])))(
    '%s leaves no live token',
    async (text) => {
      const message = renderBlocks(await runText(text, depsAt('2017-06-28'), SPEAKER));
      const everything = JSON.stringify(message.blocks) + message.text;
      expect(everything).not.toMatch(/<!(channel|here|everyone|subteam)|<@U123|<#C123|<https:\/\/evil/);
    },
  );
});

describe('a contract name in a reminder', () => {
  it.each(HOSTILE)('%s stays text in the blocks and in the notification text', async (hostile) => {
    const deps = depsAt('2015-01-01');
    await runText(`contract windows-xp until 2016-04-14 ${hostile}`, deps, SPEAKER);
    await runText('watch xp lead 30', deps, SPEAKER);
    const store = await deps.store();
    const [reminder] = planReminders({
      today: '2016-03-15',
      watches: await store.allWatches(),
      releaseByKey: deps.releaseByKey,
      countsOf: () => ({}),
      records: {},
      marks: {},
    });
    if (!reminder) throw new Error('no reminder planned');
    const message = renderReminder(reminder);
    expect(JSON.stringify(message.blocks) + message.text).not.toMatch(
      /<!(channel|here|everyone|subteam)|<@U123|<#C123|<https:\/\/evil/,
    );
  });
});

describe("a catalogue's link, in an answer shared in a channel", () => {
  it.each([
    'https://endoflife.date/windows|x> <!here',
    'https://x.example/<!channel>',
    'javascript:alert(1)',
    'https://endoflife.date/windows <!everyone>',
  ])('%j makes no live token and no link', async (link) => {
    const deps = depsAt('2017-06-28');
    const release = deps.releaseByKey('windows/8.1');
    if (!release) throw new Error('no Windows 8.1');
    const hostile = { ...release, link };
    const result = await runText(
      'share windows 8.1',
      { ...deps, resolve: (query) => ({ kind: 'release', query, release: hostile }) },
      SPEAKER,
    );
    const message = renderBlocks(result);
    expect(JSON.stringify(message.blocks) + message.text).not.toMatch(
      /<!(channel|here|everyone)|<javascript|<https:\/\/x\.example/,
    );
    expect(JSON.stringify(message.blocks)).toContain('details');
  });

  it('links a plain https address', async () => {
    const message = renderBlocks(await runText('share windows 8.1', depsAt('2017-06-28'), SPEAKER));
    expect(JSON.stringify(message.blocks)).toContain('<https://endoflife.date/windows|details>');
  });
});
