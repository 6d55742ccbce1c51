// Forecasts from the burn-down: the seed's history (the Met's XP machines, Windows 7 and 8.1 in June 2017)
// and the shapes that break naive code.
import { describe, expect, it } from '@jest/globals';
import {
  DAYS_PER_MONTH,
  forecastRelease,
  roundEstimate,
  sumPoints,
  type CountPoint,
  type Forecast,
} from '../../src/forecasts/forecast-release.js';
import { pointsByRelease } from '../../src/forecasts/release-forecasts.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { testCore } from '../helpers/test-core.js';

const releaseOf = (key: string) => testCore().deps().releaseByKey(key);
const ASKED = '2017-06-28';

async function seedPoints(): Promise<Map<string, CountPoint[]>> {
  const store = new MemoryStore();
  const team = { workspace: 'T1', channel: 'CMET' };
  await saveMetHistory(store, team);
  return pointsByRelease(await store.history(team));
}

type Pace = Extract<Forecast, { kind: 'pace' }>;
function pace(forecast: Forecast): Pace {
  if (forecast.kind !== 'pace') throw new Error(`expected a pace, got ${JSON.stringify(forecast)}`);
  return forecast;
}
const perMonth = (forecast: Pace) => roundEstimate(forecast.perDay * DAYS_PER_MONTH) * Math.sign(forecast.perDay);

describe('the seed’s history, asked on 2017-06-28', () => {
  it('has XP falling about 1,300 a month, reaching zero around 2018-08, from its 12 changes of the last year', async () => {
    const xp = pace(
      forecastRelease((await seedPoints()).get('windows/5-sp3') ?? [], releaseOf('windows/5-sp3'), ASKED),
    );
    expect(perMonth(xp)).toBe(-1300);
    expect(xp.zeroOn?.slice(0, 7)).toBe('2018-08');
    expect(xp.basis).toEqual({ changes: 12, since: '2016-07-01' });
    expect(xp.count).toBe(18293);
    // Every phase of XP has ended: nothing is ahead of it.
    expect(xp.phasesAhead).toEqual([]);
  });

  it('has about 1,100 Windows 7 machines left when Security Support ends on 2020-01-14, needing 49 a month against 14', async () => {
    const seven = pace(
      forecastRelease((await seedPoints()).get('windows/7-sp1') ?? [], releaseOf('windows/7-sp1'), ASKED),
    );
    expect(perMonth(seven)).toBe(-14);
    const security = seven.phasesAhead.find((phase) => phase.end === '2020-01-14');
    expect(security?.label).toBe('Security Support');
    expect(roundEstimate(security?.left ?? -1)).toBe(1100);
    expect(roundEstimate(security?.neededPerMonth ?? -1)).toBe(49);
    expect(seven.phasesAhead.map((phase) => phase.end)).toEqual(['2020-01-14', '2023-01-10']);
  });

  it('has Windows 8.1 growing, with no date of zero and more machines at each phase end than now', async () => {
    const eight = pace(forecastRelease((await seedPoints()).get('windows/8.1') ?? [], releaseOf('windows/8.1'), ASKED));
    expect(eight.perDay).toBeGreaterThan(0);
    expect(eight.zeroOn).toBeNull();
    expect(eight.phasesAhead.map((phase) => phase.end)).toEqual(['2018-01-09', '2023-01-10']);
    for (const phase of eight.phasesAhead) expect(phase.left).toBeGreaterThan(14450);
  });
});

const monthly = (counts: number[], from = '2017-01-02'): CountPoint[] =>
  counts.map((count, index) => ({ date: addMonths(from, index), count }));
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const XP = releaseOf('windows/5-sp3');
const SEVEN = releaseOf('windows/7-sp1');

describe('shapes that break naive code', () => {
  it.each<[string, CountPoint[], string]>([
    ['no change at all', [], '2017-12-01'],
    ['a single change', [{ date: '2017-05-01', count: 500 }], '2017-12-01'],
    ['two changes', monthly([500, 400]), '2017-12-01'],
    [
      'every change on one day',
      [
        { date: '2017-05-01', count: 500 },
        { date: '2017-05-01', count: 450 },
        { date: '2017-05-01', count: 400 },
      ],
      '2017-12-01',
    ],
    [
      'changes within 30 days',
      [
        { date: '2017-05-01', count: 500 },
        { date: '2017-05-10', count: 450 },
        { date: '2017-05-20', count: 400 },
        { date: '2017-05-30', count: 350 },
      ],
      '2017-12-01',
    ],
    ['changes all older than a year', monthly([500, 400, 300, 200]), '2018-12-01'],
  ])('says there is not enough history for %s, and never extrapolates', (_name, points, asOf) => {
    const forecast = forecastRelease(points, SEVEN, asOf);
    expect(forecast.kind).toBe('not-enough');
  });

  it('counts the changes of the last year and says since when', () => {
    expect(forecastRelease(monthly([500, 400]), SEVEN, '2017-12-01')).toEqual({
      kind: 'not-enough',
      changes: 2,
      since: '2017-01-02',
    });
  });

  it('has no pace, and nothing to reach, for a count that hit zero', () => {
    expect(forecastRelease(monthly([300, 100, 0]), SEVEN, '2017-12-01')).toEqual({
      kind: 'none-left',
      since: '2017-03-02',
    });
  });

  it('gives no date of zero for a count that went up and then down as much', () => {
    const forecast = pace(forecastRelease(monthly([100, 200, 300, 200, 100]), SEVEN, '2017-06-01'));
    expect(forecast.perDay).toBe(0);
    expect(forecast.zeroOn).toBeNull();
  });

  it('gives no date of zero for a rising count', () => {
    const forecast = pace(forecastRelease(monthly([100, 150, 210, 260]), SEVEN, '2017-06-01'));
    expect(forecast.perDay).toBeGreaterThan(0);
    expect(forecast.zeroOn).toBeNull();
  });

  it('reads a release reset to 0 and back from its latest count, never below zero', () => {
    const forecast = pace(forecastRelease(monthly([500, 0, 480, 470, 460]), SEVEN, '2017-06-01'));
    expect(forecast.count).toBe(460);
    for (const phase of forecast.phasesAhead) expect(phase.left).toBeGreaterThanOrEqual(0);
    if (forecast.zeroOn) expect(forecast.zeroOn >= '2017-06-01').toBe(true);
  });

  it('never dates zero before the day asked, for a count last recorded long ago', () => {
    const forecast = pace(forecastRelease(monthly([300, 200, 100]), XP, '2017-12-01'));
    expect(forecast.zeroOn).toBe('2017-12-01');
  });

  it('counts machines left at a phase end as 0, not fewer, when the pace gets there first', () => {
    const forecast = pace(forecastRelease(monthly([1000, 800, 600, 400], '2019-01-02'), SEVEN, '2019-04-02'));
    expect(forecast.phasesAhead.find((phase) => phase.end === '2020-01-14')?.left).toBe(0);
    expect(forecast.zeroOn).toBe('2019-06-01');
  });

  it('uses only the last count of a day that changed several times', () => {
    const points = [
      ...monthly([1000, 900, 800]),
      { date: '2017-03-02', count: 9999 },
      { date: '2017-03-02', count: 790 },
    ];
    expect(pace(forecastRelease(points, SEVEN, '2017-06-01')).count).toBe(790);
  });
});

describe('figures as estimates', () => {
  it.each([
    [0, 0],
    [7.4, 7],
    [63.2, 63],
    [99.6, 100],
    [1071, 1100],
    [2290, 2300],
    [18293, 18000],
    [-1312.4, 1300],
  ])('rounds %d to about %d', (value, about) => expect(roundEstimate(value)).toBe(about));
});

describe('a workspace’s counts', () => {
  it('sums its teams’ counts on every day any of them changed', () => {
    const a = [
      { date: '2017-01-01', count: 10 },
      { date: '2017-03-01', count: 5 },
    ];
    const b = [
      { date: '2017-02-01', count: 7 },
      { date: '2017-03-01', count: 0 },
      { date: '2017-04-01', count: 3 },
    ];
    expect(sumPoints([a, b])).toEqual([
      { date: '2017-01-01', count: 10 },
      { date: '2017-02-01', count: 17 },
      { date: '2017-03-01', count: 5 },
      { date: '2017-04-01', count: 8 },
    ]);
  });
});
