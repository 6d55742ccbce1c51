import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/shell/run-cli.js';
import { runEntry } from '../helpers/run-entry.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { testCore } from '../helpers/test-core.js';

async function cli(args: string[], stdinText?: string) {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = stdinText === undefined;
  stdin.end(stdinText ?? '');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (stream: PassThrough) => {
    let text = '';
    stream.on('data', (chunk) => (text += chunk));
    return () => text;
  };
  const out = read(stdout);
  const err = read(stderr);
  const core = testCore();
  const code = await runCli(
    args,
    { stdin, stdout, stderr },
    {
      deps: (clock) => core.deps(clock),
      pinnedClock: core.pinnedClock,
      reminders: async () => null,
      sync: async (force) => ({ lines: [force ? 'synced, forced' : 'synced'], ok: true }),
      db: async () => null,
    },
  );
  return { code, stdout: out(), stderr: err() };
}

describe('the eol CLI', () => {
  it.each([
    ['inventory set xp -5', 'Nothing saved: “xp -5”: the count must be a whole number from 0 to 10,000,000.'],
    ['inventory set xp -1e3', 'Nothing saved: “xp -1e3”: the count must be a whole number from 0 to 10,000,000.'],
  ])('reads everything after the command word as its text: %j is answered, not a usage error', async (text, reason) => {
    const run = await cli(['--now', '2017-06-28', ...text.split(' ')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(reason);
    expect(run.stderr).not.toContain('Unknown option');
  });

  it('takes sync --force and reminders run --dry-run after the command words', async () => {
    expect((await cli(['sync', '--force'])).stdout).toContain('synced, forced');
    expect((await cli(['sync'])).stdout).toBe('synced\n');
    expect((await cli(['reminders', 'run', '--dry-run'])).stderr).not.toContain('usage');
  });

  it('says on stderr that the catalogue is old, and keeps stdout for the answer or the file', async () => {
    const question = await cli(['--now', '2026-12-31', 'windows-8.1']);
    expect(question.code).toBe(0);
    expect(question.stdout).toContain('Microsoft Windows 8.1');
    expect(question.stdout).not.toContain('days old');
    expect(question.stderr).toMatch(
      /^Warning: The catalogue is from 2026-08-22, 131 days old: dates may have moved since\. \/eol status says why\.\n$/,
    );
    const calendar = await cli(['--now', '2026-12-31', '--channel', 'C1', 'calendar']);
    expect(calendar.stdout.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(calendar.stdout).not.toContain('days old');
    expect(calendar.stderr).toContain('days old');
    expect((await cli(['--now', '2026-08-30', 'windows-8.1'])).stderr).toBe('');
  });

  it('answers and exits 0', async () => {
    const run = await cli(['--now', '2017-06-28', 'windows-8.1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Supported: Active Support until 2018-01-09 (195 days left)');
    expect(run.stderr).toBe('');
  });

  it('accepts the text as several words and with /eol in front', async () => {
    const run = await cli(['--now', '2017-06-28', '/eol', 'win', '8.1']);
    expect(run.stdout).toContain('Microsoft Windows 8.1');
  });

  it('exits 1 with the reason on stderr for an unknown product', async () => {
    const run = await cli(['nonexistent-product-xyz']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Not found: "nonexistent-product-xyz"');
  });

  it('exits 1 for bad input', async () => {
    expect((await cli(['windows 8.1 on 2018-02-30'])).code).toBe(1);
  });

  it.each([[['--now', 'yesterday', 'xp']], [['--bogus', 'xp']], [[]]])('exits 2 on a usage error: %j', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage:');
  });

  it('prints the result object with --json', async () => {
    const run = await cli(['--json', '--now', '2023-01-11', 'windows 8.1']);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      kind: 'lookup',
      asOf: '2023-01-11',
      items: [{ kind: 'release', lifecycle: { status: 'unsupported', unsupportedSince: '2023-01-10' } }],
    });
  });

  it('answers one command a line from stdin', async () => {
    const run = await cli(['--now', '2017-06-28'], 'xp\n\n/eol windows 8.1\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/XP SP3[\s\S]*Windows 8\.1/);
  });

  it('answers one JSON object a line in batch mode, and exits 1 if any line was not answered', async () => {
    const run = await cli(['--json', '--now', '2017-06-28'], 'xp\nnope-nope\nvista\n');
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.items[0].kind)).toEqual(['release', 'not-found', 'release']);
  });
});

describe('the entry points as processes', () => {
  it('keeps inventory across runs, per --workspace and --channel', async () => {
    const dir = makeTempDir();
    const env = { EOLWATCH_STORE: join(dir.path, 'store.json') };
    try {
      const set = await runEntry(
        'src/cli.ts',
        ['--now', '2017-06-28', '--channel', 'met', '--user', 'alex', 'inventory set xp 18293'],
        { env },
      );
      expect(set.code).toBe(0);
      expect(set.stdout).toContain('Saved for #met');
      const [met, other] = await Promise.all([
        runEntry('src/cli.ts', ['--now', '2017-06-28', '--channel', 'met', 'inventory'], { env }),
        runEntry('src/cli.ts', ['--now', '2017-06-28', '--channel', 'other', 'inventory'], { env }),
      ]);
      expect(met.stdout).toContain('18,293 × Microsoft Windows XP SP3: unsupported since 2014-04-09');
      expect(other.stdout).toContain('has no machine counts yet');
      const bad = await runEntry('src/cli.ts', ['--channel', '../etc', 'inventory'], { env });
      expect(bad.code).toBe(2);
    } finally {
      dir.remove();
    }
  });

  it('answers a question without creating a store, reuses the prepared catalogue, and still applies a contract once one exists', async () => {
    const dir = makeTempDir();
    const env = {
      EOLWATCH_STORE: join(dir.path, 'data', 'store.json'),
      EOLWATCH_CATALOG_CACHE: join(dir.path, 'cache.json'),
      EOLWATCH_ADMINS: 'UADMIN',
    };
    try {
      for (const _run of [1, 2]) {
        const asked = await runEntry('src/cli.ts', ['--now', '2017-06-28', 'xp'], { env });
        expect(asked.code).toBe(0);
        expect(asked.stdout).toContain('Security Support: ended after 2014-04-08');
        expect(existsSync(env.EOLWATCH_STORE)).toBe(false);
        expect(existsSync(join(dir.path, 'cache.json.prepared.json'))).toBe(true);
      }
      const contract = await runEntry(
        'src/cli.ts',
        ['--user', 'UADMIN', 'contract', 'xp', 'until', '2019-04-08', 'Custom support'],
        { env },
      );
      expect(contract.code).toBe(0);
      const asked = await runEntry('src/cli.ts', ['--now', '2017-06-28', 'xp'], { env });
      expect(asked.stdout).toContain('2019-04-08');
    } finally {
      dir.remove();
    }
  });

  it('refuses to start on a damaged store, naming it, and leaves it as it was', async () => {
    const dir = makeTempDir();
    const path = join(dir.path, 'store.json');
    writeFileSync(path, '{"schemaVersion":1,"workspaces":{"T1":');
    try {
      const run = await runEntry('src/main.ts', [], { env: { EOLWATCH_STORE: path } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`the store ${path} is not valid JSON`);
      expect(readFileSync(path, 'utf8')).toBe('{"schemaVersion":1,"workspaces":{"T1":');
    } finally {
      dir.remove();
    }
  });

  it('npm run eol: exit codes 0, 1 and 2', async () => {
    const [ok, notFound, usage] = await Promise.all([
      runEntry('src/cli.ts', ['--now', '2014-04-09', 'xp']),
      runEntry('src/cli.ts', ['no-such-thing-anywhere']),
      runEntry('src/cli.ts', ['--now', 'never', 'xp']),
    ]);
    expect([ok.code, notFound.code, usage.code]).toEqual([0, 1, 2]);
    expect(ok.stdout).toContain('Unsupported since 2014-04-09: no more updates (last supported day 2014-04-08)');
  });

  it('npm start with no Slack credentials opens the local shell', async () => {
    const run = await runEntry('src/main.ts', [], {
      stdin: '/eol xp on 2014-04-09\nwindows 8.1 on 2017-06-28\nexit\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('eolwatch local shell');
    expect(run.stdout).toContain('Unsupported since 2014-04-09: no more updates (last supported day 2014-04-08)');
    expect(run.stdout).toContain('195 days left');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /neither SLACK_APP_TOKEN \(Socket Mode\) nor SLACK_SIGNING_SECRET \(HTTP\)/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN must start with xoxb-/],
    [{ EOLWATCH_TIMEZONE: 'Mars/Olympus' }, /EOLWATCH_TIMEZONE must be an IANA time zone/],
    [{ EOLWATCH_CATALOG: 'data/missing.json' }, /cannot read a data file/],
  ])('stops at start with one clear line: %j', async (env, message) => {
    const run = await runEntry('src/main.ts', [], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the usage, from the command definitions', () => {
  it('lists every command-line form a definition declares, and each one runs as listed', async () => {
    const { cliWith } = await import('../helpers/cli-in-process.js');
    const { commandList } = await import('../../src/commands/command-list.js');
    const { depsAt } = await import('../helpers/test-core.js');
    const help = await cliWith(depsAt('2017-06-28'), ['--help']);
    expect(help.code).toBe(0);
    const forms = commandList.flatMap((definition) => definition.cli ?? []);
    expect(forms.length).toBeGreaterThan(5);
    for (const form of forms) expect(help.stdout).toContain(`npm run --silent eol -- ${form.usage}`);
    // What the usage offers is a command line knows: no form is refused as a usage error.
    for (const args of [
      ['--channel', 'C1', 'inventory', 'export', '--format', 'json'],
      ['--channel', 'C1', 'report', 'export', '--format', 'csv'],
      ['--workspace', 'T1', '--user', 'UADMIN', 'audit', '--format', 'json'],
      ['--workspace', 'T1', 'connector', 'list'],
    ]) {
      const run = await cliWith(depsAt('2017-06-28'), args);
      expect([run.code, run.stderr]).toEqual([0, '']);
    }
  });

  it('routes each form that reads its own words to it, in any case, and says the usage when they do not fit', async () => {
    const { cliWith } = await import('../helpers/cli-in-process.js');
    const { depsAt } = await import('../helpers/test-core.js');
    const run = (args: string[]) => cliWith(depsAt('2017-06-28'), ['--workspace', 'T1', '--user', 'UADMIN', ...args]);
    for (const words of [
      ['inventory', 'import'],
      ['Inventory', 'IMPORT', 'a.csv', 'b.csv'],
      ['inventory', 'import', 'a.csv', '--add', '--replace'],
      ['import', 'all'],
      ['calendar', 'next', 'week'],
      ['connector', 'add', 'sccm'],
    ]) {
      const refused = await run(words);
      expect([words, refused.code, refused.stdout]).toEqual([words, 2, '']);
      expect(refused.stderr).toContain('usage: npm run --silent eol --');
    }
    const missing = await run(['IMPORT', 'all', 'no-such-export.json']);
    expect([missing.code, missing.stderr.trim()]).toEqual([
      1,
      'Nothing imported from “no-such-export.json”: no such file.',
    ]);
    const unknown = await run(['inventory', 'import', 'counts.csv', '--merge']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, 'unknown option --merge']);
  });
});
