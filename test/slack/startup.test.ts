// main.ts as a process against the fake Web API: a good token gets to "ready", a bad one stops cleanly.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { runEntry } from '../helpers/run-entry.js';
import { freePort } from '../helpers/free-port.js';
import { startMain } from '../helpers/start-main.js';

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
    env: {
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: api.apiUrl,
      PORT: String(await freePort()),
    },
  });
  api.override = () => undefined;
  expect(run.code).toBe(1);
  expect(run.stderr.trim()).toBe(
    'eolwatch: Slack refused the credentials (invalid_auth): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN.',
  );
});

it('starts in HTTP mode, logs ready and answers /healthz', async () => {
  const port = await freePort();
  const main = await startMain({
    SLACK_BOT_TOKEN: 'xoxb-good',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: api.apiUrl,
    PORT: String(port),
    EOLWATCH_STORE: join(temp.path, 'eolwatch.json'),
  });
  try {
    expect(main.ready).toMatchObject({ mode: 'http', port, releases: 8351 });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  } finally {
    await main.stop();
  }
});

it('in Socket Mode serves the HTTP API on EOLWATCH_API_PORT, with a token made on the command line', async () => {
  api.enableSocketMode();
  const store = join(temp.path, 'socket.json');
  const made = await runEntry('src/cli.ts', ['--workspace', 'T1', 'api', 'token', 'create', 'cmdb'], {
    env: { EOLWATCH_STORE: store },
  });
  expect(made.code).toBe(0);
  const token = made.stdout.trim().split('\n').at(-1) as string;
  const apiPort = await freePort();
  const main = await startMain({
    SLACK_BOT_TOKEN: 'xoxb-good',
    SLACK_APP_TOKEN: 'xapp-good',
    SLACK_API_URL: api.apiUrl,
    EOLWATCH_API_PORT: String(apiPort),
    EOLWATCH_STORE: store,
  });
  try {
    expect(main.ready).toMatchObject({ mode: 'socket', apiPort });
    const put = await fetch(`http://127.0.0.1:${apiPort}/api/v1/channels/CSOCK/inventory`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ counts: { xp: 3 } }),
    });
    expect(put.status).toBe(200);
    const report = (await (
      await fetch(`http://127.0.0.1:${apiPort}/api/v1/report`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { counts: { team: string; count: number }[] };
    expect(report.counts).toEqual([
      expect.objectContaining({ team: 'CSOCK', product: 'windows', release: '5-sp3', count: 3 }),
    ]);
    expect((await fetch(`http://127.0.0.1:${apiPort}/api/v1/report`)).status).toBe(401);
  } finally {
    await main.stop();
  }
});

it('refuses a second bot on the same JSON store, in one line; the first goes on', async () => {
  const store = join(temp.path, 'one-bot.json');
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-good',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: api.apiUrl,
    EOLWATCH_STORE: store,
  };
  const port = await freePort();
  const first = await startMain({ ...env, PORT: String(port) });
  try {
    const second = await runEntry('src/main.ts', [], { env: { ...env, PORT: String(await freePort()) } });
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(
      /^eolwatch: another eolwatch bot \(pid \d+\) is already running on the store .*one-bot\.json\. A JSON store serves one bot; run several replicas on PostgreSQL \(EOLWATCH_DATABASE_URL\)/,
    );
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  } finally {
    await first.stop();
  }
  // Stopped cleanly, it let go: the next bot starts.
  const next = await startMain({ ...env, PORT: String(await freePort()) });
  await next.stop();
});

it('takes over the store of a bot that died without stopping', async () => {
  const store = join(temp.path, 'crashed.json');
  const { writeFileSync } = await import('node:fs');
  const { hostname } = await import('node:os');
  writeFileSync(`${store}.bot.pid`, `${hostname()}/999999999`);
  const main = await startMain({
    SLACK_BOT_TOKEN: 'xoxb-good',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: api.apiUrl,
    EOLWATCH_STORE: store,
    PORT: String(await freePort()),
  });
  await main.stop();
});

it('says in one line within 30 s that Slack cannot be reached, and exits 1', async () => {
  api.override = (call) => (call.method === 'auth.test' ? 'hang' : undefined);
  const started = Date.now();
  try {
    const run = await runEntry('src/main.ts', [], {
      env: {
        SLACK_BOT_TOKEN: 'xoxb-good',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: api.apiUrl,
        PORT: String(await freePort()),
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `eolwatch: cannot reach Slack at ${api.apiUrl} within 30 s (network, DNS, firewall or proxy? HTTPS_PROXY is honoured).`,
    );
    expect(Date.now() - started).toBeLessThan(40_000);
  } finally {
    api.override = () => undefined;
  }
}, 60_000);
