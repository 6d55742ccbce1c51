// Count lines as people type them (test/fixtures/inventory-lines.tsv) are saved as meant, or refused
// with the pair named and the choices offered: never a confident wrong save.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readInventoryPairs } from '../../src/commands/parse-inventory-pairs.js';
import { testCore } from '../helpers/test-core.js';

const resolve = testCore().deps(() => {
  throw new Error('no clock needed');
}).resolve;

const corpus = readFileSync('test/fixtures/inventory-lines.tsv', 'utf8')
  .split('\n')
  .filter((line) => line.includes('\t') && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

const saved = (text: string): string => {
  const read = readInventoryPairs(text, resolve);
  if (!read.ok) return 'refused';
  return read.pairs.map((pair) => `${pair.release.productName}/${pair.release.name}=${pair.count}`).join(' ');
};

describe('count lines as people type them', () => {
  it('has many lines of each class', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  it.each(corpus)('reads %j as %s', (text, expected) => {
    expect(saved(text)).toBe(expected);
  });
});

describe('lists pasted from a chat or a document', () => {
  it.each([
    ['• xp 5\n• vista 3'],
    ['- xp 5\n- vista 3'],
    ['* xp 5\n* vista 3'],
    ['xp\t5\nvista\t3'],
    ['xp 5\n\nvista 3\n'],
    // Markdown and wiki tables: header and rule rows hold no count; cells are one line.
    ['| OS | Count |\n|---|---|\n| xp | 5 |\n| vista | 3 |'],
    ['| OS | Count |\n|:--|--:|\n| xp | 5 |\n| vista | 3 |\n| **Total** | 8 |'],
    ['|| OS || Count ||\n| xp | 5 |\n| vista | 3 |'],
    ['| Windows | XP | 5 |\n| Windows | Vista | 3 |'],
    ['| 5 | xp |\n| 3 | vista |'],
    ['xp | 5\nvista | 3'],
    ['xp|5, vista|3'],
    // A spreadsheet's rows with their header row: the header holds no count; a CSV's comma is no list's.
    ['OS\tCount\nxp\t5\nvista\t3'],
    ['Operating System\tDevices\nxp\t5\nvista\t3\nGrand Total\t8'],
    ['OS,Count\nxp,5\nvista,3'],
    ['Operating System,Number of devices\nxp,5\nvista,3'],
    ['release,qty\nxp,"5"\nvista,3'],
    ['xp,5\nvista,3'],
    ['Release | Qty\nxp | 5\nvista | 3'],
  ])('reads %j one pair a line', (text) => {
    expect(saved(text.replace(/\t/g, ' '))).toBe('windows/5-sp3=5 windows/6-sp2=3');
  });
});

describe('counts grouped as other locales write them, and counts said to be about', () => {
  it.each([
    ['windows 10 22h2 1\u202f234', 'windows/10-22h2=1234'],
    ['windows 10 22h2: 12\u00a0500', 'windows/10-22h2=12500'],
    ['windows 10 22h2 1\u2009234\u2009567', 'windows/10-22h2=1234567'],
    ["xp 1'234", 'windows/5-sp3=1234'],
    ['xp 1’234, vista 2’000', 'windows/5-sp3=1234 windows/6-sp2=2000'],
    ['xp\t1\u00a0234\nvista\t56', 'windows/5-sp3=1234 windows/6-sp2=56'],
    ['windows 10 22h2 ~40', 'windows/10-22h2=40'],
    ['~40 windows 10 22h2', 'windows/10-22h2=40'],
    ['xp ≈5, vista ~3', 'windows/5-sp3=5 windows/6-sp2=3'],
    // Arrows between a name and its count.
    ['xp -> 5, vista → 3', 'windows/5-sp3=5 windows/6-sp2=3'],
    ['xp => 5\nvista ⇒ 3', 'windows/5-sp3=5 windows/6-sp2=3'],
  ])('reads %j as %s', (text, expected) => {
    expect(saved(text)).toBe(expected);
  });

  it.each([
    ['windows 10 22h2 1 234', '“1 234”', 'inventory set windows 10-22h2 1234'],
    ['xp 18 293, windows 8.1 14 450', '“18 293”, “14 450”', 'inventory set windows 5-sp3 18293, windows 8.1 14450'],
    ['windows 10 22h2 40 xp 1 000', '“1 000”', 'inventory set windows 10-22h2 40, windows 5-sp3 1000'],
  ])(
    'asks whether %j has counts with thousands spaced by a plain space, offering that reading',
    (text, quoted, command) => {
      const read = readInventoryPairs(text, resolve);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.reason).toContain(`${quoted}: one count with its thousands spaced, or more than one number?`);
      expect(read.choices.map((choice) => choice.command)).toEqual([command]);
      expect(saved(command.replace(/^inventory set /, ''))).not.toBe('refused');
    },
  );

  it('reads a line whose spaced numbers are pairs as typed, asking nothing', () => {
    expect(saved('xp 5 vista 3')).toBe('windows/5-sp3=5 windows/6-sp2=3');
    expect(saved('windows 10 22h2 40 xp 100')).toBe('windows/10-22h2=40 windows/5-sp3=100');
  });

  it('reads a CSV row whose count has a thousands separator in quotes', () => {
    expect(saved('OS,Count\nWindows 10 22H2,"1,234"\nWindows 8.1,"14,450"')).toBe(
      'windows/10-22h2=1234 windows/8.1=14450',
    );
  });

  it.each([
    // Not three digits after the space: no thousands, so nothing read as one.
    ['xp 1\u00a023'],
    ["xp 12'34"],
  ])('refuses %j rather than guess', (text) => {
    expect(saved(text)).toBe('refused');
  });
});

describe('a line that cannot be saved as typed', () => {
  const refusal = (text: string) => {
    const read = readInventoryPairs(text, resolve);
    if (read.ok) throw new Error(`${text} was saved`);
    return read;
  };

  // Pairs that read, then words with no count: those words are named, never a pair split elsewhere
  // ("windows 10 22h2 35 foo" once asked which Windows had 10 machines).
  it.each([
    ['windows 10 22h2 35 foo', 'foo'],
    ['xp 5 vista 3 please', 'please'],
    ['xp 5, vista 3 pieces', 'pieces'],
    ['windows server 2019 12 windows 8.1 40 thanks a lot', 'thanks a lot'],
    ['ubuntu 22.04: 30 see above', 'see above'],
  ])('names the words after the last count in %j', (text, words) => {
    const read = refusal(text);
    expect(read.reason).toBe(`Nothing saved: “${words}” has no count after it (a whole number from 0 to 10,000,000).`);
    expect(read.choices).toEqual([]);
  });

  // A number where the count goes that is no count: the pair is named, never a pair split elsewhere
  // ("windows 10 22h2 -5" asked which Windows had 10 machines, offering commands that would not save).
  it.each([
    ['windows 10 22h2 -5', 'windows 10 22h2 -5'],
    ['windows 10 22h2 +5', 'windows 10 22h2 +5'],
    ['windows 10 22h2 40.5', 'windows 10 22h2 40.5'],
    ['windows 10 22h2 1e3', 'windows 10 22h2 1e3'],
    ['xp 5, windows 10 22h2 -3', 'windows 10 22h2 -3'],
    ['windows server 2019: 12.5', 'windows server 2019 12.5'],
    ['windows 11 24h2 enterprise 99999999', 'windows 11 24h2 enterprise 99999999'],
    ['rhel 8 -1, ubuntu 22.04 3', 'rhel 8 -1'],
    ['windows 8.1 9 xp -5', 'xp -5'],
    ['windows 10 22h2 40 vista 2.5', 'vista 2.5'],
  ])('names the unusable count in %j', (text, pair) => {
    const read = refusal(text);
    expect(read.reason).toBe(`Nothing saved: “${pair}”: the count must be a whole number from 0 to 10,000,000.`);
    expect(read.choices).toEqual([]);
  });

  it('names the pair and offers each release it could be, with the count typed', () => {
    const read = refusal('xp 5, windows 10 40');
    expect(read.reason).toMatch(/“windows 10 40”: windows 10 could be \d+ releases/);
    expect(read.choices.map((choice) => choice.command)).toContain('inventory set xp 5 windows 10-22h2 40');
    expect(read.choices[0]?.label).toBe('Microsoft Windows 10 22H2: 40');
  });

  // A release name with a version that comes in editions: the whole name is asked about, never a
  // shorter one ("windows 11" with a count of 11) with choices that would not save.
  it.each([
    ['windows 11 23h2 5', 'windows 11 23h2', '5'],
    ['"windows 11 23h2" 5', 'windows 11 23h2', '5'],
    ['windows 11 23h2: 1,200', 'windows 11 23h2', '1200'],
    ['xp 5, windows 11 23h2 40', 'windows 11 23h2', '40'],
    ['xp 5 win 11 23h2 40', 'win 11 23h2', '40'],
    ['win11 23h2 x 12', 'win11 23h2', '12'],
    ['sles 12 4', 'sles 12', '4'],
    ['windows 10 21h2 7', 'windows 10 21h2', '7'],
  ])('asks which release %j means, by the whole name', (text, name, count) => {
    const read = refusal(text);
    expect(read.reason).toContain(`: ${name} could be `);
    expect(read.choices.length).toBeGreaterThan(1);
    for (const choice of read.choices) {
      const again = readInventoryPairs(choice.command.replace(/^inventory set /, ''), resolve);
      if (!again.ok) throw new Error(`${choice.command}: ${again.reason}`);
      expect(again.pairs.at(-1)?.count).toBe(Number(count));
    }
  });

  it.each([
    ['40', /“40” is a count without a release/],
    ['windows 10 22h2', /“windows 10 22h2” has no count/],
    ['xp 1.5', /“xp 1.5”: the count must be a whole number/],
    ['xp 1.2345k', /“xp 1.2345k”: the count must be a whole number/],
    ['xp 5 6', /could not tell the releases from the counts/],
    ['nosuchthing 5', /“nosuchthing 5”: unknown release/],
    ['windows 11 pro 23h2: 1.200', /“windows 11 pro 23h2 1.200”: the count must be a whole number/],
  ])('says what is wrong with %j', (text, reason) => {
    expect(refusal(text).reason).toMatch(reason);
  });

  it('every choice offered is itself a line that saves', () => {
    for (const text of ['windows 10 40', 'server 9', 'windos 10 4', 'java 17 3']) {
      for (const choice of refusal(text).choices)
        expect(saved(choice.command.replace(/^inventory set /, ''))).not.toBe('refused');
    }
  });
});
