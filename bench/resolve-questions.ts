// Time per question through the resolver: the committed corpus (as people type), every release by
// its product and release names and by its label, and crafted worst cases (300 characters of
// near-miss words, typos and versions). Figures: median, p99 and max per question, and the ratio of
// the worst crafted question to an ordinary one. Target: p99 per question under 1 ms.
import { readFileSync } from 'node:fs';
import { createResolver } from '../src/catalog/resolve-name.js';
import { testCore } from '../test/helpers/test-core.js';
import { craftedQuestions } from './crafted-questions.js';
import { ms, summarize } from './stats.js';

const catalog = testCore().catalog;
const built = performance.now();
const resolve = createResolver(catalog);
const buildMs = performance.now() - built;

const corpus = readFileSync('test/fixtures/questions.tsv', 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t')[0] as string);
const releases = catalog.products.flatMap((product) =>
  product.releases.flatMap((release) => [`${product.name} ${release.name}`, `${product.label} ${release.label}`]),
);

const crafted = craftedQuestions(200, 7);

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
  console.log(
    `  ${name.padEnd(46)} ${String(times.length).padStart(6)} questions: median ${ms(median)}, p99 ${ms(p99)}, max ${ms(Math.max(...times))}`,
  );
  return { median, p99 };
};
console.log(`resolver built in ${ms(buildMs)} (catalogue of ${catalog.releaseCount} releases)`);
const ordinary = report('corpus, as people type (x20)', timeEach(corpus, 20));
report('every release by product and release, and by label', timeEach(releases, 1));
const worst = report('crafted 300-character questions (x5)', timeEach(crafted, 5));
const allStarted = performance.now();
for (const question of corpus) resolve(question);
console.log(
  `  whole corpus once: ${ms(performance.now() - allStarted)}; all ${releases.length} release names once: see above`,
);
console.log(
  `  crafted p99 / ordinary p99: x${(worst.p99 / ordinary.p99).toFixed(2)}   (target: ordinary p99 < 1 ms; crafted about as cheap)`,
);
