// The Home tab for a workspace of 1,000 teams (25 releases each, a watch per team, handled marks and
// date-change notices), on the JSON store: the view built and rendered in-process, and the tab opened
// through the real Bolt app (the app_home_opened event in, views.publish arriving at a local fake Web
// API), 20 runs each. Baseline in the same rounds: a workspace of one team. Then the release pickers'
// answers (block_suggestion over HTTP, as Slack asks while someone types), 1,000 requests over 20 typed
// texts, beside the same request with nothing typed (no resolver work). Every figure and its baseline
// are taken in alternation, the order swapping from round to round.
import { buildDashboard, notMakingIt } from '../src/commands/build-dashboard.js';
import { renderHome } from '../src/render/render-home.js';
import { RELEASE_SELECT_ACTION_ID } from '../src/render/slack-ids.js';
import { LowdbStore } from '../src/store/json/lowdb-store.js';
import { MemoryStore } from '../test/memory-store/memory-store.js';
import { eventBody, optionsRequestBody, postToSlackApp } from '../test/helpers/signed-request.js';
import { startHttpApp } from '../test/helpers/start-http-app.js';
import { makeTempDir } from '../test/helpers/temp-dir.js';
import { depsAt } from '../test/helpers/test-core.js';
import { ms, slowEnd, summarize } from './stats.js';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const OPTION_REQUESTS = Number(process.env.BENCH_OPTION_REQUESTS ?? 1000);
const temp = makeTempDir();
const store = await LowdbStore.open(`${temp.path}/eolwatch.json`);
const deps = depsAt('2026-11-29', { store: async () => store });

const windows = deps.resolve('windows');
const ubuntu = deps.resolve('ubuntu');
const keys = [
  ...(windows.kind === 'releases' ? windows.releases.slice(0, 20) : []),
  ...(ubuntu.kind === 'releases' ? ubuntu.releases.slice(0, 5) : []),
].map((r) => `${r.productName}/${r.name}`);
const filling = performance.now();
for (let team = 0; team < TEAMS; team += 1) {
  const ref = { workspace: 'T1', channel: `C${String(team).padStart(6, '0')}` };
  await store.setCounts(
    ref,
    keys.map((release, index) => ({ release, count: 10 + ((team * 7 + index * 13) % 500) })),
    { user: 'U1', at: '2026-01-05T09:00:00.000Z' },
  );
  await store.watch(
    ref,
    [{ release: keys[team % keys.length] as string, leads: [180, 90, 30] }],
    'manual',
    '2026-01-05',
  );
  if (team % 50 === 0)
    await store.markMilestone(`T1|${ref.channel}|${keys[0]}|eol`, {
      handledBy: 'U2',
      handledAt: '2026-03-01T10:00:00.000Z',
    });
  if (team % 20 === 0)
    await store.recordReminder(`notice|T1|${ref.channel}|windows/8.1|eol|2023-01-10>2023-07-11`, {
      status: 'sent',
      at: '2026-02-01T06:00:00.000Z',
      ts: '1.1',
      late: false,
    });
}
await store.setCounts({ workspace: 'TSMALL', channel: 'C1' }, [{ release: 'windows/8.1', count: 14450 }], {
  user: 'U1',
  at: '2026-01-05T09:00:00.000Z',
});
console.error(`filled ${TEAMS} teams in ${((performance.now() - filling) / 1000).toFixed(1)} s`);

async function timeView(workspace: string): Promise<number> {
  const started = performance.now();
  renderHome(await buildDashboard(deps, workspace), null);
  return performance.now() - started;
}

/** The forecasts' list the tab gets in the background (it reads every team's history). */
async function timeLookAhead(workspace: string): Promise<number> {
  const started = performance.now();
  await notMakingIt(deps, workspace);
  return performance.now() - started;
}

/** `rounds` samples of each, after one unmeasured run of each; the order swaps every round. */
async function interleaved(rounds: number, ...measures: (() => Promise<number>)[]): Promise<number[][]> {
  for (const measure of measures) await measure();
  const times = measures.map(() => [] as number[]);
  for (let round = 0; round < rounds; round += 1)
    for (let step = 0; step < measures.length; step += 1) {
      const index = (round + step) % measures.length;
      times[index]?.push(await (measures[index] as () => Promise<number>)());
    }
  return times;
}
const LOOK_AHEAD_RUNS = 5;

// Opening the tab: the event in, until views.publish for that user reaches the fake Web API. The
// picture is drawn after that, in the background: each run waits for it to settle before the next.
const small = new MemoryStore();
await small.setCounts({ workspace: 'T1', channel: 'C1' }, [{ release: 'windows/8.1', count: 14450 }], {
  user: 'U1',
  at: '2026-01-05T09:00:00.000Z',
});
const running = await startHttpApp(deps);
const runningSmall = await startHttpApp(depsAt('2026-11-29', { store: async () => small }));
let opened = 0;
async function timeOpen(app: typeof running): Promise<number> {
  const user = `U${(opened += 1)}`;
  const started = performance.now();
  const event = { type: 'app_home_opened', user, channel: 'DHOME', tab: 'home', event_ts: '1.1' };
  await postToSlackApp(app.eventsUrl, { body: eventBody(event), contentType: 'application/json' });
  while (!app.api.callsTo('views.publish').some((call) => call.body.user_id === user))
    await new Promise((resolve) => setTimeout(resolve, 1));
  const took = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return took;
}
// The picture and the forecasts are worked out after the tab is shown: each run lets them finish first.
const SETTLE_MS = 3000;

const TYPED = [
  'win 8.1',
  'xp',
  'ubuntu jammy',
  'server 2012 r2',
  'windows 10 22h2',
  'rhel 9',
  'debian',
  'node 18',
  'macos sonoma',
  'windws 11',
  'w',
  'win',
  'windows',
  'ubuntu',
  'exchange 2016',
  'sql server 2019',
  'jammy',
  'iphone',
  'android 14',
  'centos 7',
];
let optionsAsked = 0;
async function timeOption(typed: readonly string[]): Promise<number> {
  const body = optionsRequestBody({
    actionId: RELEASE_SELECT_ACTION_ID,
    value: typed[(optionsAsked += 1) % typed.length] as string,
    user: 'U1',
  });
  const started = performance.now();
  const response = await postToSlackApp(running.eventsUrl, {
    body,
    contentType: 'application/x-www-form-urlencoded',
  });
  if (response.status !== 200) throw new Error(`options answered ${response.status}`);
  return performance.now() - started;
}

const row = (label: string, samples: number[], baseline?: number[]) => {
  const { median } = summarize(samples);
  const ratio = baseline ? `  (x${(median / summarize(baseline).median).toFixed(1)} baseline)` : '';
  return `  ${label.padEnd(52)} median ${ms(median)}, ${slowEnd(samples)}${ratio}`;
};

const [viewSmall = [], viewBig = []] = await interleaved(
  RUNS,
  () => timeView('TSMALL'),
  () => timeView('T1'),
);
const [lookAheadSmall = [], lookAheadBig = []] = await interleaved(
  LOOK_AHEAD_RUNS,
  () => timeLookAhead('TSMALL'),
  () => timeLookAhead('T1'),
);
const [openSmall = [], openBig = []] = await interleaved(
  RUNS,
  () => timeOpen(runningSmall),
  () => timeOpen(running),
);
const [optionsEmpty = [], optionsTyped = []] = await interleaved(
  OPTION_REQUESTS,
  () => timeOption(['']),
  () => timeOption(TYPED),
);
console.log(`the Home tab, ${TEAMS} teams x ${keys.length} releases on the JSON store, ${RUNS} interleaved rounds`);
console.log(row('baseline: view built and rendered, 1 team', viewSmall));
console.log(row(`view built and rendered, ${TEAMS} teams`, viewBig, viewSmall) + '   (target < 500 ms)');
console.log(`the look ahead, in the background after the tab is shown, ${LOOK_AHEAD_RUNS} interleaved rounds`);
console.log(row('baseline: forecasts of 1 team', lookAheadSmall));
console.log(row(`forecasts of ${TEAMS} teams (every history read)`, lookAheadBig, lookAheadSmall));
console.log(row('baseline: opened over HTTP -> views.publish, 1 team', openSmall));
console.log(row(`opened over HTTP -> views.publish, ${TEAMS} teams`, openBig, openSmall) + '   (target < 500 ms)');
console.log(`release picker answers (block_suggestion over HTTP), ${OPTION_REQUESTS} requests each`);
console.log(row('baseline: nothing typed', optionsEmpty));
console.log(
  row(`${TYPED.length} typed texts (win 8.1, xp, ubuntu jammy, ...)`, optionsTyped, optionsEmpty) +
    '   (target p99 < 50 ms)',
);
await running.stop();
await runningSmall.stop();
await store.close();
temp.remove();
