// The burn-down's data and words, from a team's history: lines per release, each stretch in the band the
// release stood in that day, diamonds where a phase ended under counted machines, numbers in the text.
import { describe, expect, it } from '@jest/globals';
import { runCommand } from '../../src/commands/run-command.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import type { Chart } from '../../src/charts/chart.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

async function chartOf(text: string, asOf = '2017-06-28', store = new MemoryStore()) {
  const result = await runCommand(parseCommand(text), depsAt(asOf, { store: async () => store }), SPEAKER);
  return result;
}

async function metChart(asOf = '2017-06-28'): Promise<Chart> {
  const store = new MemoryStore();
  await saveMetHistory(store, SPEAKER);
  const result = await chartOf('inventory chart', asOf, store);
  if (result.kind !== 'chart') throw new Error(`expected a chart, got ${JSON.stringify(result)}`);
  return result.chart;
}

type Point = { release: string; segment: string; band: string; date: string; count: number; order: number };
const layers = (chart: Chart) =>
  chart.spec.layer as { data: { values: Record<string, unknown>[] }; mark: { type: string } }[];
const points = (chart: Chart) => layers(chart)[0]?.data.values as Point[];
const bandsOf = (chart: Chart, release: string) => [
  ...new Set(
    points(chart)
      .filter((point) => point.release === release)
      .map((point) => point.band),
  ),
];

describe('the projection at this pace', () => {
  type Projected = { release: string; date: string; count: number; low: number; high: number };
  /** The dashed line's points, every release's: the one line layer after the burn-down's own. */
  const projected = (chart: Chart, release: string) =>
    ((layers(chart).filter((layer) => layer.mark.type === 'line')[1]?.data.values ?? []) as Projected[]).filter(
      (point) => point.release === release,
    );

  it('draws XP on to zero around 2018-08, Windows 7 to its Security Support end, and 8.1 up to its next phase end', async () => {
    const chart = await metChart();
    const xp = projected(chart, 'Microsoft Windows XP SP3').filter(
      (point) => point.release === 'Microsoft Windows XP SP3',
    );
    expect(xp[0]).toMatchObject({ date: '2017-06-01', count: 18293 });
    expect(xp.at(-1)?.count).toBe(0);
    expect(xp.at(-1)?.date.slice(0, 7)).toBe('2018-08');
    const seven = projected(chart, 'Microsoft Windows 7 SP1');
    expect(seven.at(-1)?.date).toBe('2020-01-14');
    expect(seven.at(-1)?.count).toBeGreaterThan(1000);
    const eight = projected(chart, 'Microsoft Windows 8.1');
    expect(eight.at(-1)?.date).toBe('2018-01-09');
    expect(eight.at(-1)?.count).toBeGreaterThan(14450);
    for (const point of [...xp, ...seven, ...eight]) {
      expect(point.low).toBeLessThanOrEqual(point.count);
      expect(point.high).toBeGreaterThanOrEqual(point.count);
      expect(point.low).toBeGreaterThanOrEqual(0);
    }
    expect(chart.altText).toContain('with dashed projections at the pace of the last year to 2020-01-14');
  });

  it('draws no projection from too little history, and says none', async () => {
    const store = new MemoryStore();
    await store.setCounts(SPEAKER, [{ release: 'windows/5-sp3', count: 40 }], {
      user: 'U1',
      at: '2017-05-01T09:00:00Z',
    });
    const result = await chartOf('inventory chart', '2017-06-28', store);
    if (result.kind !== 'chart') throw new Error(JSON.stringify(result));
    expect(layers(result.chart).filter((layer) => layer.mark.type === 'area')).toEqual([]);
    expect(result.chart.summary).not.toContain('At this pace');
  });
});

describe('the burn-down chart', () => {
  it('states the numbers in its summary and alt text', async () => {
    const chart = await metChart();
    expect(chart.kind).toBe('burn-down');
    expect(chart.title).toBe('Machines per release, #C1');
    expect(chart.summary).toBe(
      '34,243 machines on 3 releases on 2017-06-28, 18,293 of them unsupported (53%). At this pace: Microsoft Windows XP SP3 zero around 2018-08; Microsoft Windows 8.1 growing by about 230 a month; about 16,000 machines still on it when Active Support ends on 2018-01-09: needs 2,300 a month; not falling; Microsoft Windows 7 SP1 zero around 2026-08; about 1,100 machines still on it when Security Support ends on 2020-01-14: needs 49 a month; moving 14.',
    );
    expect(chart.altText).toContain('Microsoft Windows XP SP3: 35,640 on 2013-06-03, 18,293 now (unsupported)');
    expect(chart.altText).toContain('Microsoft Windows 8.1: 5,640 on 2014-10-01, 14,450 now (supported)');
    expect(chart.altText).toContain('Microsoft Windows 7 SP1: 2,000 on 2013-06-03, 1,500 now (security fixes only)');
    expect(chart.fileBase).toBe('eolwatch-burn-down-20170628');
  });

  it('colours each stretch by where the release stood that day, changing on the day after a phase ended', async () => {
    const chart = await metChart();
    expect(bandsOf(chart, 'Microsoft Windows XP SP3')).toEqual(['security fixes only', 'unsupported']);
    expect(bandsOf(chart, 'Microsoft Windows 8.1')).toEqual(['supported']);
    expect(bandsOf(chart, 'Microsoft Windows 7 SP1')).toEqual(['supported', 'security fixes only']);
    const xp = points(chart).filter((point) => point.release === 'Microsoft Windows XP SP3');
    // Still 35,640 machines the day XP's last phase ended: the line turns at 2014-04-09, not at a count change.
    expect(xp.find((point) => point.band === 'unsupported')).toMatchObject({ date: '2014-04-09', count: 35640 });
    // One stretch per band: XP is two paths however many times its count changed.
    expect(new Set(xp.map((point) => point.segment)).size).toBe(2);
    expect(
      xp.filter((point) => point.band === 'security fixes only').every((point) => point.date <= '2014-04-09'),
    ).toBe(true);
    // Every line runs to the day asked about.
    expect(Math.max(...points(chart).map((point) => Date.parse(point.date)))).toBe(Date.parse('2017-06-28'));
  });

  it('marks where a phase ended under machines still counted, and names the largest lines at their end', async () => {
    const chart = await metChart();
    const [, markers, markerLabels, ends] = layers(chart);
    expect(markers?.data.values).toEqual([
      { date: '2014-04-09', count: 35640, label: 'Security Support ended' },
      { date: '2015-01-14', count: 2000, label: 'Active Support ended' },
    ]);
    expect(markerLabels?.data.values).toHaveLength(2);
    expect(ends?.data.values.map((value) => value.label)).toEqual([
      'Microsoft Windows XP SP3: 18,293',
      'Microsoft Windows 8.1: 14,450',
      'Microsoft Windows 7 SP1: 1,500',
    ]);
  });

  it('says the same history differently on another day: in 2013 nothing was unsupported yet', async () => {
    const chart = await metChart('2013-12-31');
    expect(chart.summary).toBe('37,640 machines on 2 releases on 2013-12-31, 0 of them unsupported (0%).');
  });

  it.each([
    ['inventory chart', 'this channel has no machine counts'],
    ['report chart', 'no team in this workspace has machine counts'],
  ])('%s with no history says there is nothing to draw, and how to start', async (text, reason) => {
    const result = await chartOf(text);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });

  it("adds up every team for the workspace, on the vendor's dates", async () => {
    const store = new MemoryStore();
    await saveMetHistory(store, { workspace: 'T1', channel: 'CMET' });
    await store.setCounts({ workspace: 'T1', channel: 'CNYPD' }, [{ release: 'windows/5-sp3', count: 7 }], {
      user: 'U2',
      at: '2016-02-01T12:00:00.000Z',
    });
    await store.setCounts({ workspace: 'T2', channel: 'COTHER' }, [{ release: 'windows/5-sp3', count: 1000 }], {
      user: 'U3',
      at: '2016-02-01T12:00:00.000Z',
    });
    const result = await chartOf('report chart', '2017-06-28', store);
    if (result.kind !== 'chart') throw new Error(JSON.stringify(result));
    expect(result.chart.title).toBe('Machines per release, the workspace');
    expect(result.chart.summary).toMatch(
      /^34,250 machines on 3 releases on 2017-06-28, 18,300 of them unsupported \(53%\)\. At this pace: Microsoft Windows XP SP3 zero around 2018-08;/,
    );
  });

  it.each([
    ['inventory chart xp', '`inventory chart` takes no names'],
    ['inventory chart --out', '`--out` takes one file name ending in .png or .svg'],
    ['inventory chart --out burn.gif', '`--out` takes one file name'],
    ['inventory chart --out a.png b.png', '`--out` takes one file name'],
  ])('refuses %j, saying why', async (text, reason) => {
    const request = parseCommand(text);
    expect(request.kind).toBe('invalid');
    expect(request.kind === 'invalid' && request.reason).toContain(reason);
  });

  it.each([
    ['inventory chart --out burn.png', { scope: 'team', out: 'burn.png' }],
    ['report chart --out /tmp/report.SVG', { scope: 'workspace', out: '/tmp/report.SVG' }],
    ['chart xp, windows 8.1 --out t.png', { scope: 'releases', text: 'xp, windows 8.1', out: 't.png' }],
    ['chart', { scope: 'releases', text: '', out: null }],
  ])('reads %j', (text, request) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'chart', ...request });
  });
});
