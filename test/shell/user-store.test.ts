// The installed command line keeps one store for its user, wherever it is run: outside the checkout the
// store is $XDG_DATA_HOME/eolwatch/eolwatch.json (~/.local/share/eolwatch), never a data/ folder in the
// current one; the first save says where it went; EOLWATCH_STORE still wins; in the checkout it stays
// in data/.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
afterAll(() => temp.remove());
const CLI = resolve('src/cli.ts');
// tsx is this checkout's, loaded by path: the command runs from folders that have no node_modules.
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

function eolwatchIn(cwd: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr })),
  );
}

describe('the command line’s store', () => {
  const downloads = join(temp.path, 'Downloads');
  const home = join(temp.path, 'home');
  mkdirSync(downloads, { recursive: true });
  mkdirSync(home, { recursive: true });

  it('goes to the user’s data folder outside the checkout, and the first save says so', async () => {
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'data-home') };
    const store = join(home, 'data-home', 'eolwatch', 'eolwatch.json');
    const first = await eolwatchIn(downloads, ['--channel', 'met', 'inventory', 'set', 'xp', '5'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`saved in a new store, ${store}`);
    expect(existsSync(store)).toBe(true);
    expect(existsSync(join(downloads, 'data'))).toBe(false);
    // From another folder: the same store, and no notice now that it exists.
    const elsewhere = join(temp.path, 'elsewhere');
    mkdirSync(elsewhere);
    const second = await eolwatchIn(elsewhere, ['--channel', 'met', 'inventory'], env);
    expect(second.stdout).toContain('5 × Microsoft Windows XP SP3');
    expect(second.stderr).not.toContain('new store');
  });

  it('is ~/.local/share/eolwatch without XDG_DATA_HOME', async () => {
    const run = await eolwatchIn(downloads, ['--channel', 'met', 'inventory', 'set', 'xp', '7'], { HOME: home });
    expect(run.stderr).toContain(join(home, '.local', 'share', 'eolwatch', 'eolwatch.json'));
  });

  it('is EOLWATCH_STORE when set', async () => {
    const store = join(temp.path, 'mine.json');
    const run = await eolwatchIn(downloads, ['--channel', 'met', 'inventory', 'set', 'xp', '9'], {
      HOME: home,
      EOLWATCH_STORE: store,
    });
    expect(run.stderr).toContain(`saved in a new store, ${store}`);
    expect(existsSync(store)).toBe(true);
  });

  it('stays in data/ when run in the checkout', () => {
    expect(loadConfig({}).storePath).toBe('data/eolwatch.json');
    expect(loadConfig({}).catalogCachePath).toBe(join('data', 'catalog-cache.json'));
  });
});
