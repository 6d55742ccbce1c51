// Runs that overlap on one store post each reminder once: two `reminders run` processes started at the
// same moment, and the bot's daily job (in this process) beside a command-line run, for 200 watched
// channels each: 200 posts, one per channel.
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { runReminders } from '../../src/reminders/run-reminders.js';
import { createSlackReminderPoster, createWebClient } from '../../src/slack/slack-reminder-poster.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { newRunId } from '../../src/store/run-claims.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { runEntry } from '../helpers/run-entry.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { testCore } from '../helpers/test-core.js';

const DUE = '2022-12-11'; // 30 days before Windows 8.1's security support ends
const channels = Array.from({ length: 200 }, (_, index) => `C${String(index).padStart(3, '0')}`);
const temp = makeTempDir();
let api: FakeSlackApi;
let storePath: string;
let made = 0;

beforeAll(async () => {
  api = await new FakeSlackApi().start();
});
afterAll(async () => {
  await api.stop();
  temp.remove();
});
beforeEach(async () => {
  api.calls.length = 0;
  api.accepted.clear();
  storePath = join(temp.path, `store-${(made += 1)}.json`);
  const store = await LowdbStore.open(storePath);
  for (const channel of channels)
    await store.watch({ workspace: 'T1', channel }, [{ release: 'windows/8.1', leads: [30] }], 'manual', '2022-01-01');
  await store.close();
});

const cliRun = () =>
  runEntry('src/cli.ts', ['--now', DUE, 'reminders', 'run'], {
    env: { EOLWATCH_STORE: storePath, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.apiUrl },
  });
const postsPerChannel = () => channels.map((channel) => api.accepted.get(channel)?.length ?? 0);

it('two reminders runs started at the same moment post 200 reminders, one per channel', async () => {
  const [first, second] = await Promise.all([cliRun(), cliRun()]);
  // A failed run shows what it printed.
  expect([first, second].map((run) => (run.code === 0 ? 0 : `${run.stdout}${run.stderr}`))).toEqual([0, 0]);
  const postedBy = (run: { stdout: string }) => Number(/(\d+) posted,/.exec(run.stdout)?.[1]);
  expect(postedBy(first) + postedBy(second)).toBe(200);
  expect(api.acceptedPosts()).toHaveLength(200);
  expect(postsPerChannel().every((count) => count === 1)).toBe(true);
});

it("the bot's daily job and a command-line run at the same moment post 200, one per channel", async () => {
  const store = await LowdbStore.open(storePath);
  try {
    const bot = runReminders(
      {
        store,
        releaseByKey: testCore().deps().releaseByKey,
        today: DUE,
        now: () => new Date().toISOString(),
        sleep: async () => undefined,
        runId: newRunId(),
      },
      createSlackReminderPoster(createWebClient('xoxb-test', api.apiUrl)),
    );
    const [cli] = await Promise.all([cliRun(), bot]);
    expect(cli.code).toBe(0);
  } finally {
    await store.close();
  }
  expect(api.acceptedPosts()).toHaveLength(200);
  expect(postsPerChannel().every((count) => count === 1)).toBe(true);
});
