// Imports and charts in the bot's worker threads: the same plans and pictures as in place, while the
// event loop that answers everyone else keeps turning.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runCommand } from '../src/commands/run-command.js';
import { burnDownChart } from '../src/charts/burn-down-chart.js';
import { planImport } from '../src/imports/plan-import.js';
import { createOffloadPool } from '../src/offload-pool.js';
import { SPEAKER, depsAt, testCore } from './helpers/test-core.js';

const pool = createOffloadPool(2);
afterAll(() => pool.close());

const catalog = () => testCore().catalog;
const deps = depsAt('2024-06-01');

/** A file of near-miss names (each costs the resolver a full search), as a hostile user would share. */
const hostileFile = (rows: number) =>
  Buffer.from(
    ['Device name,OS,OS version', ...Array.from({ length: rows }, (_, n) => `PC-${n},Windoows Servr ${n}x,${n}`)].join(
      '\n',
    ),
  );

/** How many times the event loop came round while `work` was in flight. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  const result = await work();
  done = true;
  return { turns, result };
}

describe('planning an import in a worker', () => {
  it.each(['intune-devices.csv', 'configmgr-devices.tsv', 'jamf-computers.csv', 'summary.csv'])(
    'gives the same plan for %s as planning it in place',
    async (name) => {
      const bytes = readFileSync(`test/fixtures/imports/${name}`);
      const inPlace = planImport(bytes, deps);
      const inWorker = await pool.planImport(bytes, catalog());
      expect(inWorker).toEqual(inPlace);
    },
  );

  it('leaves the event loop free while a hostile file is read, and refuses it', async () => {
    const { turns, result } = await turnsDuring(() => pool.planImport(hostileFile(5_000), catalog()));
    expect(result.ok ? '' : result.reason).toMatch(
      /^too many unrecognised names \(over 500 different ones; first 20: “Windoows Servr 0x 0”/,
    );
    // In a worker the loop goes on meanwhile; in place, a plan is one turn of the loop, however long.
    expect(turns).toBeGreaterThan(100);
    const small = readFileSync('test/fixtures/imports/intune-devices.csv');
    expect((await turnsDuring(async () => planImport(small, deps))).turns).toBeLessThanOrEqual(1);
  });

  it('runs a command’s import through the worker, with the catalogue’s own releases in the answer', async () => {
    const offloaded = { ...deps, planImport: (bytes: Uint8Array) => pool.planImport(bytes, catalog()) };
    const file = { name: 'intune-devices.csv', bytes: readFileSync('test/fixtures/imports/intune-devices.csv') };
    const viaWorker = await runCommand({ kind: 'inventory-file', file: file, mode: 'preview' }, offloaded, SPEAKER);
    const inPlace = await runCommand({ kind: 'inventory-file', file: file, mode: 'preview' }, deps, SPEAKER);
    expect(viaWorker).toEqual(inPlace);
  });
});

describe('drawing a chart in a worker', () => {
  it('draws the PNG and the SVG that drawing in place gives', async () => {
    const xp = deps.releaseByKey('windows/5-sp3');
    if (!xp) throw new Error('no Windows XP in the catalogue');
    const changes = [
      { date: '2024-01-01', count: 40 },
      { date: '2024-03-01', count: 10 },
    ];
    const chart = burnDownChart({
      scope: '#met',
      asOf: '2024-06-01',
      series: [{ release: xp, changes }],
      fileBase: 'b',
    });
    if (!chart) throw new Error('no chart');
    const png = await pool.renderChart(chart.spec, 'png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { renderChartImage } = await import('../src/chart-images/render-chart-image.js');
    expect((await pool.renderChart(chart.spec, 'svg')).toString()).toBe(
      (await renderChartImage(chart.spec, 'svg')).toString(),
    );
  });
});
