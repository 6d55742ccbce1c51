// main.ts as a process against the fake Web API: a good token gets to "ready", a bad one stops cleanly.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { runEntry } from '../helpers/run-entry.js';
import { freePort } from '../helpers/free-port.js';

const temp = makeTempDir();
let api: FakeSlackApi;
beforeAll(async () => {
  api = await new FakeSlackApi().start();
});
afterAll(async () => {
  await api.stop();
  temp.remove();
});


it('stops with one line when Slack refuses the token', async () => {
  api.override = (call) => (call.method === 'auth.test' ? { body: { ok: false, error: 'invalid_auth' } } : undefined);
  const run = await runEntry('src/main.ts', [], {
    env: { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: api.apiUrl, PORT: String(await freePort()) },
  });
  api.override = () => undefined;
  expect(run.code).toBe(1);
  expect(run.stderr.trim()).toBe('eolwatch: Slack refused the credentials (invalid_auth): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN.');
});

it('starts in HTTP mode, logs ready and answers /healthz', async () => {
  const port = await freePort();
  const store = join(temp.path, 'eolwatch.json');
  const env = { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: api.apiUrl, PORT: String(port), EOLWATCH_STORE: store };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.includes('eolwatch ready'));
        if (line) resolve(JSON.parse(line));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(ready).toMatchObject({ mode: 'http', port, releases: 8351 });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  } finally {
    // Wait for the clean stop (it flushes the store) before the temporary directory goes.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
});
