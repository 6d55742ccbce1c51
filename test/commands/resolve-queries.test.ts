// The names one question asks about: "and", "&", "vs" between names ask about each, unless the word is
// part of the name; a bare version after a name is read in that name's product. Each question is
// parsed as /eol parses it and resolved with the real catalogue.
import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../src/commands/parse-command.js';
import { resolveQueries } from '../../src/commands/resolve-queries.js';
import { runCommand } from '../../src/commands/run-command.js';
import { renderText } from '../../src/render/render-text.js';
import { answerOf } from '../helpers/answer-of.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const resolve = depsAt('2026-12-06').resolve;

const answersTo = (text: string): string[] => {
  const request = parseCommand(text);
  if (request.kind !== 'lookup') throw new Error(`${text} is no lookup`);
  return resolveQueries(request.queries, resolve).map(answerOf);
};

describe('several names in one question', () => {
  it.each([
    ['xp and vista', ['windows/5-sp3', 'windows/6-sp2']],
    ['is xp and vista still supported?', ['windows/5-sp3', 'windows/6-sp2']],
    ['XP & Vista', ['windows/5-sp3', 'windows/6-sp2']],
    ['windows 7 vs windows 10 22h2', ['windows/7-sp1', 'windows/10-22h2']],
    ['windows 7 vs. 10 22h2', ['windows/7-sp1', 'windows/10-22h2']],
    ['windows 7 versus windows 8.1', ['windows/7-sp1', 'windows/8.1']],
    ['ubuntu 20.04 and 22.04', ['ubuntu/20.04', 'ubuntu/22.04']],
    ['ubuntu 20.04 & 22.04', ['ubuntu/20.04', 'ubuntu/22.04']],
    ['ubuntu 20.04, 22.04', ['ubuntu/20.04', 'ubuntu/22.04']],
    ['xp, 8.1 and 10 22h2', ['windows/5-sp3', 'windows/8.1', 'windows/10-22h2']],
    ['rhel 7, 8', ['rhel/7', 'rhel/8']],
    ['sql server 2016, 2019', ['mssqlserver/13.0-sp3', 'mssqlserver/15.0']],
    ['windows server 2016 and 2019', ['windows-server/2016', 'windows-server/2019']],
    ['debian 11 and 12', ['debian/11', 'debian/12']],
    ['rhel 7 and 8 on 2025-01-01', ['rhel/7', 'rhel/8']],
    ['centos 7 and centos 8 stream', ['centos/7', 'centos-stream/8']],
    ['vista or 7', ['windows/6-sp2', 'windows/7-sp1']],
    ['is xp or vista still supported?', ['windows/5-sp3', 'windows/6-sp2']],
    ['ubuntu 20.04 or 22.04', ['ubuntu/20.04', 'ubuntu/22.04']],
    // A slash or plus between versions, as people list them.
    ['windows 7/8.1/10 22h2', ['windows/7-sp1', 'windows/8.1', 'windows/10-22h2']],
    ['python 3.8 / 3.9', ['python/3.8', 'python/3.9']],
    ['ubuntu 20.04/22.04', ['ubuntu/20.04', 'ubuntu/22.04']],
    ['php 7.4 + 8.0', ['php/7.4', 'php/8.0']],
    ['php 7.4+8.0', ['php/7.4', 'php/8.0']],
    ['rhel 7/8 on 2025-01-01', ['rhel/7', 'rhel/8']],
    // Versions listed with spaces, as people type them after one name.
    ['rhel 7 8 9', ['rhel/7', 'rhel/8', 'rhel/9']],
    ['ubuntu 18.04 20.04 22.04', ['ubuntu/18.04', 'ubuntu/20.04', 'ubuntu/22.04']],
    ['node 16 18 20', ['nodejs/16', 'nodejs/18', 'nodejs/20']],
    ['windows server 2019 2022', ['windows-server/2019', 'windows-server/2022']],
    ['sql server 2016 2019', ['mssqlserver/13.0-sp3', 'mssqlserver/15.0']],
    ['is rhel 8 9 still supported?', ['rhel/8', 'rhel/9']],
  ])('reads %j as each of %j', (text, expected) => {
    expect(answersTo(text)).toEqual(expected);
  });

  it.each([
    ['citrix virtual apps and desktops 2203', ['citrix-vad/2203']],
    ['veeam backup & replication 12', ['veeam-backup-and-replication/12']],
    // A part that names nothing: the question is one, as typed.
    ['is windows 10 22h2 supported or not', ['windows/10-22h2']],
    ['is xp dead or alive?', ['windows/5-sp3']],
    // A slash between words is no list; between a day's numbers it is the day, read before.
    ['xp on 28/06/2017', ['windows/5-sp3']],
    ['windows 10 22h2 in 10/2027', ['windows/10-22h2']],
  ])('keeps %j whole', (text, expected) => {
    expect(answersTo(text)).toEqual(expected);
  });

  it.each([
    ['Windows 10 Pro, 22H2', ['windows/10-22h2']],
    ['Windows 10, 22H2', ['windows/10-22h2']],
    ['Windows 10, v. 22H2', ['windows/10-22h2']],
    ['windows 10, v22h2', ['windows/10-22h2']],
    ['windows 10 enterprise, 21h2', ['windows/10-21h2-e']],
    ['xp, Windows 10 Pro, 22H2', ['windows/5-sp3', 'windows/10-22h2']],
    ['windows 11 pro, 23h2', ['windows/11-23h2-w']],
  ])(
    'reads %j, a version after a comma that names nothing alone, as the name before it made narrower',
    (text, expected) => {
      expect(answersTo(text)).toEqual(expected);
    },
  );

  it.each([
    ['python 3.8-3.12', ['python/3.8', 'python/3.9', 'python/3.10', 'python/3.11', 'python/3.12']],
    ['node 16 – 20', ['nodejs/16', 'nodejs/17', 'nodejs/18', 'nodejs/19', 'nodejs/20']],
    ['rhel 7-9', ['rhel/7', 'rhel/8', 'rhel/9']],
    ['php 8.1-7.4', ['php/7.4', 'php/8.0', 'php/8.1']],
    ['is php 7.4 - 8.1 still supported?', ['php/7.4', 'php/8.0', 'php/8.1']],
  ])('reads the range %j as each release in it, oldest first', (text, expected) => {
    expect(answersTo(text)).toEqual(expected);
  });

  it('reads "or later" as no one release, never split at its "or" nor answered as the release it starts from', () => {
    expect(answersTo('windows 8.1 or later')).toEqual(['not-found']);
    expect(answersTo('xp or vista')).toEqual(['windows/5-sp3', 'windows/6-sp2']);
  });

  it('reads no range where a dash is no range of versions', () => {
    expect(answersTo('windows 10 22h2 - 40')).toEqual(['windows/10-22h2']);
    expect(answersTo('xp on 2017-06-28')).toEqual(['windows/5-sp3']);
  });

  it.each([
    ['ubuntu 4.10-26.04', 'ubuntu/*'],
    ['node 4-24', 'nodejs/*'],
    ['is ubuntu 14.04 - 26.04 still supported', 'ubuntu/*'],
  ])(
    'reads %j, a range of more releases than a question names one by one, as the product’s listing',
    (text, listing) => {
      expect(answersTo(text)).toEqual([listing]);
    },
  );

  it('reads versions listed with spaces only when each names one release', () => {
    expect(answersTo('ubuntu 22.04 12')).toEqual(['not-found']);
    expect(answersTo('windows 7 8.1 10')).toEqual(['not-found']);
  });

  it('keeps a version after a comma a release of its own when it names one', () => {
    expect(answersTo('windows 10, 11')).toEqual(['windows/*', 'windows/*']);
    expect(answersTo('rhel 7, 8')).toEqual(['rhel/7', 'rhel/8']);
  });

  it('reads a question of more parts than a question has names whole: its work is bounded', () => {
    expect(answersTo(Array.from({ length: 25 }, () => 'xp').join(' and '))).toHaveLength(1);
    expect(answersTo(Array.from({ length: 20 }, () => 'xp').join(' and '))).toHaveLength(20);
  });

  it('reads a bare version alone when no name came before it, or when it names a release itself', () => {
    expect(answersTo('8.1')).toEqual(['not-found']);
    expect(answersTo('xp, 10.0.19045')).toEqual(['windows/5-sp3', 'windows/10-22h2']);
  });
});

it('answers each name of "xp and vista" in /eol, never the first alone', async () => {
  const text = renderText(
    await runCommand(parseCommand('is xp and vista still supported?'), depsAt('2026-12-06'), SPEAKER),
  );
  expect(text).toContain('Microsoft Windows XP SP3: Unsupported since 2014-04-09');
  expect(text).toContain('Microsoft Windows Vista SP2: Unsupported since 2017-04-12');
});

describe('a product asked for with "lts" alone', () => {
  it.each([
    ['node lts', 'nodejs'],
    ['ubuntu lts', 'ubuntu'],
    ['ubuntu lts releases', 'ubuntu'],
  ])('lists only the long-term-support releases of %j', (text, product) => {
    const request = parseCommand(text);
    if (request.kind !== 'lookup') throw new Error(`${text} is no lookup`);
    const [resolution] = resolveQueries(request.queries, resolve);
    expect(resolution?.kind).toBe('releases');
    if (resolution?.kind !== 'releases') return;
    expect(resolution.product.name).toBe(product);
    expect(resolution.releases.length).toBeGreaterThan(3);
    expect(resolution.releases.every((release) => release.lts)).toBe(true);
  });

  it('answers python lts as not found: Python marks no release so', () => {
    expect(answersTo('python lts')).toEqual(['not-found']);
  });
});
