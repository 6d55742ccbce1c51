// The production path, in a fresh clone: npm ci, build, prune to production dependencies, then the
// compiled bot and command line run with no TypeScript tooling installed; SIGTERM stops the bot with 0.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSlackApi } from './helpers/fake-slack-api.js';
import { freePort } from './helpers/free-port.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startMain } from './helpers/start-main.js';
import { layOutImage } from './helpers/image-layout.js';

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

describe('the image, laid out from the Dockerfile’s COPY lines', () => {
  const image = join(temp.path, 'image');
  beforeAll(() => layOutImage(join(clone, 'Dockerfile'), clone, image));
  const inImage = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('node', args, {
      cwd: image,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', EOLWATCH_STORE: join(temp.path, 'image-store.json'), ...env },
    });

  it('answers a lookup', () => {
    expect(inImage(['dist/cli.js', '--now', '2017-06-28', 'windows-8.1'])).toContain(
      'Active Support until 2018-01-09 (195 days left)',
    );
  });

  it('draws a chart, with its font', () => {
    const out = join(temp.path, 'timeline.png');
    expect(inImage(['dist/cli.js', '--now', '2017-06-28', 'chart', 'xp,', 'windows', '8.1', '--out', out])).toContain(
      `Wrote ${out}.`,
    );
    expect(statSync(out).size).toBeGreaterThan(10_000);
  });

  it('answers /healthz', async () => {
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-image',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: api.apiUrl,
      PORT: String(port),
      EOLWATCH_STORE: join(temp.path, 'image-main.json'),
    };
    const main = await startMain(env, { args: ['dist/main.js'], cwd: image });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await main.stop()).code).toBe(0);
  }, 30_000);

  it('has the image on a Node line still supported, and package.json saying which lines work', () => {
    const dockerfile = readFileSync(join(clone, 'Dockerfile'), 'utf8');
    const lines = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((match) => Number(match[1]));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect([22, 24]).toContain(line);
    const engines = (JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    for (const line of lines) expect(engines).toContain(`${line}`);
  });
});
