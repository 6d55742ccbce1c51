// The command line and the shell under hostile input: a clean refusal, nothing stored, and the next
// command still answered.
import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/shell/run-cli.js';
import { runShell } from '../../src/shell/run-shell.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { depsAt, testCore } from '../helpers/test-core.js';

async function cli(args: string[], store: MemoryStore) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end('');
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (chunk) => (out += chunk));
  const stderr = new PassThrough().on('data', (chunk) => (err += chunk));
  const core = testCore();
  const code = await runCli(
    args,
    { stdin, stdout, stderr },
    {
      deps: (clock) => ({ ...core.deps(clock), store: async () => store }),
      pinnedClock: core.pinnedClock,
      reminders: async () => null,
      sync: async () => ({ lines: [], ok: true }),
      db: async () => null,
    },
  );
  return { code, stdout: out, stderr: err };
}

describe('the command line', () => {
  it.each(
    ['--workspace', '--channel', '--user'].flatMap((flag) =>
      ['..', '.', 'constructor', '__proto__', 'toString', 'a/b', 'a\\b', 'a\u0000b', 'x'.repeat(1_000_000), ''].map(
        (id) => [flag, id] as const,
      ),
    ),
  )('refuses %s %j with a usage error, storing nothing', async (flag, id) => {
    const store = new MemoryStore();
    const run = await cli([flag, id, 'inventory', 'set', 'xp', '5'], store);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeLessThan(2_000);
    expect(await store.teams('local')).toEqual([]);
  });

  it.each([
    ['a count of -5', ['inventory', 'set', 'xp', '-5']],
    ['a count of 1e9', ['inventory', 'set', 'xp', '1e9']],
    ['an unknown release', ['inventory', 'set', 'windows 99', '5']],
    ['a 100,000-character name', ['inventory', 'set', 'x'.repeat(100_000), '5']],
  ])('refuses %s with a short reason, storing nothing', async (_name, args) => {
    const store = new MemoryStore();
    const run = await cli(['--now', '2017-06-28', ...args], store);
    expect(run.code).not.toBe(0);
    expect(run.stderr.length).toBeLessThan(2_000);
    expect(await store.teams('local')).toEqual([]);
    expect((await cli(['--now', '2017-06-28', 'xp'], store)).code).toBe(0);
  });
});

describe('the shell', () => {
  it('answers hostile lines briefly, echoing nothing live, stores nothing, and still answers', async () => {
    const store = new MemoryStore();
    const input = new PassThrough();
    let printed = '';
    const output = new PassThrough().on('data', (chunk) => (printed += chunk));
    const done = runShell(depsAt('2017-06-28', { store: async () => store }), { input, output });
    const lines = [
      'x'.repeat(1_000_000),
      'inventory set <!channel> 5',
      '\u0000\u0007\u001b[2J',
      'inventory set xp -5',
      'xp',
    ];
    input.end(`${lines.join('\n')}\n`);
    await done;
    expect(printed.length).toBeLessThan(20_000);
    expect(await store.teams('local')).toEqual([]);
    expect(printed).toContain('Microsoft Windows XP SP3');
  });
});
