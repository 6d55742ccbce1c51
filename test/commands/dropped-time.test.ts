// A year or month typed after a release without its preposition ("windows server 2016 2027") is no part
// of the name: asked back with the choices, never answered as of today in silence. Years that are the
// release's name, or choose it, are answered as before.
import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../src/commands/parse-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import type { Result } from '../../src/commands/command-types.js';
import { renderBlocks } from '../../src/render/render-blocks.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const ask = (text: string): Promise<Result> => runCommand(parseCommand(text), depsAt('2026-12-06'), SPEAKER);

const choicesOf = (result: Result): string[] =>
  result.kind === 'invalid' ? (result.choices ?? []).map((choice) => choice.command) : [];

describe('a year after a release that is no part of its name', () => {
  it.each([
    ['windows server 2016 2027', 'windows server 2016', '2027'],
    ['windows 10 22h2 2028', 'windows 10 22h2', '2028'],
    ['Windows 10 22H2 2028', 'Windows 10 22H2', '2028'],
    ['rhel 8 2029', 'rhel 8', '2029'],
    ['ubuntu 20.04 2026', 'ubuntu 20.04', '2026'],
    ['ubuntu 22.04 lts 2027', 'ubuntu 22.04 lts', '2027'],
    ['sql server 2019 2027', 'sql server 2019', '2027'],
    ['debian 12 2028', 'debian 12', '2028'],
    ['centos 7 2020', 'centos 7', '2020'],
    ['python 3.11 2027', 'python 3.11', '2027'],
    ['is windows server 2019 still supported 2028', 'is windows server 2019 still supported', '2028'],
    ['xp 2014', 'xp', '2014'],
    ['Windows 11 IoT Enterprise LTSC 2024 2030', 'Windows 11 IoT Enterprise LTSC 2024', '2030'],
  ])('%j is asked back: in that year, or today', async (text, before, year) => {
    const result = await ask(text);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(`“${year}” is no part of its name`);
    expect(choicesOf(result)).toEqual([`${before} in ${year}`, before]);
  });

  it('keeps the question mark and the other releases asked about in the choices', async () => {
    expect(choicesOf(await ask('xp, windows server 2016 2027?'))).toEqual([
      'xp, windows server 2016 in 2027?',
      'xp, windows server 2016?',
    ]);
  });

  it('keeps "share" in the choices of a shared question', async () => {
    expect(choicesOf(await ask('share windows server 2016 2027'))).toEqual([
      'share windows server 2016 in 2027',
      'share windows server 2016',
    ]);
  });

  it('answers each choice for the time it names', async () => {
    const [inYear, today] = choicesOf(await ask('windows 10 22h2 2028'));
    const atYear = await ask(inYear as string);
    expect(atYear.kind === 'lookup' && atYear.asOf).toBe('2028-12-31');
    const atToday = await ask(today as string);
    expect(atToday.kind === 'lookup' && atToday.asOf).toBe('2026-12-06');
  });

  it('escapes what was typed when it says what it read', async () => {
    const { text, blocks } = renderBlocks(await ask('windows server 2016 <!channel> 2027'));
    // What Slack shows: the message's text and its sections (a button's value is sent back, never shown).
    const shown = [text, ...blocks.map((block) => JSON.stringify('text' in block ? block.text : ''))].join('\n');
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('&lt;!channel&gt;');
  });
});

describe('a month after a release, without its year', () => {
  it.each([
    ['windows 10 22h2 june', 'windows 10 22h2', 'June 2027', 'June 2028'],
    ['rhel 8 december', 'rhel 8', 'December 2026', 'December 2027'],
    ['ubuntu 20.04 jan', 'ubuntu 20.04', 'January 2027', 'January 2028'],
    ['windows server 2016 sept', 'windows server 2016', 'September 2027', 'September 2028'],
  ])('%j asks which year, the next two from this month on', async (text, before, first, second) => {
    const result = await ask(text);
    expect(result.kind === 'invalid' && result.reason).toContain('Which year?');
    expect(choicesOf(result)).toEqual([`${before} in ${first}`, `${before} in ${second}`, before]);
  });
});

describe('years that name the release, or choose it, are answered', () => {
  it.each([
    ['windows server 2019', 'Windows Server 2019'],
    ['windows server 2016 2016', 'Windows Server 2016'],
    ['windows 10 enterprise 2019', '1809'],
    ['windows 10 enterprise ltsc 2021', '21H2'],
    ['office 2019', '2019'],
    ['sql server 2016', '2016'],
    ['exchange 2019', '2019'],
    ['windows server 2012 r2', '2012 R2'],
    // The long-term channel's year where the name without it already finds the one release.
    ['Windows 11 Enterprise LTSC 2024', '11 24H2 (E) (LTS)'],
    ['Windows 11 IoT Enterprise LTSC 2024', '11 24H2 IoT (LTS)'],
    ['windows 10 iot enterprise ltsc 2021', '10 21H2 IoT (LTS)'],
    ['win 11 ltsc 2024', '11 24H2 (E) (LTS)'],
  ])('%j', async (text, label) => {
    const result = await ask(text);
    expect(result.kind).toBe('lookup');
    const item = result.kind === 'lookup' ? result.items[0] : undefined;
    expect(item?.kind === 'release' && item.release.label).toContain(label);
  });

  it('answers a year after a preposition for that year, as before', async () => {
    const result = await ask('windows server 2016 in 2027');
    expect(result.kind === 'lookup' && result.asOf).toBe('2027-12-31');
  });
});
