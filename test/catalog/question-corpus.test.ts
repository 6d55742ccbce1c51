// Every question of the committed corpus (test/fixtures/questions.tsv), written as IT people type
// them, resolves to the answer a person would expect; and every release of the catalogue is found
// by its own names, never as another product's.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createResolver } from '../../src/catalog/resolve-name.js';
import { answerOf } from '../helpers/answer-of.js';
import { testCore } from '../helpers/test-core.js';

const catalog = testCore().catalog;
const resolve = createResolver(catalog);

const corpus = readFileSync('test/fixtures/questions.tsv', 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

describe('the question corpus', () => {
  it('has at least 300 questions', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
  });

  it.each(corpus)('reads %j as %s', (question, expected) => {
    expect(answerOf(resolve(question))).toBe(expected);
  });
});

describe('every release of the catalogue', () => {
  const everyRelease = catalog.products.flatMap((product) => product.releases.map((release) => ({ product, release })));

  it('resolves to itself by `product release`', () => {
    const misses = everyRelease.filter(
      ({ product, release }) =>
        answerOf(resolve(`${product.name} ${release.name}`)) !== `${product.name}/${release.name}`,
    );
    expect(misses.map(({ release }) => `${release.productName} ${release.name}`)).toEqual([]);
  });

  it('resolves to itself by each alias of its product', () => {
    const misses = everyRelease.flatMap(({ product, release }) =>
      product.aliases
        .map((alias) => ({ typed: `${alias} ${release.name}`, resolution: resolve(`${alias} ${release.name}`) }))
        .filter(({ resolution }) => resolution.kind !== 'release' || resolution.release !== release)
        // A service-pack lineage's base ("windowsserver 2003") means its last service pack.
        .filter(
          ({ resolution }) =>
            !(
              resolution.kind === 'release' &&
              resolution.release.productName === product.name &&
              /sp\d/.test(resolution.release.name)
            ),
        )
        .map(({ typed }) => typed),
    );
    expect(misses).toEqual([]);
  });

  it('resolves by its label to itself, or to a list holding it where the product gives two releases one label', () => {
    const misses = everyRelease.filter(({ product, release }) => {
      const resolution = resolve(`${product.label} ${release.label}`);
      if (resolution.kind === 'release') {
        if (resolution.release === release) return false;
        // "Microsoft SQL Server 2016" is the 2016 lineage, whose last service pack Microsoft supports.
        return !(
          resolution.release.productName === product.name &&
          resolution.release.label.startsWith(release.label) &&
          /sp\d/i.test(resolution.release.label)
        );
      }
      const sharedLabel = product.releases.filter((other) => other.label === release.label).length > 1;
      return !(resolution.kind === 'releases' && sharedLabel && resolution.releases.includes(release));
    });
    expect(misses.map(({ product, release }) => `${product.label} ${release.label}`)).toEqual([]);
  });

  it('is never another product when named by its product and release', () => {
    const wrong = everyRelease.filter(({ product, release }) => {
      const resolution = resolve(`${product.name} ${release.name}`);
      return (
        (resolution.kind === 'release' && resolution.release.productName !== product.name) ||
        (resolution.kind === 'releases' && resolution.product !== product)
      );
    });
    expect(wrong.map(({ release }) => `${release.productName} ${release.name}`)).toEqual([]);
  });
});
