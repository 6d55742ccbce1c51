// Starts a TypeScript entry as its own process and resolves when it logs its ready line.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Started {
  child: ChildProcess;
  readyAfterMs: number;
}

/** A `.ts` entry runs through tsx, as the npm scripts do; a `.js` one (compiled) runs as it is. */
export function startUntilReady(
  entry: string,
  env: Record<string, string>,
  readyText: string,
  cwd?: string,
): Promise<Started> {
  const started = performance.now();
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', EOLWATCH_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes(readyText)) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve({ child, readyAfterMs: performance.now() - started });
      }
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before it was ready`)));
  });
}

export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * src/main.ts (or `entry`, e.g. the built dist/main.js) over HTTP on a free loopback port, against a fake Web API, with a store of its own;
 * `prepare` fills that store before the process starts.
 */
export async function startEolwatchOverHttp(
  prepare?: (storePath: string) => Promise<void>,
  entry = 'src/main.ts',
  extraEnv: Record<string, string> = {},
): Promise<{
  port: number;
  responseUrl: string;
  child: ChildProcess;
  api: import('../test/helpers/fake-slack-api.js').FakeSlackApi;
  stop: () => Promise<void>;
}> {
  const { FakeSlackApi } = await import('../test/helpers/fake-slack-api.js');
  const { freePort } = await import('../test/helpers/free-port.js');
  const { makeTempDir } = await import('../test/helpers/temp-dir.js');
  const api = await new FakeSlackApi().start();
  const temp = makeTempDir();
  const port = await freePort();
  const env = {
    PORT: String(port),
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_API_URL: api.apiUrl,
    EOLWATCH_STORE: `${temp.path}/store.json`,
    ...extraEnv,
  };
  await prepare?.(env.EOLWATCH_STORE);
  const { child } = await startUntilReady(entry, env, 'eolwatch ready');
  return {
    port,
    responseUrl: api.responseUrl,
    api,
    child,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited; // its store must be closed before its folder goes
      await api.stop();
      temp.remove();
    },
  };
}
