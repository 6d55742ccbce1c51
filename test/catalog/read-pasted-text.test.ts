// readPastedText skips its rewrites for text that none of them could change: that shortcut must
// never change an answer. Checked against every rewrite applied, on the question corpus, every
// release's names, and seeded mixes of the fragments each rewrite looks for.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readPastedText, rewriteAll } from '../../src/catalog/read-pasted-text.js';
import { testCore } from '../helpers/test-core.js';
import { seededRandom } from '../helpers/seeded-random.js';

const corpus = readFileSync('test/fixtures/questions.tsv', 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t')[0] ?? '');

const names = testCore().catalog.products.flatMap((product) =>
  product.releases.flatMap((release) => [
    `${product.label} ${release.label}`,
    `${product.name} ${release.name}`,
    `${release.codename ?? ''} ${release.label}`,
  ]),
);

// What the rewrites look for, and plain words around them.
const FRAGMENTS = [
  'windows',
  'server',
  '2019',
  '8.1',
  'xp',
  'sp3',
  '7sp1',
  '2012R2',
  '2012 r2',
  'w2k19',
  'win2k12',
  '2k8',
  'server 2k16',
  'v20.11.1',
  'V18',
  'node',
  'java',
  '8u401',
  '11u2',
  'build 19045',
  '19045',
  '22631',
  '17763',
  'OS Build 22631.3447',
  'Build',
  '6.3 (9600)',
  '10.0 (19045)',
  '[Version 10.0.19045.4291]',
  'PRETTY_NAME="Ubuntu 22.04 LTS"',
  'VERSION_ID=22.04',
  '<@U123|bot>',
  '@eolwatch',
  ':rocket:',
  '🚀',
  '👍🏽',
  'Microsoft®',
  '(R)',
  '(tm)',
  'Windows 10, version 22H2',
  '*bold*',
  '_it_',
  '~x~',
  '`code`',
  'é',
  'ａ',
  '\t',
  '\n',
  ',',
  'in',
  'on',
  '2027',
  'Q3',
  'is',
  'still',
  'supported',
  '?',
];

function mixes(count: number): string[] {
  const random = seededRandom(25);
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
      const fragment = FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] ?? '';
      return random() < 0.2 ? fragment.toUpperCase() : fragment;
    });
    return words.join(random() < 0.8 ? ' ' : '');
  });
}

describe('reading pasted text', () => {
  it.each([
    ['the question corpus', corpus],
    ["every release's names", names],
    ['5,000 seeded mixes of what the rewrites look for', mixes(5000)],
  ])('gives what every rewrite gives, for %s', (_what, texts) => {
    const differing = texts.filter((text) => readPastedText(text) !== rewriteAll(text.slice(0, 300)));
    expect(differing).toEqual([]);
  });

  it('still rewrites what people paste', () => {
    expect(readPastedText('Microsoft Windows [Version 10.0.19045.4291]')).toContain('10.0.19045.4291');
    expect(readPastedText('w2k19')).toBe('windows server 2019');
    expect(readPastedText('java 8u401')).toBe('java 8');
  });
});
