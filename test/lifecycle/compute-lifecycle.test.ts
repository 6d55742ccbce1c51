import { describe, expect, it } from '@jest/globals';
import type { Release } from '../../src/catalog/catalog.js';
import { computeLifecycle } from '../../src/lifecycle/compute-lifecycle.js';
import { testCore } from '../helpers/test-core.js';

function release(product: string, name: string): Release {
  const found = testCore()
    .catalog.productByName.get(product)
    ?.releases.find((r) => r.name === name);
  if (!found) throw new Error(`no ${product} ${name} in the catalogue`);
  return found;
}

const phaseOf = (lifecycle: ReturnType<typeof computeLifecycle>, key: string) =>
  lifecycle.phases.find((state) => state.phase.key === key);

describe('Windows 8.1 through its lifecycle', () => {
  const windows81 = release('windows', '8.1');

  it.each([
    ['2017-06-28', 'active', 'eoas', 195],
    ['2018-01-09', 'active', 'eoas', 0],
    ['2018-01-10', 'security', 'eol', 1826],
    ['2022-12-11', 'security', 'eol', 30],
    ['2023-01-10', 'security', 'eol', 0],
  ])('on %s is in %s support, %s ends in %i days', (asOf, status, phase, daysLeft) => {
    const lifecycle = computeLifecycle(windows81, asOf);
    expect(lifecycle.status).toBe(status);
    expect(lifecycle.current?.phase.key).toBe(phase);
    expect(lifecycle.current?.daysLeft).toBe(daysLeft);
  });

  it('on 2017-06-28 names the end of each phase: active to 2018-01-09, security to 2023-01-10', () => {
    const lifecycle = computeLifecycle(windows81, '2017-06-28');
    expect(phaseOf(lifecycle, 'eoas')?.phase.end).toBe('2018-01-09');
    expect(phaseOf(lifecycle, 'eol')?.phase.end).toBe('2023-01-10');
    expect(phaseOf(lifecycle, 'eol')?.phase.label).toBe('Security Support');
  });

  it('on 2023-01-11 is unsupported since 2023-01-10, one day ago', () => {
    const lifecycle = computeLifecycle(windows81, '2023-01-11');
    expect(lifecycle.status).toBe('unsupported');
    expect(lifecycle.unsupportedSince).toBe('2023-01-10');
    expect(phaseOf(lifecycle, 'eol')?.daysSince).toBe(1);
  });
});

describe('other releases', () => {
  it('Windows 10 22H2 on 2026-01-01: security support over, paid ESU remains to 2028-10-10', () => {
    const lifecycle = computeLifecycle(release('windows', '10-22h2'), '2026-01-01');
    expect(lifecycle.status).toBe('extended');
    expect(phaseOf(lifecycle, 'eol')?.ended).toBe(true);
    expect(phaseOf(lifecycle, 'eoes')?.phase.end).toBe('2028-10-10');
    expect(phaseOf(lifecycle, 'eoes-consumer')?.phase.end).toBe('2026-10-13');
  });

  it('Windows 10 22H2 after the consumer ESU: only the commercial ESU is left', () => {
    const lifecycle = computeLifecycle(release('windows', '10-22h2'), '2026-10-14');
    expect(lifecycle.status).toBe('extended');
    expect(lifecycle.current?.phase.key).toBe('eoes');
  });

  it('XP is unsupported since 2014-04-08', () => {
    const lifecycle = computeLifecycle(release('windows', '5-sp3'), '2017-06-28');
    expect(lifecycle.status).toBe('unsupported');
    expect(lifecycle.unsupportedSince).toBe('2014-04-08');
  });

  it('Windows 7 SP1 carries its ESU from our supplements, to 2023-01-10, with the source', () => {
    const lifecycle = computeLifecycle(release('windows', '7-sp1'), '2022-06-01');
    expect(lifecycle.status).toBe('extended');
    expect(lifecycle.current?.phase.end).toBe('2023-01-10');
    expect(lifecycle.current?.phase.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('uses the phase dates, not the flags frozen at the snapshot: Ubuntu 22.04 in 2020 is active', () => {
    expect(computeLifecycle(release('ubuntu', '22.04'), '2023-01-01').status).toBe('active');
    expect(computeLifecycle(release('ubuntu', '22.04'), '2027-04-02').status).toBe('extended');
  });

  it.each([
    ['rhel', '7', ['Full Support', 'Maintenance Support', 'Extended Life Cycle Support']],
    ['ubuntu', '22.04', ['Hardware & Maintenance', 'Maintenance & Security Support', 'Expanded Security Maintenance']],
    ['windows', '10-22h2', ['Active Support', 'Security Support', 'Consumer ESU', 'Extended Security Updates']],
  ])("names %s %s's phases in the product's own words", (product, name, labels) => {
    expect(computeLifecycle(release(product, name), '2026-01-01').phases.map((state) => state.phase.label)).toEqual(
      labels,
    );
  });

  it('treats a phase with no end date announced as still running', () => {
    const lifecycle = computeLifecycle(release('nodejs', '20'), '2026-11-27');
    expect(lifecycle.status).toBe('extended');
    expect(lifecycle.current?.phase.end).toBe(false);
  });
});
