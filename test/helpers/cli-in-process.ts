// The command line (runCli) in this process, over given command dependencies: what it printed and its
// exit status. No reminders, sync or database: those have tests of their own.
import { PassThrough } from 'node:stream';
import type { CommandDeps } from '../../src/commands/command-types.js';
import { runCli } from '../../src/shell/run-cli.js';

export async function cliWith(
  deps: CommandDeps,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end('');
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      stdin,
      stdout: new PassThrough().on('data', (chunk) => (stdout += chunk)),
      stderr: new PassThrough().on('data', (chunk) => (stderr += chunk)),
    },
    {
      deps: () => deps,
      pinnedClock: () => () => deps.now(),
      reminders: async () => null,
      sync: async () => ({ lines: [], ok: true }),
      db: async () => null,
      secretFromEnv: (name) => env[name],
    },
  );
  return { code, stdout, stderr };
}
