// `inventory import FILE [--add] [--dry-run]`, `inventory export` and `report export` on the command line.
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/shell/run-cli.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
const temp = makeTempDir();
afterAll(() => temp.remove());
const deps = depsAt('2017-06-28', { store: async () => store });

async function cli(args: string[]) {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = true;
  stdin.end('');
  const collect = (stream: PassThrough) => {
    let text = '';
    stream.on('data', (chunk) => (text += chunk));
    return () => text;
  };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await runCli(
    args,
    { stdin, stdout, stderr },
    {
      deps: () => deps,
      pinnedClock: () => () => deps.now(),
      reminders: async () => null,
      sync: async () => ({ lines: [], ok: true }),
      db: async () => null,
    },
  );
  return { code, stdout: out(), stderr: err() };
}

const counts = async (channel: string) => (await store.team({ workspace: 'local', channel })).counts;
const fixture = (name: string) => join('test/fixtures/imports', name);

describe('inventory import on the command line', () => {
  it('--dry-run prints the preview, exits 0 and changes nothing', async () => {
    const run = await cli(['--channel', 'CDRY', 'inventory', 'import', fixture('lansweeper-assets.csv'), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Preview of “lansweeper-assets.csv” (a Lansweeper export) for #CDRY: 23 machines → 5 releases. Nothing is saved yet.',
    );
    expect(run.stdout).toContain('Edition not given: counted under the edition whose support ends first.');
    expect(run.stdout).toContain('• 6 × “Win 11 23H2 10.0.22631” → Microsoft Windows 11 23H2 (W)');
    expect(await counts('CDRY')).toEqual({});
  });

  it('replaces the team’s counts by default, recording the file in the history', async () => {
    await store.setCounts({ workspace: 'local', channel: 'CREP' }, [{ release: 'ubuntu/22.04', count: 4 }], {
      user: 'U1',
      at: '2017-06-01T00:00:00.000Z',
    });
    const run = await cli(['--channel', 'CREP', 'inventory', 'import', fixture('jamf-computers.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Replaced the counts with 21 machines from “jamf-computers.csv” (a Jamf Pro export).');
    expect(await counts('CREP')).toEqual({
      'macos/15': 9,
      'macos/14': 6,
      'macos/13': 3,
      'macos/12': 2,
      'macos/10.15': 1,
    });
    const history = await cli(['--channel', 'CREP', 'inventory', 'history']);
    expect(history.stdout).toMatch(/Ubuntu 22\.04[^\n]* 4 → 0 \(imported from “jamf-computers\.csv”\)/);
    expect(history.stdout).toMatch(/macOS 15[^\n]* 0 → 9 \(imported from “jamf-computers\.csv”\)/);
  });

  it('--add adds the file’s counts to the team’s', async () => {
    await store.setCounts({ workspace: 'local', channel: 'CADD' }, [{ release: 'windows/5-sp3', count: 100 }], {
      user: 'U1',
      at: '2017-06-01T00:00:00.000Z',
    });
    const run = await cli(['--channel', 'CADD', 'inventory', 'import', fixture('summary.csv'), '--add']);
    expect(run.code).toBe(0);
    expect(await counts('CADD')).toEqual({
      'windows/5-sp3': 18393,
      'windows/8.1': 14450,
      'ubuntu/22.04': 40,
      'windows-server/2012-r2': 12,
    });
  });

  it.each([
    ['a missing file', ['does-not-exist.csv'], /Nothing imported from “does-not-exist.csv”: no such file/],
    ['a folder', ['test/fixtures'], /it is not a file/],
  ])('exits 1 for %s, with the reason on stderr', async (_what, args, reason) => {
    const run = await cli(['--channel', 'CBAD', 'inventory', 'import', ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(reason);
    expect(run.stdout).toBe('');
    expect(await counts('CBAD')).toEqual({});
  });

  it.each([
    ['an image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /a PNG image, not a CSV file/],
    [
      'a bad count',
      Buffer.from('release,count\nxp,12\nwin 8.1,lots\n'),
      /line 3: the count “lots” is not a whole number/,
    ],
    ['an unclosed quote', Buffer.from('release,count\n"xp,12\n'), /never closed/],
    ['an empty file', Buffer.alloc(0), /the file is empty/],
  ])('exits 1 for %s and saves nothing', async (_what, bytes, reason) => {
    const path = join(temp.path, 'upload.csv');
    writeFileSync(path, bytes);
    const run = await cli(['--channel', 'CBAD', 'inventory', 'import', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(reason);
    expect(await counts('CBAD')).toEqual({});
  });

  it('exits 1 for a file it may not read', async () => {
    if (process.getuid?.() === 0) return; // root reads anything; the permission cannot be tested as root
    const path = join(temp.path, 'secret.csv');
    writeFileSync(path, 'release,count\nxp,1\n');
    chmodSync(path, 0o000);
    expect((await cli(['inventory', 'import', path])).stderr).toMatch(/permission denied/);
  });

  it.each([
    [['inventory', 'import']],
    [['inventory', 'import', 'a.csv', 'b.csv']],
    [['inventory', 'import', 'a.csv', '--frobnicate']],
    [['inventory', 'import', 'a.csv', '--add', '--replace']],
  ])('exits 2 with the usage for %j', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('inventory import FILE [--add] [--dry-run]');
  });
});

describe('exports on the command line', () => {
  it('inventory export prints CSV that imports back into another channel to the same counts', async () => {
    await store.setCounts(
      { workspace: 'local', channel: 'CSRC' },
      [
        { release: 'windows/5-sp3', count: 18293 },
        { release: 'windows/8.1', count: 14450 },
      ],
      { user: 'U1', at: '2017-06-01T00:00:00.000Z' },
    );
    const csv = await cli(['--channel', 'CSRC', 'inventory', 'export']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(
      [
        'team,team_name,product,release,label,count,status,active_support_end,security_support_end,extended_support_end,extended_support_cost,contract_end',
        'CSRC,,windows,5-sp3,Microsoft Windows XP SP3,18293,unsupported,2009-04-14,2014-04-08,,,',
        'CSRC,,windows,8.1,Microsoft Windows 8.1,14450,active,2018-01-09,2023-01-10,,,',
        '',
      ].join('\n'),
    );
    const path = join(temp.path, 'export.csv');
    writeFileSync(path, csv.stdout);
    expect((await cli(['--channel', 'CDST', 'inventory', 'import', path])).code).toBe(0);
    expect(await counts('CDST')).toEqual(await counts('CSRC'));
  });

  it('inventory export --format json is one object with a counts array, and imports back too', async () => {
    const run = await cli(['--channel', 'CSRC', 'inventory', 'export', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ workspace: 'local', team: { channel: 'CSRC', name: null }, asOf: '2017-06-28' });
    expect(json.counts).toEqual([
      expect.objectContaining({
        product: 'windows',
        release: '5-sp3',
        label: 'Microsoft Windows XP SP3',
        count: 18293,
        status: 'unsupported',
      }),
      expect.objectContaining({
        product: 'windows',
        release: '8.1',
        label: 'Microsoft Windows 8.1',
        count: 14450,
        status: 'active',
      }),
    ]);
    const path = join(temp.path, 'export.json');
    writeFileSync(path, run.stdout);
    expect((await cli(['--channel', 'CDSTJ', 'inventory', 'import', path])).code).toBe(0);
    expect(await counts('CDSTJ')).toEqual(await counts('CSRC'));
  });

  it('report export lists every team’s releases', async () => {
    const run = await cli(['report', 'export']);
    const teams = run.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(new Set(teams)).toEqual(new Set(['CREP', 'CADD', 'CSRC', 'CDST', 'CDSTJ']));
  });

  it('refuses an unknown format', async () => {
    const run = await cli(['inventory', 'export', '--format', 'xml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Use export, export --format csv or export --format json.');
  });
});

describe('export all and import all on the command line', () => {
  it('moves a workspace: export all prints it, import all brings it into an empty workspace', async () => {
    await store.setCounts({ workspace: 'TSRC', channel: 'C1' }, [{ release: 'windows/5-sp3', count: 7 }], {
      user: 'U1',
      at: '2017-06-01T00:00:00.000Z',
    });
    const exported = await cli(['--workspace', 'TSRC', 'export', 'all']);
    expect(exported.code).toBe(0);
    const path = join(temp.path, 'all.json');
    writeFileSync(path, exported.stdout);
    const imported = await cli(['--workspace', 'TDST', 'import', 'all', path]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported the workspace: 1 team(s) with 1 history entries');
    expect((await store.team({ workspace: 'TDST', channel: 'C1' })).counts).toEqual({ 'windows/5-sp3': 7 });
    const again = await cli(['--workspace', 'TDST', 'import', 'all', path]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds data here');
  });

  it('refuses a file that is not JSON', async () => {
    const path = join(temp.path, 'not.json');
    writeFileSync(path, 'release,count\nxp,1\n');
    const run = await cli(['--workspace', 'TNEW', 'import', 'all', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it is not JSON');
  });
});

describe('audit on the command line', () => {
  it('exports the workspace’s log as CSV by default, JSON when asked, since a date', async () => {
    await cli(['--workspace', 'TAUD', '--channel', 'C1', 'inventory', 'set', 'xp', '3']);
    const csv = await cli(['--workspace', 'TAUD', 'audit']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('at,user,via,channel,action,change,releases');
    expect(csv.stdout).toContain(',local-user,cli,C1,counts.set,Microsoft Windows XP SP3 0 → 3,windows/5-sp3');
    const json = JSON.parse(
      (await cli(['--workspace', 'TAUD', 'audit', '--since', '2099-01-01', '--format', 'json'])).stdout,
    );
    expect(json).toEqual({ workspace: 'TAUD', entries: [] });
  });
});
