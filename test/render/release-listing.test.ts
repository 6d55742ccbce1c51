// A product's listing as people read it: labels, not slugs; one aligned line per release; ages in
// words with the date; a release the catalogue lacks said plainly.
import { describe, expect, it } from '@jest/globals';
import { runText } from '../../src/commands/run-command.js';
import { ageInWords } from '../../src/render/release-listing.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const say = async (text: string, day = '2026-12-06') => renderText(await runText(text, depsAt(day), SPEAKER));

describe('ages in words', () => {
  it.each([
    [1, '1 day'],
    [37, '37 days'],
    [59, '59 days'],
    [60, '1 month'],
    [400, '13 months'],
    [729, '23 months'],
    [730, '1 year'],
    [1426, '3 years'],
  ])('%i days -> %s', (days, words) => {
    expect(ageInWords(days)).toBe(words);
  });
});

describe('a product listing', () => {
  it('names releases by their labels, one aligned line each, never by slug', async () => {
    const lines = (await say('windows')).split('\n').filter((line) => line.startsWith('  Windows'));
    expect(lines.length).toBe(15);
    const statusColumn = new Set(lines.map((line) => line.search(/ {2}(supported|security|paid|ended)/)));
    expect(statusColumn.size).toBe(1);
    expect(lines.join('\n')).not.toMatch(/\b1[01]-\d\dh\d|-e-lts|\(E\)|\(W\)/);
  });

  it('says how long ago support ended, with the last supported day', async () => {
    expect(await say('windows on 2017-06-28')).toMatch(/Windows XP SP3 +ended 3 years ago \(2014-04-08\)/);
    expect(await say('ubuntu')).toMatch(/Ubuntu 22\.10 'Kinetic Kudu' +ended 3 years ago \(2023-07-20\)/);
  });

  it('says a release the catalogue lacks plainly, with no unrelated suggestions', async () => {
    const text = await say('windows me');
    expect(text).toContain('Not found: "windows me". Microsoft Windows has no release "me" in endoflife.date\'s data.');
    expect(text).not.toContain('Closest');
  });
});
