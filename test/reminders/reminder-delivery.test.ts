// The daily reminder job at pinned dates, posting through the real Slack poster to the fake Web API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { addDays } from '../../src/leaf/calendar-date.js';
import { runReminders, type ReminderJobDeps } from '../../src/reminders/run-reminders.js';
import { createSlackReminderPoster, createWebClient } from '../../src/slack/slack-reminder-poster.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { testCore } from '../helpers/test-core.js';

let api: FakeSlackApi;
let store: MemoryStore;
const slept: number[] = [];
let runs = 0;
const W81 = 'windows/8.1';
const met = { workspace: 'T1', channel: 'CMET' };

beforeAll(async () => {
  api = await new FakeSlackApi().start();
});
afterAll(async () => api.stop());
beforeEach(() => {
  store = new MemoryStore();
  api.calls.length = 0;
  api.accepted.clear();
  api.override = () => undefined;
  slept.length = 0;
});

function jobOn(today: string, on: ReminderJobDeps['store'] = store): ReminderJobDeps {
  return {
    store: on,
    releaseByKey: testCore().deps().releaseByKey,
    today,
    now: () => `${today}T09:00:00.000Z`,
    runId: `test-run-${(runs += 1)}`,
    sleep: async (ms) => {
      slept.push(ms);
    },
  };
}

const poster = () => createSlackReminderPoster(createWebClient('xoxb-test', api.apiUrl));
const run = (today: string, on?: ReminderJobDeps['store']) => runReminders(jobOn(today, on), poster());

/** A run whose post reaches Slack but which dies before recording it sent. */
async function runThatDiesBeforeRecording(today: string) {
  const crashing = Object.create(store) as MemoryStore;
  crashing.recordReminder = async (key, record) => {
    if (record.status === 'sent') throw new Error('killed before recording');
    return store.recordReminder(key, record);
  };
  return run(today, crashing);
}

describe('reminders for a watch on Windows 8.1 with the default leads', () => {
  it('post on exactly the days before each end of support, and on no other day', async () => {
    await store.watch(met, [{ release: W81, leads: [180, 90, 30, 7, 1, 0] }], 'manual', '2017-06-01');
    const postedOn: string[] = [];
    for (let day = '2017-06-01'; day <= '2023-02-01'; day = addDays(day, 1)) {
      const { report } = await run(day);
      postedOn.push(...report.posted.map((reminder) => `${day} ${reminder.phase.key}`));
    }
    expect(postedOn).toEqual([
      '2017-07-13 eoas',
      '2017-10-11 eoas',
      '2017-12-10 eoas',
      '2018-01-02 eoas',
      '2018-01-08 eoas',
      '2018-01-09 eoas',
      '2022-07-14 eol',
      '2022-10-12 eol',
      '2022-12-11 eol',
      '2023-01-03 eol',
      '2023-01-09 eol',
      '2023-01-10 eol',
    ]);
    expect(api.acceptedPosts()).toHaveLength(12);
  });

  it('says what ends, when, what remains and how many machines the team has on it', async () => {
    await store.setCounts(met, [{ release: W81, count: 14450 }], { user: 'U1', at: '2017-06-01T00:00:00Z' });
    await store.watch(met, [{ release: W81, leads: [180] }], 'manual', '2017-06-01');
    await run('2017-07-13');
    const post = api.callsTo('chat.postMessage')[0]?.body as any;
    expect(post.channel).toBe('CMET');
    expect(post.text).toContain('Microsoft Windows 8.1: Active Support ends on 2018-01-09, in 180 days.');
    expect(post.text).toContain('After that: Security Support available until 2023-01-10.');
    expect(post.text).toContain('This team reports 14,450 machines on it.');
    expect(JSON.stringify(post.blocks)).toContain('2018-01-09');
    expect(post.metadata).toEqual({
      event_type: 'eolwatch_reminder',
      event_payload: { key: 'T1|CMET|windows/8.1|eoas|2018-01-09|180' },
    });
  });

  it('post nothing on a second run the same day', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    expect((await run('2022-12-11')).report.posted).toHaveLength(1);
    expect((await run('2022-12-11')).report.posted).toHaveLength(0);
    expect(api.acceptedPosts()).toHaveLength(1);
  });

  it('post one late reminder after three missed days', async () => {
    await store.watch(met, [{ release: W81, leads: [180, 90, 30, 7, 1, 0] }], 'manual', '2022-12-01');
    await run('2022-12-10');
    const { report } = await run('2022-12-14');
    expect(report.posted.map((reminder) => [reminder.key, reminder.late])).toEqual([
      ['T1|CMET|windows/8.1|eol|2023-01-10|30', true],
    ]);
    expect(String(api.callsTo('chat.postMessage')[0]?.body.text)).toContain(
      'Late: this reminder was due on 2022-12-11',
    );
  });

  it('post only the most recent missed lead of a milestone, never a burst', async () => {
    await store.watch(met, [{ release: W81, leads: [180, 90, 30, 7, 1, 0] }], 'manual', '2022-01-01');
    const { report } = await run('2023-01-09');
    expect(report.posted.map((reminder) => reminder.key)).toEqual(['T1|CMET|windows/8.1|eol|2023-01-10|1']);
  });

  it('post nothing for leads whose day had passed before the watch was created', async () => {
    await store.watch(met, [{ release: W81, leads: [180, 90, 30, 7, 1, 0] }], 'manual', '2022-12-20');
    expect((await run('2022-12-20')).report.posted).toHaveLength(0);
    expect((await run('2023-01-03')).report.posted).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('waits Retry-After on a 429 and posts once in the end', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    let refused = false;
    api.override = (call) => {
      if (call.method !== 'chat.postMessage' || refused) return undefined;
      refused = true;
      return { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } };
    };
    const { report } = await run('2022-12-11');
    expect(slept).toContain(2000);
    expect(report.rateLimited).toBe(1);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(api.acceptedPosts()).toHaveLength(1);
  });

  it('marks a channel broken on not_in_channel and still delivers to the others', async () => {
    const other = { workspace: 'T1', channel: 'COTHER' };
    await store.watch(met, [{ release: W81, leads: [30, 7] }], 'manual', '2022-01-01');
    await store.watch(other, [{ release: W81, leads: [30, 7] }], 'manual', '2022-01-01');
    api.override = (call) =>
      call.method === 'chat.postMessage' && call.body.channel === 'CMET'
        ? { body: { ok: false, error: 'not_in_channel' } }
        : undefined;
    const { report } = await run('2022-12-11');
    expect(api.callsTo('conversations.join').map((call) => call.body.channel)).toEqual(['CMET']);
    expect(report.broken).toEqual([{ workspace: 'T1', channel: 'CMET', reason: 'not_in_channel' }]);
    expect(api.acceptedPosts().map((post) => post.channel)).toEqual(['COTHER']);
    expect((await store.channelWatches(met)).broken?.reason).toBe('not_in_channel');
    // A change like any other, in the audit log: by the scheduler, once.
    expect(await store.auditEntries('T1', { channel: 'CMET' })).toEqual([
      expect.objectContaining({
        user: 'eolwatch',
        via: 'scheduler',
        action: 'channel.broken',
        change: 'reminders stopped: Slack answered not_in_channel',
      }),
    ]);
    // Not retried every day: a broken channel is skipped until someone watches again.
    expect((await run('2023-01-03')).report.posted.map((reminder) => reminder.channel)).toEqual(['COTHER']);
  });

  it.each([
    ['not_in_channel', 'I am not a member of it', '/invite @eolwatch'],
    ['channel_not_found', 'Slack no longer finds it', '/invite @eolwatch'],
    ['is_archived', 'it was archived', 'Unarchive it'],
  ])(
    'tells whoever set up the watches, in a direct message, once, when a channel breaks with %s',
    async (error, why, fix) => {
      await store.watch(met, [{ release: W81, leads: [30, 7] }], 'manual', '2022-01-01', 'UALEX');
      await store.watch(met, [{ release: 'windows/7-sp1', leads: [30] }], 'manual', '2022-01-01', 'USAM');
      await store.setCounts(met, [{ release: 'windows/10-22h2', count: 3 }], {
        user: 'UCOUNT',
        at: '2022-01-01T09:00:00.000Z',
      });
      api.override = (call) =>
        call.method === 'chat.postMessage' && call.body.channel === 'CMET' ? { body: { ok: false, error } } : undefined;
      await run('2022-12-11');
      expect(
        api
          .callsTo('conversations.open')
          .map((call) => call.body.users)
          .sort(),
      ).toEqual(['UALEX', 'USAM']);
      const dms = api.callsTo('chat.postMessage').filter((call) => String(call.body.channel).startsWith('D'));
      expect(dms.map((call) => call.body.channel).sort()).toEqual(['DUALEX', 'DUSAM']);
      expect(String(dms[0]?.body.text)).toContain('Reminders in <#CMET> have stopped');
      expect(String(dms[0]?.body.text)).toContain(why);
      expect(String(dms[0]?.body.text)).toContain(fix);
      await run('2023-01-03');
      expect(api.callsTo('conversations.open')).toHaveLength(2);
    },
  );

  it('neither loses nor repeats a reminder when the run dies between posting and recording it', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    await runThatDiesBeforeRecording('2022-12-11');
    expect(api.acceptedPosts()).toHaveLength(1);
    expect((await store.reminderRecords())['T1|CMET|windows/8.1|eol|2023-01-10|30']?.status).toBe('pending');
    const { report } = await run('2022-12-11');
    expect(report.alreadyPosted).toHaveLength(1);
    expect(report.posted).toHaveLength(0);
    expect(api.acceptedPosts()).toHaveLength(1);
    expect((await store.reminderRecords())['T1|CMET|windows/8.1|eol|2023-01-10|30']?.status).toBe('sent');
  });

  it('finds an interrupted post however busy the channel has been since (450 newer messages)', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    await runThatDiesBeforeRecording('2022-12-11');
    api.addChatter('CMET', 450);
    const { report } = await run('2022-12-11');
    expect(report.alreadyPosted).toHaveLength(1);
    expect(report.posted).toHaveLength(0);
    expect(api.acceptedPosts()).toHaveLength(1);
    expect(api.callsTo('conversations.history').length).toBeGreaterThan(1);
  });

  it('posts a pending reminder once when the channel cannot be searched for it', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    await store.recordReminder('T1|CMET|windows/8.1|eol|2023-01-10|30', {
      status: 'pending',
      at: '2022-12-11T09:00:00Z',
      ts: null,
      late: false,
    });
    api.override = (call) =>
      call.method === 'conversations.history' ? { body: { ok: false, error: 'missing_scope' } } : undefined;
    const { report } = await run('2022-12-11');
    expect(report.posted).toHaveLength(1);
    expect(api.acceptedPosts()).toHaveLength(1);
  });

  it('never posts blind when the look for an interrupted post fails: left pending, looked for again next run', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    await runThatDiesBeforeRecording('2022-12-11').catch(() => undefined);
    expect(api.acceptedPosts()).toHaveLength(1);
    // The channel's history does not answer (a timeout, Slack down): whether it was posted is unknown.
    api.override = (call) =>
      call.method === 'conversations.history'
        ? { status: 503, body: { ok: false, error: 'service_unavailable' } }
        : undefined;
    const blind = await run('2022-12-11');
    expect(blind.report.posted).toHaveLength(0);
    expect(blind.report.pending.map((item) => item.reason)).toEqual([
      'could not tell whether an interrupted run posted it: looked again next run',
    ]);
    expect(api.callsTo('conversations.history').length).toBeGreaterThanOrEqual(3);
    expect(api.acceptedPosts()).toHaveLength(1);
    // Slack answers again: the post is found, not made a second time.
    api.override = () => undefined;
    const next = await run('2022-12-11');
    expect(next.report.alreadyPosted).toHaveLength(1);
    expect(api.acceptedPosts()).toHaveLength(1);
  });

  it('posts a reminder that was recorded pending but never reached Slack', async () => {
    await store.watch(met, [{ release: W81, leads: [30] }], 'manual', '2022-01-01');
    await store.recordReminder('T1|CMET|windows/8.1|eol|2023-01-10|30', {
      status: 'pending',
      at: '2022-12-11T09:00:00Z',
      ts: null,
      late: false,
    });
    const { report } = await run('2022-12-11');
    expect(report.posted).toHaveLength(1);
    expect(api.acceptedPosts()).toHaveLength(1);
  });
});

describe('one thread per milestone', () => {
  it('posts the first reminder of a milestone in the channel and the later ones in its thread, shown in the channel for the last week', async () => {
    await store.watch(met, [{ release: W81, leads: [30, 8, 7, 0] }], 'manual', '2022-12-01');
    await run('2022-12-11');
    await run('2023-01-02');
    await run('2023-01-03');
    await run('2023-01-10');
    const posts = api
      .callsTo('chat.postMessage')
      .map((call) => call.body as { thread_ts?: string; reply_broadcast?: string });
    expect(posts).toHaveLength(4);
    const first = api.accepted.get('CMET')?.[0]?.ts;
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect(posts.slice(1).map((post) => post.thread_ts)).toEqual([first, first, first]);
    expect(posts.slice(1).map((post) => post.reply_broadcast)).toEqual(['false', 'true', 'true']);
  });

  it('a reply a crashed run posted is found in its thread, and not posted again', async () => {
    await store.watch(met, [{ release: W81, leads: [30, 7] }], 'manual', '2022-12-01');
    await run('2022-12-11');
    await store.watch(met, [{ release: W81, leads: [30, 8] }], 'manual', '2022-12-01');
    await runThatDiesBeforeRecording('2023-01-02');
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    const { report } = await run('2023-01-02');
    expect(report.posted).toHaveLength(0);
    expect(report.alreadyPosted).toHaveLength(1);
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
    expect(api.callsTo('conversations.replies').length).toBeGreaterThan(0);
  });
});
