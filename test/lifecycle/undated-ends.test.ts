// A phase that ended on a day nobody published never overrides a dated phase before it: swept over
// every release of the catalogue on every day a dated phase ends and the day after, against a
// reading of the catalogue's dates written here independently of compute-lifecycle's rules.
import { describe, expect, it } from '@jest/globals';
import type { Phase, Release } from '../../src/catalog/catalog.js';
import { addDays } from '../../src/leaf/calendar-date.js';
import { computeLifecycle } from '../../src/lifecycle/compute-lifecycle.js';
import { describeStatus } from '../../src/render/describe-lifecycle.js';
import { plainFormat } from '../../src/render/formatter.js';
import { testCore } from '../helpers/test-core.js';

const RANK: Record<Phase['kind'], number | null> = { active: 0, security: 1, extended: 2, contract: null };
const releases = testCore().catalog.products.flatMap((product) => product.releases);

/** The dated vendor phase running on `day` that nothing later has visibly ended, if any. */
function datedPhaseRunning(release: Release, day: string): Phase | undefined {
  const vendor = release.phases.filter((phase) => RANK[phase.kind] !== null);
  const endedByDate = (phase: Phase) => typeof phase.end === 'string' && phase.end < day;
  return vendor.find(
    (phase) =>
      typeof phase.end === 'string' &&
      phase.end >= day &&
      // Vendor phases nest: a later kind that ended on a dated day before this one ends it too.
      !vendor.some((later) => (RANK[later.kind] as number) > (RANK[phase.kind] as number) && endedByDate(later)),
  );
}

function boundaryDays(release: Release): string[] {
  const ends = release.phases.flatMap((phase) =>
    typeof phase.end === 'string' ? [phase.end, addDays(phase.end, 1)] : [],
  );
  return [...new Set(ends)].filter((day) => day >= release.releaseDate);
}

describe('undated ends never override dated ones', () => {
  it('sweeps every release with a phase of unpublished end', () => {
    expect(releases.filter((release) => release.phases.some((phase) => phase.end === true)).length).toBeGreaterThan(50);
  });

  it('is never "Unsupported" or "unknown" on a day a dated phase was still running', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const release of releases) {
      for (const day of boundaryDays(release)) {
        const running = datedPhaseRunning(release, day);
        if (!running) continue;
        checked += 1;
        const lifecycle = computeLifecycle(release, day);
        if (lifecycle.status === 'unsupported' || lifecycle.status === 'unknown') {
          wrong.push(
            `${release.productName} ${release.name} on ${day}: ${describeStatus(lifecycle, plainFormat)} (${running.label} runs to ${String(running.end)})`,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['amazon-rds-mysql', '5.6', '2014-04-08', 'Supported: Minor Standard Support until 2022-03-01'],
    ['samsung-mobile', 'galaxy-a12-india', '2023-01-10', 'Supported: Android Upgrades until 2023-08-12'],
    ['cakephp', '4.1', '2020-12-21', 'Supported: Active Support until 2020-12-21 (last day)'],
  ])('%s %s on %s: %s', (product, name, day, words) => {
    const release = releases.find(
      (candidate) => candidate.productName === product && candidate.name === name,
    ) as Release;
    expect(describeStatus(computeLifecycle(release, day), plainFormat)).toContain(words);
  });

  it('still says "date not published" once every dated phase has ended', () => {
    const release = releases.find(
      (candidate) => candidate.productName === 'amazon-rds-mysql' && candidate.name === '5.6',
    ) as Release;
    const lifecycle = computeLifecycle(release, '2022-03-02');
    expect(describeStatus(lifecycle, plainFormat)).toBe(
      'Unsupported: support ended (date not published), no more updates',
    );
    expect(lifecycle.phases.at(-1)?.endsAfter).toBe('2022-03-01');
  });
});
