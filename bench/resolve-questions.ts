// Time per question through the resolver: the committed corpus (as people type), every release by
// its product and release names and by its label, and crafted worst cases (300 characters of
// near-miss words, typos and versions). Figures: median, p99 and max per question, and the ratio of
// the worst crafted question to an ordinary one. Target: p99 per question under 1 ms.
import { readFileSync } from 'node:fs';
import { createResolver } from '../src/catalog/resolve-name.js';
import { testCore } from '../test/helpers/test-core.js';
import { ms, summarize } from './stats.js';

const catalog = testCore().catalog;
const built = performance.now();
const resolve = createResolver(catalog);
const buildMs = performance.now() - built;

const corpus = readFileSync('test/fixtures/questions.tsv', 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t')[0] as string);
const releases = catalog.products.flatMap((product) => product.releases.flatMap((release) => [`${product.name} ${release.name}`, `${product.label} ${release.label}`]));

const words = ['windwos', 'ubunto', 'servr', 'enterprize', 'ltsc', 'version', 'is', 'still', 'supported', 'rehl', 'pyhton', '10.0.19045', '22h2', 'sp3', 'java', 'vmware', 'xp', 'macso'];
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const crafted = Array.from({ length: 200 }, () => {
  let text = '';
  while (text.length < 300) text += `${words[Math.floor(random() * words.length)]}${random() < 0.3 ? String(Math.floor(random() * 100)) : ''} `;
  return text.slice(0, 300);
});
crafted.push('a'.repeat(300), `${'windows '.repeat(37)}8.1`, `${'1.'.repeat(150)}`, `${'w1 '.repeat(100)}`);

function timeEach(questions: readonly string[], rounds: number): number[] {
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const question of questions) {
      const started = performance.now();
      resolve(question);
      times.push(performance.now() - started);
    }
  }
  return times;
}

timeEach(corpus, 1); // warm: per-product matchers are built on first use
const report = (name: string, times: number[]) => {
  const { median, p99 } = summarize(times);
  console.log(`  ${name.padEnd(46)} ${String(times.length).padStart(6)} questions: median ${ms(median)}, p99 ${ms(p99)}, max ${ms(Math.max(...times))}`);
  return { median, p99 };
};
console.log(`resolver built in ${ms(buildMs)} (catalogue of ${catalog.releaseCount} releases)`);
const ordinary = report('corpus, as people type (x20)', timeEach(corpus, 20));
report('every release by product and release, and by label', timeEach(releases, 1));
const worst = report('crafted 300-character questions (x5)', timeEach(crafted, 5));
const allStarted = performance.now();
for (const question of corpus) resolve(question);
console.log(`  whole corpus once: ${ms(performance.now() - allStarted)}; all ${releases.length} release names once: see above`);
console.log(`  crafted p99 / ordinary p99: x${(worst.p99 / ordinary.p99).toFixed(2)}   (target: ordinary p99 < 1 ms; crafted about as cheap)`);
