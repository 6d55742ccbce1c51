// The bot (src/main.ts through tsx, or a compiled dist/main.js) as its own process until its ready line.
// `stop` sends SIGTERM and waits for the clean stop (it flushes the store), saying how it ended.
import { spawn } from 'node:child_process';

export interface StartedMain {
  /** The `eolwatch ready` log line. */
  ready: Record<string, unknown>;
  stop(): Promise<{ code: number | null; ms: number }>;
}

export async function startMain(
  env: Record<string, string>,
  options: { args?: string[]; cwd?: string } = {},
): Promise<StartedMain> {
  const args = options.args ?? ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    const started = Date.now();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return { code: await exited, ms: Date.now() - started };
  };
  try {
    const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.includes('eolwatch ready'));
        if (line) resolve(JSON.parse(line) as Record<string, unknown>);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    return { ready, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
