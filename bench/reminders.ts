// Reminder planning and delivery at scale.
// 1. Plan one day for 10,000 watches across 2,000 channels: pure planning, and through the store file.
// 2. Deliver to 2,000 channels through the real Slack poster against a local fake Web API that accepts
//    one message a second per channel and answers 429 (Retry-After: 1) beyond it; then the same with
//    eolwatch's own per-channel spacing switched off, to show 429 handling. Duplicates must be 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverReminders } from '../src/reminders/deliver-reminders.js';
import { planReminders, type PlannedReminder } from '../src/reminders/plan-reminders.js';
import { planToday } from '../src/reminders/run-reminders.js';
import type { WorkspaceWatches } from '../src/reminders/watch-store.js';
import { createSlackReminderPoster, createWebClient } from '../src/slack/slack-reminder-poster.js';
import { LowdbStore } from '../src/store/json/lowdb-store.js';
import { MemoryStore } from '../test/memory-store/memory-store.js';
import { FakeSlackApi } from '../test/helpers/fake-slack-api.js';
import { testCore } from '../test/helpers/test-core.js';
import { ms, summarize } from './stats.js';

const CHANNELS = 2000;
const WATCHES_PER_CHANNEL = 5;
const TODAY = '2022-12-11';
const core = testCore();
const releaseByKey = core.deps().releaseByKey;
// Releases with a phase ending in the bench's window, so that planning finds work, and others.
const RELEASES = [
  'windows/8.1',
  'windows/10-22h2',
  'ubuntu/18.04',
  'rhel/7',
  'debian/10',
  'windows-server/2012-r2',
  'nodejs/16',
  'postgresql/11',
];

function watchesFor(channels: number): WorkspaceWatches[] {
  return [
    {
      workspace: 'T1',
      channels: Array.from({ length: channels }, (_, c) => ({
        channel: `C${c}`,
        autoWatch: true,
        broken: null,
        contracts: {},
        releases: Object.fromEntries(
          Array.from({ length: WATCHES_PER_CHANNEL }, (_, w) => [
            RELEASES[(c + w) % RELEASES.length] ?? '',
            { leads: [180, 90, 30, 7, 1, 0], createdAt: '2020-01-01', source: 'manual' as const },
          ]),
        ),
      })),
    },
  ];
}

// --- 1. planning ---
const watches = watchesFor(CHANNELS);
const plan = () => planReminders({ today: TODAY, watches, releaseByKey, countsOf: () => ({}), records: {}, marks: {} });
plan();
const planTimes = Array.from({ length: 10 }, () => {
  const started = performance.now();
  plan();
  return performance.now() - started;
});
const planned = plan();
console.log(
  `planning ${CHANNELS * WATCHES_PER_CHANNEL} watches across ${CHANNELS} channels for one day: median ${ms(summarize(planTimes).median)}, worst of 10 ${ms(summarize(planTimes).max)}; ${planned.length} reminders due   (target < 1 s)`,
);

const dir = mkdtempSync(join(tmpdir(), 'eolwatch-bench-reminders-'));
try {
  const store = await LowdbStore.open(join(dir, 'eolwatch.json'));
  for (const channel of watches[0]?.channels ?? []) {
    await store.watch(
      { workspace: 'T1', channel: channel.channel },
      Object.entries(channel.releases).map(([release, w]) => ({ release, leads: w.leads })),
      'manual',
      '2020-01-01',
    );
  }
  const started = performance.now();
  const throughStore = await planToday({ store, releaseByKey, today: TODAY });
  console.log(
    `the same through the store file (read watches, counts, records, marks, then plan): ${ms(performance.now() - started)}; ${throughStore.length} reminders due`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// --- 2. delivery ---
async function deliver(label: string, reminders: PlannedReminder[], channelGapMs: number | undefined) {
  const api = await new FakeSlackApi().start();
  api.channelGapMs = 1000;
  const store = new MemoryStore();
  const started = performance.now();
  const report = await deliverReminders(reminders, {
    store,
    poster: createSlackReminderPoster(createWebClient('xoxb-bench', api.apiUrl)),
    now: () => new Date().toISOString(),
    runId: `bench-${label}`,
    sleep: (wait) => new Promise((resolve) => setTimeout(resolve, wait)),
    ...(channelGapMs === undefined ? {} : { channelGapMs }),
  });
  const elapsed = performance.now() - started;
  const keys = api
    .acceptedPosts()
    .map((post) => (post.metadata as { event_payload: { key: string } }).event_payload.key);
  const duplicates = keys.length - new Set(keys).size;
  const channels = new Set(reminders.map((reminder) => reminder.channel)).size;
  console.log(
    `${label}: ${reminders.length} reminders to ${channels} channels in ${(elapsed / 1000).toFixed(1)} s; posted ${report.posted.length}, 429s met ${report.rateLimited}, left pending ${report.pending.length}, duplicates ${duplicates}`,
  );
  await api.stop();
}

// One reminder for every channel, and a second one for every tenth channel (so that spacing matters).
const oneEach = planned.filter(
  (reminder, index, all) => all.findIndex((other) => other.channel === reminder.channel) === index,
);
const seconds = planned.filter(
  (reminder) => Number(reminder.channel.slice(1)) % 10 === 0 && !oneEach.includes(reminder),
);
const secondPerChannel = seconds.filter(
  (reminder, index, all) => all.findIndex((other) => other.channel === reminder.channel) === index,
);
const load = [...oneEach, ...secondPerChannel];
await deliver('delivery, eolwatch spacing posts 1.1 s apart per channel', load, undefined);
await deliver('delivery, spacing switched off (every second post to a channel meets a 429)', load, 0);
