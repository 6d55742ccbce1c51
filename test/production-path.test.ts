// The production path, in a fresh clone: npm ci, build, prune to production dependencies, then the
// compiled bot and command line run with no TypeScript tooling installed; SIGTERM stops the bot with 0.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSlackApi } from './helpers/fake-slack-api.js';
import { freePort } from './helpers/free-port.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startMain } from './helpers/start-main.js';

const temp = makeTempDir();
const clone = join(temp.path, 'eolwatch');
let api: FakeSlackApi;
const run = (command: string, args: string[], cwd = clone) =>
  execFileSync(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: '' },
  });

beforeAll(async () => {
  api = await new FakeSlackApi().start();
  run('git', ['clone', '-q', process.cwd(), clone], temp.path);
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
  run('npm', ['run', 'build']);
  run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund']);
}, 600_000);
afterAll(async () => {
  await api.stop();
  temp.remove();
});

it('leaves no TypeScript compiler or tsx among the production dependencies', () => {
  expect(existsSync(join(clone, 'dist/main.js'))).toBe(true);
  expect(existsSync(join(clone, 'node_modules/typescript'))).toBe(false);
  expect(existsSync(join(clone, 'node_modules/tsx'))).toBe(false);
});

it('node dist/cli.js answers, from the clone and from any other folder', () => {
  expect(run('node', ['dist/cli.js', '--now', '2017-06-28', 'windows-8.1'])).toContain(
    'Active Support until 2018-01-09 (195 days left)',
  );
  const elsewhere = run('node', [join(clone, 'dist/cli.js'), '--now', '2017-06-28', 'xp'], temp.path);
  expect(elsewhere).toContain('Microsoft Windows XP SP3');
});

it('node dist/main.js serves Slack over HTTP, and exits 0 soon after SIGTERM', async () => {
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-prod',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: api.apiUrl,
    PORT: String(port),
    EOLWATCH_STORE: join(temp.path, 'store.json'),
  };
  const main = await startMain(env, { args: ['dist/main.js'], cwd: clone });
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  const stopped = await main.stop();
  expect(stopped.code).toBe(0);
  expect(stopped.ms).toBeLessThan(10_000);
}, 30_000);
