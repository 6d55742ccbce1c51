// Runs an entry point (src/main.ts, src/cli.ts) as its own process, as npm scripts do.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EntryRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runEntry(
  entry: string,
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<EntryRun> {
  // Each run gets its own store unless the test names one: tests never write into data/.
  const own = options.env?.EOLWATCH_STORE ? null : mkdtempSync(join(tmpdir(), 'eolwatch-entry-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(own ? { EOLWATCH_STORE: join(own, 'eolwatch.json') } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) =>
    child.on('close', (code) => {
      if (own) rmSync(own, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    }),
  );
}
