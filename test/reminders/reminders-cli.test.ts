// `eol reminders run [--dry-run]` as a process, posting to the fake Web API.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { runEntry } from '../helpers/run-entry.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let api: FakeSlackApi;
beforeAll(async () => {
  api = await new FakeSlackApi().start();
});
afterAll(async () => {
  await api.stop();
  temp.remove();
});

it('prints what would be posted with --dry-run, posts once without it, and nothing on a second run', async () => {
  const env = { EOLWATCH_STORE: join(temp.path, 'eolwatch.json') };
  const slackEnv = { ...env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.apiUrl };
  expect(
    (
      await runEntry(
        'src/cli.ts',
        ['--now', '2022-12-01', '--workspace', 'T1', '--channel', 'CIT', 'watch windows-8.1'],
        { env },
      )
    ).code,
  ).toBe(0);
  const dry = await runEntry('src/cli.ts', ['--now', '2022-12-11', 'reminders', 'run', '--dry-run'], { env });
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain(
    '[dry run] T1/CIT: Microsoft Windows 8.1: Security Support ends on 2023-01-10, in 30 days.',
  );
  expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  const real = await runEntry('src/cli.ts', ['--now', '2022-12-11', 'reminders', 'run'], { env: slackEnv });
  expect(real.code).toBe(0);
  expect(real.stdout).toContain('1 posted');
  expect(api.acceptedPosts().map((post) => post.channel)).toEqual(['CIT']);
  const again = await runEntry('src/cli.ts', ['--now', '2022-12-11', 'reminders', 'run'], { env: slackEnv });
  expect(again.stdout).toContain('0 posted');
  expect(api.acceptedPosts()).toHaveLength(1);
});

it('needs SLACK_BOT_TOKEN to post', async () => {
  const run = await runEntry('src/cli.ts', ['reminders', 'run'], {
    env: { EOLWATCH_STORE: join(temp.path, 'other.json') },
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('set SLACK_BOT_TOKEN');
});

it('posts each workspace’s reminders with its own installed token in an OAuth deployment, once', async () => {
  const storePath = join(temp.path, 'oauth.json');
  const { LowdbStore } = await import('../../src/store/json/lowdb-store.js');
  const store = await LowdbStore.open(storePath);
  for (const [workspace, token] of [
    ['T1', 'xoxb-one'],
    ['T2', 'xoxb-two'],
  ] as const) {
    await store.saveInstallation(`T:${workspace}`, { team: { id: workspace }, bot: { token, userId: 'UB', id: 'BB' } });
    await store.watch(
      { workspace, channel: `C${workspace}` },
      [{ release: 'windows/8.1', leads: [30] }],
      'manual',
      '2022-12-01',
    );
  }
  // A workspace that watches but never installed (or uninstalled): nothing to post with.
  await store.watch(
    { workspace: 'T3', channel: 'CT3' },
    [{ release: 'windows/8.1', leads: [30] }],
    'manual',
    '2022-12-01',
  );
  await store.close();
  const env = {
    EOLWATCH_STORE: storePath,
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'secret',
    SLACK_STATE_SECRET: 'state',
    SLACK_SIGNING_SECRET: 'signing',
    SLACK_API_URL: api.apiUrl,
  };
  const before = api.callsTo('chat.postMessage').length;
  const run = await runEntry('src/cli.ts', ['--now', '2022-12-11', 'reminders', 'run'], { env });
  expect(run.stdout).toContain('2 posted');
  const posts = api.callsTo('chat.postMessage').slice(before);
  expect(posts.map((post) => [post.body.channel, post.headers.authorization]).sort()).toEqual([
    ['CT1', 'Bearer xoxb-one'],
    ['CT2', 'Bearer xoxb-two'],
  ]);
  // The same claims as the bot's own daily job: a second run (or the bot's) posts nothing again.
  const again = await runEntry('src/cli.ts', ['--now', '2022-12-11', 'reminders', 'run'], { env });
  expect(again.stdout).toContain('0 posted');
  expect(api.callsTo('chat.postMessage').length - before).toBe(2);
});
