// A reminder run whatever Slack does: calls that never answer, and a Retry-After of an hour, must not
// hold the run; what was not posted stays pending for the next run, and nothing is posted twice.
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { runReminders, type ReminderJobDeps } from '../../src/reminders/run-reminders.js';
import {
  createSlackReminderPoster,
  createWebClient,
  WEB_API_TIMEOUT_MS,
} from '../../src/slack/slack-reminder-poster.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { testCore } from '../helpers/test-core.js';

let api: FakeSlackApi;
let store: MemoryStore;
const slept: number[] = [];
let runs = 0;
const DUE = '2022-12-11'; // 30 days before Windows 8.1's security support ends
const channels = Array.from({ length: 200 }, (_, index) => `C${String(index).padStart(3, '0')}`);
const hung = new Set(channels.slice(0, 10));

beforeAll(async () => {
  api = await new FakeSlackApi().start();
});
afterAll(async () => api.stop());
beforeEach(async () => {
  store = new MemoryStore();
  api.calls.length = 0;
  api.accepted.clear();
  slept.length = 0;
  for (const channel of channels) {
    const workspace = channel < 'C100' ? 'T1' : 'T2';
    await store.watch({ workspace, channel }, [{ release: 'windows/8.1', leads: [30] }], 'manual', '2022-01-01');
  }
});

function job(): ReminderJobDeps {
  return {
    store,
    releaseByKey: testCore().deps().releaseByKey,
    today: DUE,
    now: () => `${DUE}T09:00:00.000Z`,
    runId: `test-run-${(runs += 1)}`,
    sleep: async (ms) => {
      slept.push(ms);
    },
  };
}

// The client's own deadline (WEB_API_TIMEOUT_MS): a call the fake never answers really hangs, and a
// call that is merely slow on a busy machine is never taken for hung.
const poster = () => createSlackReminderPoster(createWebClient('xoxb-test', api.apiUrl));
const postsPerChannel = () => channels.map((channel) => api.accepted.get(channel)?.length ?? 0);

it(
  'finishes when 10 of 200 channels never answer, leaves those pending, and posts them once on the next run',
  async () => {
    api.override = (call) =>
      call.method === 'chat.postMessage' && hung.has(String(call.body.channel)) ? 'hang' : undefined;
    const first = await runReminders(job(), poster());
    expect(first.report.posted).toHaveLength(190);
    expect(first.report.pending.map((item) => item.reminder.channel).sort()).toEqual([...hung].sort());

    api.override = () => undefined;
    const second = await runReminders(job(), poster());
    expect(second.report.posted).toHaveLength(10);
    expect(postsPerChannel().every((count) => count === 1)).toBe(true);
    // The hung calls run at once and end at the client's deadline (10 s); a run held by them would never end.
  },
  6 * WEB_API_TIMEOUT_MS,
);

it('leaves a workspace that asks to wait an hour for the next run, without holding the other', async () => {
  api.override = (call) =>
    call.method === 'chat.postMessage' && String(call.body.channel) >= 'C100'
      ? { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } }
      : undefined;
  const first = await runReminders(job(), poster());
  expect(first.report.posted.every((reminder) => reminder.workspace === 'T1')).toBe(true);
  expect(first.report.posted).toHaveLength(100);
  expect(first.report.pending.every((item) => item.reminder.workspace === 'T2')).toBe(true);
  expect(Math.max(0, ...slept)).toBeLessThan(120_000);

  api.override = () => undefined;
  await runReminders(job(), poster());
  expect(postsPerChannel().every((count) => count === 1)).toBe(true);
});
