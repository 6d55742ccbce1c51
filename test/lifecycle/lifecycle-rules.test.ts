// The rules that decide a status, each at a pinned date, checked through the answer people read.
import { describe, expect, it } from '@jest/globals';
import type { Release } from '../../src/catalog/catalog.js';
import { releaseTitle } from '../../src/catalog/release-title.js';
import type { CommandDeps } from '../../src/commands/command-types.js';
import { runText } from '../../src/commands/run-command.js';
import { computeLifecycle } from '../../src/lifecycle/compute-lifecycle.js';
import { describeStatus } from '../../src/render/describe-lifecycle.js';
import { plainFormat } from '../../src/render/formatter.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER, testCore } from '../helpers/test-core.js';

function release(product: string, name: string): Release {
  const found = testCore()
    .catalog.productByName.get(product)
    ?.releases.find((r) => r.name === name);
  if (!found) throw new Error(`no ${product} ${name} in the catalogue`);
  return found;
}

const say = async (deps: CommandDeps, text: string) => renderText(await runText(text, deps, SPEAKER));

describe('a passed main-support end ends every earlier phase', () => {
  it('samsung galaxy a03 after its security end (2026-02-21) is unsupported, its upgrades phase ended too', () => {
    const lifecycle = computeLifecycle(release('samsung-mobile', 'galaxy-a03'), '2026-02-22');
    expect(lifecycle.status).toBe('unsupported');
    expect(lifecycle.unsupportedSince).toBe('2026-02-21');
    expect(lifecycle.phases[0]?.ended).toBe(true);
  });

  it('eslint 9 after its maintenance end (2026-08-06) has only its open extended phase left, never "Supported"', () => {
    const lifecycle = computeLifecycle(release('eslint', '9'), '2026-08-07');
    expect(lifecycle.status).toBe('extended');
    expect(describeStatus(lifecycle, plainFormat)).toMatch(
      /^Only paid extended support remains: Extended Long Term Support/,
    );
  });

  it('eslint 9 the day before is still supported', () => {
    expect(computeLifecycle(release('eslint', '9'), '2026-08-06').status).toBe('active');
  });
});

describe('an end without a published date', () => {
  it('shopware 6.3 says support ended, date not published, and never borrows its active-support end', () => {
    const lifecycle = computeLifecycle(release('shopware', '6.3'), '2026-01-01');
    expect(lifecycle.status).toBe('unsupported');
    expect(lifecycle.unsupportedSince).toBeNull();
    const words = describeStatus(lifecycle, plainFormat);
    expect(words).toContain('date not published');
    expect(words).not.toContain('2021-05-04');
  });
});

describe('labels, titles and wording', () => {
  it("labels the supplemented Windows 7 ESU with the product's own phase name", () => {
    const esu = release('windows', '7-sp1').phases.find((phase) => phase.kind === 'extended');
    expect(esu?.label).toBe('Extended Security Updates');
  });

  it.each([
    ['windows-server', '2012-r2', 'Microsoft Windows Server 2012 R2 (LTSC)'],
    ['macos', '14', 'Apple macOS 14 (Sonoma)'],
    ['windows', '8.1', 'Microsoft Windows 8.1'],
    ['ubuntu', '22.04', "Ubuntu 22.04 'Jammy Jellyfish' (LTS)"],
  ])('titles %s %s as %j, never repeating the product', (product, name, title) => {
    expect(releaseTitle(release(product, name))).toBe(title);
  });

  it('does not stutter when a phase is named like its status', () => {
    const supported: Release = {
      ...release('windows', '8.1'),
      phases: [{ key: 'eol', label: 'Supported', kind: 'active', end: false }],
    };
    expect(describeStatus(computeLifecycle(supported, '2026-01-01'), plainFormat)).toBe(
      'Supported with no end date announced',
    );
  });

  it.each(['macos 14', '.net framework 4.8'])(
    'says %j is supported with no end date, not "Supported: Service Status"',
    async (typed) => {
      const text = await say(depsAt('2026-01-01'), typed);
      expect(text).toContain('Supported with no end date announced');
      expect(text).not.toMatch(/Supported: (?:Service|Support) Status/);
    },
  );

  it('says a counted release with no end announced is supported, not "Service Status", in the counts', async () => {
    const deps = depsAt('2026-01-01');
    const text = await say(deps, 'inventory set macos 14 12, .net framework 4.8 3, ios 16 2');
    expect(text).toContain('12 × Apple macOS 14 (Sonoma): supported, no end announced');
    expect(text).toContain('3 × Microsoft .NET Framework 4.8: supported, no end announced');
    expect(text).toContain('2 × Apple iOS 16: security updates only, no end announced');
    expect(text).not.toMatch(/(?:Service|Support) Status/);
  });

  it('says unsupported from the day after the last supported day', async () => {
    const text = await say(depsAt('2023-01-11'), 'windows 8.1');
    expect(text).toContain('Unsupported since 2023-01-11: no more updates (last supported day 2023-01-10)');
    expect(text).toContain('Security Support: ended after 2023-01-10 (1 day ago)');
    expect(await say(depsAt('2023-01-10'), 'windows 8.1')).toContain(
      'Security updates only: Security Support until 2023-01-10 (last day)',
    );
  });

  it.each(['exchange 2016', 'java 8', 'sql server 2014', 'server 2012 r2', 'win 8.1'])(
    'never calls %j a typo',
    async (typed) => {
      expect(await say(depsAt('2026-01-01'), typed)).not.toContain('typo');
    },
  );

  it('calls a real typo one', async () => {
    expect(await say(depsAt('2026-01-01'), 'windwos 8.1')).toContain('(read "windwos" as a typo)');
  });
});

describe('dates before a release existed', () => {
  it('windows 10 22h2 on 2017-06-28 is not released yet', async () => {
    const text = await say(depsAt('2026-11-28'), 'windows 10 22h2 on 2017-06-28');
    expect(text).toContain('Not released yet on 2017-06-28 (released 2022-10-18)');
    expect(text).not.toContain('days left)\n  Active');
  });

  it('ubuntu 24.04 on 2017-06-28 is not released yet', () => {
    expect(computeLifecycle(release('ubuntu', '24.04'), '2017-06-28').status).toBe('unreleased');
  });

  it('lists Windows on 2018-03-31 as it stood then: no later releases, the supported ones shown', async () => {
    const text = await say(depsAt('2026-11-28'), 'windows on 2018-03-31');
    for (const later of ['Windows 11 ', 'Windows 10 22H2', 'Windows 10 21H2', 'Windows 10 1803'])
      expect(text).not.toContain(`  ${later}`);
    for (const then of [
      /Windows 10 1709 \(Enterprise, Education\) +supported until 2020-10-13 \(2 years left\)/,
      /Windows 10 1607 \(Enterprise LTSC\) +supported until 2021-10-12/,
      /Windows 8\.1 +security updates only until 2023-01-10/,
      /Windows 7 SP1 +security updates only until 2020-01-14/,
      /Windows 8 +ended 2 years ago \(2016-01-12\)/,
      /Windows Vista SP2 +ended 11 months ago \(2017-04-11\)/,
    ]) {
      expect(text).toMatch(then);
    }
  });

  it("marks the latest version as today's fact on another date, and not on today", async () => {
    expect(await say(depsAt('2026-11-28'), 'windows 8.1 on 2017-06-28')).toContain('Latest today: 6.3.9600');
    expect(await say(depsAt('2026-11-28'), 'windows 8.1')).toContain('  Latest: 6.3.9600');
  });
});

describe('inventory lines name which support ends', () => {
  it('Windows 8.1 in June 2017: active support until 2018-01-09, security until 2023-01-10', async () => {
    const deps = depsAt('2017-06-28');
    const text = await say(deps, 'inventory set windows-8.1 14450');
    expect(text).toContain(
      '14,450 × Microsoft Windows 8.1: Active Support until 2018-01-09, Security Support until 2023-01-10',
    );
  });
});
