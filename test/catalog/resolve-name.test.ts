import { describe, expect, it } from '@jest/globals';
import { createResolver } from '../../src/catalog/resolve-name.js';
import { answerOf } from '../helpers/answer-of.js';
import { testCore } from '../helpers/test-core.js';

const resolve = createResolver(testCore().catalog);

describe('resolving names as people type them', () => {
  it.each([
    ['windows-8.1', 'windows/8.1'],
    ['win 8.1', 'windows/8.1'],
    ['Windows 8.1', 'windows/8.1'],
    ['WINDOWS 8.1', 'windows/8.1'],
    ['windows_8.1', 'windows/8.1'],
    ['xp', 'windows/5-sp3'],
    ['windows xp', 'windows/5-sp3'],
    ['XP SP3', 'windows/5-sp3'],
    ['vista', 'windows/6-sp2'],
    ['windows vista', 'windows/6-sp2'],
    ['win7', 'windows/7-sp1'],
    ['windows 7', 'windows/7-sp1'],
    ['windows 8', 'windows/8'],
    ['win10 22h2', 'windows/10-22h2'],
    ['windows-10-22h2', 'windows/10-22h2'],
    ['server 2012 r2', 'windows-server/2012-r2'],
    ['windows server 2008 r2', 'windows-server/2008-r2-sp1'],
    ['windows-server-2019', 'windows-server/2019'],
    ['ubuntu 22.04', 'ubuntu/22.04'],
    ['ubuntu jammy', 'ubuntu/22.04'],
    ['jammy', 'ubuntu/22.04'],
    ['ubuntu 22.04.3', 'ubuntu/22.04'],
    ['rhel 7', 'rhel/7'],
    ['red hat 7', 'rhel/7'],
    ['rhel8', 'rhel/8'],
    ['debian buster', 'debian/10'],
    ['macos monterey', 'macos/12'],
    ['mac os x 10.6', 'macos/10.6'],
    ['node 18', 'nodejs/18'],
    ['node 18.19.0', 'nodejs/18'],
    ['postgres 12', 'postgresql/12'],
  ])('resolves %j to %s', (typed, expected) => {
    expect(answerOf(resolve(typed))).toBe(expected);
  });

  // Words after the version that, with the product's words, name another product (CentOS Stream); a
  // family's product named after its version ("java 17 temurin"). Other words after a version are
  // noise and change nothing.
  it.each([
    ['centos 8 stream', 'centos-stream/8'],
    ['CentOS 8 Stream', 'centos-stream/8'],
    ['centos 9 stream', 'centos-stream/9'],
    ['is centos 8 stream still supported', 'centos-stream/8'],
    ['centos stream 8', 'centos-stream/8'],
    ['centos 8', 'centos/8'],
    ['centos 7 linux', 'centos/7'],
    ['ubuntu 20.04 server', 'ubuntu/20.04'],
    ['rhel 8 stream', 'rhel/8'],
    ['java 17 temurin', 'eclipse-temurin/17'],
    ['java 17 eclipse temurin', 'eclipse-temurin/17'],
    ['java 17 corretto', 'amazon-corretto/17'],
    ['java 21 zulu', 'azul-zulu/21'],
    ['java 8 red hat', 'redhat-build-of-openjdk/8'],
    ['java 17 microsoft', 'microsoft-build-of-openjdk/17'],
    // A kernel version after the name, as device exports give it: never dropped to a shorter release.
    ['windows server 2012 r2 6.3', 'windows-server/2012-r2'],
    ['Windows Server 2012 R2 6.3 6.3.9600', 'windows-server/2012-r2'],
  ])('reads the words after the version in %j: %s', (typed, expected) => {
    expect(answerOf(resolve(typed))).toBe(expected);
  });

  it('asks between the family products a word after the version leaves', () => {
    const oracle = resolve('java 11 oracle');
    expect(oracle.kind === 'ambiguous' && oracle.candidates).toEqual([
      'oracle-jdk 11',
      'openjdk-builds-from-oracle 11',
    ]);
    // A word no product of the family is named with narrows nothing.
    const [lts, all] = [resolve('java 17 lts'), resolve('java 17')];
    expect(all.kind === 'ambiguous' && all.candidates.length).toBeGreaterThan(2);
    expect(lts.kind === 'ambiguous' && lts.candidates).toEqual(all.kind === 'ambiguous' && all.candidates);
  });

  it.each([
    ['windwos 8.1', 'windows/8.1', 'windwos'],
    ['ubunto 22.04', 'ubuntu/22.04', 'ubunto'],
  ])('reads the typo %j as %s and says so', (typed, expected, typo) => {
    const resolution = resolve(typed);
    expect(answerOf(resolution)).toBe(expected);
    expect(resolution.kind === 'release' && resolution.correctedFrom).toBe(typo);
  });

  it.each([
    ['windows', 'windows/*'],
    ['windows 10', 'windows/*'],
    ['win11', 'windows/*'],
    ['windows 10 1607', 'windows/*'],
  ])('lists the releases %j could mean (%s)', (typed, expected) => {
    const resolution = resolve(typed);
    expect(answerOf(resolution)).toBe(expected);
    expect(resolution.kind === 'releases' && resolution.releases.length).toBeGreaterThan(1);
  });

  it('lists only the releases of "windows 10", never Windows 11', () => {
    const resolution = resolve('windows 10');
    const names = resolution.kind === 'releases' ? resolution.releases.map((release) => release.name) : [];
    expect(names).toContain('10-22h2');
    expect(names.every((name) => name.startsWith('10-'))).toBe(true);
  });

  it.each(['foobar', 'nope', 'lts', 'windows 99', '', '   ', '<!channel>', '8.1', "'; DROP TABLE releases; --"])(
    'finds nothing for %j',
    (typed) => {
      expect(resolve(typed).kind).toBe('not-found');
    },
  );

  it('suggests the closest products for an unknown name', () => {
    const resolution = resolve('rehl');
    expect(resolution.kind === 'not-found' && resolution.suggestions).toContain('rhel');
  });

  it('suggests releases of a known product when the release is unknown', () => {
    const resolution = resolve('windows 99');
    expect(resolution.kind === 'not-found' && resolution.suggestions.every((name) => name.startsWith('windows '))).toBe(
      true,
    );
  });

  it('suggests products that have a bare release name', () => {
    const resolution = resolve('8.1');
    expect(resolution.kind === 'not-found' && resolution.suggestions).toContain('android 8.1');
  });

  it('resolves every release of the catalogue by its product and release names', () => {
    const misses = testCore().catalog.products.flatMap((product) =>
      product.releases.filter(
        (release) => answerOf(resolve(`${product.name} ${release.name}`)) !== `${product.name}/${release.name}`,
      ),
    );
    expect(misses.map((release) => `${release.productName} ${release.name}`)).toEqual([]);
  });
});
