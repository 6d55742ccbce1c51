// Charts on the command line: `--out FILE.png|svg` writes the picture (exit 0), nothing to draw is exit 1
// with the reason on stderr, a bad --out is refused before anything is drawn.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { cliWith } from '../helpers/cli-in-process.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
const temp = makeTempDir();
afterAll(() => temp.remove());
const deps = depsAt('2017-06-28', { store: async () => store });

const cli = (args: string[]) => cliWith(deps, args);

describe('charts on the command line', () => {
  it('writes the burn-down as PNG with --out, and says so', async () => {
    await saveMetHistory(store, { workspace: 'local', channel: 'met' });
    const path = join(temp.path, 'burn.png');
    const run = await cli(['--channel', 'met', 'inventory', 'chart', '--out', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Machines per release, #met');
    expect(run.stdout).toContain(`Wrote ${path}.`);
    const png = PNG.sync.read(readFileSync(path));
    expect(png.width).toBeGreaterThan(1400);
  });

  it('writes a timeline as SVG', async () => {
    const path = join(temp.path, 'timeline.svg');
    const run = await cli(['--channel', 'met', 'chart', 'xp,', 'windows', '8.1', '--out', path]);
    expect(run.code).toBe(0);
    const svg = readFileSync(path, 'utf8');
    expect(svg).toContain('Microsoft Windows XP SP3 (18,293 machines)');
  });

  it('without --out prints the words and how to get the picture', async () => {
    const run = await cli(['--channel', 'met', 'report', 'chart']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Add --out eolwatch-workspace-burn-down-20170628.png (or .svg) to write the picture.');
  });

  it.each([
    [['--channel', 'empty', 'inventory', 'chart', '--out', 'x.png'], 'nothing to draw yet'],
    [['chart', 'frobnicator', '9', '--out', 'x.png'], 'unknown release'],
    [['--channel', 'met', 'inventory', 'chart', '--out', 'x.gif'], '--out takes one file name ending in .png or .svg'],
  ])('%j exits 1 with the reason on stderr, and writes nothing', async (args, reason) => {
    const run = await cli(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(reason);
    expect(existsSync('x.png')).toBe(false);
  });

  it('exits 1 when the file cannot be written', async () => {
    const run = await cli([
      '--channel',
      'met',
      'inventory',
      'chart',
      '--out',
      join(temp.path, 'no-such-folder', 'x.png'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not write');
    expect(run.stderr).toContain('ENOENT');
  });
});
