// The support timeline's data and words: a bar per phase, open phases drawn paler to a horizon, the
// team's counts beside its releases, contracts as their own bar, and refusals for names it cannot draw.
import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '../../src/commands/parse-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import type { Chart } from '../../src/charts/chart.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

async function run(text: string, asOf = '2017-06-28', prepare?: (store: MemoryStore) => Promise<void>) {
  const store = new MemoryStore();
  await prepare?.(store);
  return runCommand(parseCommand(text), depsAt(asOf, { store: async () => store }), SPEAKER);
}

async function timeline(
  text: string,
  asOf = '2017-06-28',
  prepare?: (store: MemoryStore) => Promise<void>,
): Promise<Chart> {
  const result = await run(text, asOf, prepare);
  if (result.kind !== 'chart') throw new Error(`expected a chart, got ${JSON.stringify(result)}`);
  return result.chart;
}

type Bar = { release: string; band: string; phase: string; start: string; end: string; open: boolean; label: string };
const bars = (chart: Chart) => (chart.spec.layer as { data: { values: Bar[] } }[])[0]?.data.values ?? [];
const rowsOf = (chart: Chart) => [...new Set(bars(chart).map((bar) => bar.release))];

const metCounts = async (store: MemoryStore) => {
  await store.setCounts(
    SPEAKER,
    [
      { release: 'windows/5-sp3', count: 18293 },
      { release: 'windows/8.1', count: 14450 },
    ],
    { user: 'U1', at: '2017-06-01T09:00:00.000Z' },
  );
};

describe('the support timeline', () => {
  it('draws each named release as its phases, in the order named', async () => {
    const chart = await timeline('chart xp, windows 8.1, server 2012 r2');
    expect(chart.kind).toBe('timeline');
    expect(rowsOf(chart)).toEqual([
      'Microsoft Windows XP SP3',
      'Microsoft Windows 8.1',
      'Microsoft Windows Server 2012 R2 (LTSC)',
    ]);
    expect(
      bars(chart)
        .filter((bar) => bar.release === 'Microsoft Windows XP SP3')
        .map(({ band, start, end }) => ({ band, start, end })),
    ).toEqual([
      { band: 'supported', start: '2008-04-21', end: '2009-04-14' },
      { band: 'security fixes only', start: '2009-04-15', end: '2014-04-08' },
    ]);
    expect(chart.altText).toContain(
      'Microsoft Windows 8.1: Active Support 2013-11-13 to 2018-01-09; Security Support 2018-01-10 to 2023-01-10; supported until 2023-01-10.',
    );
    expect(chart.summary).toBe('3 releases; today is 2017-06-28.');
  });

  it("puts the channel's machine counts beside its releases, and draws them with no names", async () => {
    const chart = await timeline('chart', '2017-06-28', metCounts);
    expect(rowsOf(chart)).toEqual([
      'Microsoft Windows XP SP3 (18,293 machines)',
      'Microsoft Windows 8.1 (14,450 machines)',
    ]);
    expect(chart.summary).toBe(
      '32,743 machines on 2 of these releases, 18,293 of them on releases out of support on 2017-06-28.',
    );
    const named = await timeline('chart windows 8.1, windows 10 22h2', '2017-06-28', metCounts);
    expect(rowsOf(named)).toEqual(['Microsoft Windows 8.1 (14,450 machines)', 'Microsoft Windows 10 22H2']);
  });

  it('draws a phase with no end announced paler, to a horizon, and says it is open', async () => {
    const chart = await timeline('chart macos 15', '2026-11-29');
    const open = bars(chart).filter((bar) => bar.open);
    expect(open.length).toBeGreaterThan(0);
    for (const bar of open) expect(bar.phase).toMatch(/no end announced/);
    expect(chart.altText).toMatch(/to open/);
  });

  it("draws a team's own contract as a bar of its own, after the vendor's phases", async () => {
    const chart = await timeline('chart xp', '2017-06-28', async (store) => {
      await store.setContract(SPEAKER, 'windows/5-sp3', {
        until: '2019-04-08',
        name: 'Custom support',
        by: 'U1',
        at: '2017-01-01T00:00:00.000Z',
      });
    });
    const contract = bars(chart).find((bar) => bar.band === 'own support contract');
    expect(contract).toMatchObject({ start: '2014-04-09', end: '2019-04-08', phase: 'Custom support' });
  });

  it("shows a product's newest releases, at most 25", async () => {
    const chart = await timeline('chart ubuntu');
    expect(rowsOf(chart).length).toBeLessThanOrEqual(25);
    expect(rowsOf(chart)[0]).toMatch(/^Ubuntu/);
  });

  it.each([
    ['chart frobnicator 9', 'Nothing to draw: “frobnicator 9” unknown release'],
    ['chart', 'with no names it draws the releases this channel counts, and it has none'],
  ])('%j says why it draws nothing', async (text, reason) => {
    const result = await run(text);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });
});
