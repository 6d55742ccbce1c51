// Thousands of distinct /eol questions as people type them, for load that the answer cache cannot serve:
// the question corpus (test/fixtures/questions.tsv), then, from the catalogue, each release by product
// and label in the spellings people use, with and without a day or a period. Seeded: the same list
// every run.
import { readFileSync } from 'node:fs';
import type { Catalog } from '../src/catalog/catalog.js';
import { seededRandom } from '../test/helpers/seeded-random.js';

const WHEN = [
  '',
  '',
  '',
  ' on 2017-06-28',
  ' in 2027',
  ' on 28 June 2024',
  ' by end of 2026',
  ' in Q3 2025',
  ' as of 2023-01-10',
];

export function distinctQuestions(catalog: Catalog, count: number): string[] {
  const random = seededRandom(20261207);
  const corpus = readFileSync('test/fixtures/questions.tsv', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[0] ?? '');
  const releases = catalog.products.flatMap((product) => product.releases.map((release) => ({ product, release })));
  const questions = new Set(corpus);
  while (questions.size < count) {
    const { product, release } = releases[Math.floor(random() * releases.length)] as (typeof releases)[number];
    const name =
      [product.name, product.label, ...product.aliases][Math.floor(random() * (2 + product.aliases.length))] ??
      product.name;
    const label = random() < 0.5 ? release.label : release.name;
    const text = `${random() < 0.3 ? name.toLowerCase() : name} ${label}${WHEN[Math.floor(random() * WHEN.length)]}`;
    questions.add(text);
  }
  return [...questions].slice(0, count);
}
