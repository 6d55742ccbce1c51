// "Snooze 7 days" and "Mark handled" as signed interactivity requests through the real Bolt app.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { planReminders } from '../../src/reminders/plan-reminders.js';
import { HANDLED_ACTION_ID, SNOOZE_ACTION_ID, UNDO_HANDLED_ACTION_ID } from '../../src/render/slack-ids.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { buttonPressBody, postToSlackApp } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt, testCore } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
const met = { workspace: 'T1', channel: 'CMET' };

beforeAll(async () => {
  running = await startHttpApp(depsAt('2022-12-11', { store: async () => store }));
  await store.watch(met, [{ release: 'windows/8.1', leads: [30, 7, 1, 0] }], 'manual', '2022-01-01');
});
afterAll(async () => running.stop());

async function press(actionId: string, milestone: string, channel = 'CMET') {
  const before = running.api.callsTo('response').length;
  const message = {
    ts: '1.2',
    text: 'reminder',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Windows 8.1 ends' } }],
  };
  const body = buttonPressBody({
    actionId,
    value: milestone,
    user: 'U7',
    channel,
    responseUrl: running.api.responseUrl,
    message,
  });
  const response = await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
  expect(response.status).toBe(200);
  await running.api.waitFor('response', before + 1);
  return running.api.callsTo('response').at(-1)?.body as any;
}

async function planOn(today: string) {
  return planReminders({
    today,
    watches: await store.allWatches(),
    releaseByKey: testCore().deps().releaseByKey,
    countsOf: () => ({}),
    records: {},
    marks: await store.milestoneMarks(),
  });
}

it('snoozes a milestone for 7 days: silent until then, one reminder on the day', async () => {
  const reply = await press(SNOOZE_ACTION_ID, 'T1|CMET|windows/8.1|eol');
  expect(reply.replace_original).toBe(true);
  expect(JSON.stringify(reply.blocks)).toContain('Snoozed by <@U7> until 2022-12-18');
  expect((await store.milestoneMarks())['T1|CMET|windows/8.1|eol']).toMatchObject({
    snoozedUntil: '2022-12-18',
    snoozedBy: 'U7',
  });
  expect((await store.auditEntries('T1')).at(-1)).toMatchObject({
    user: 'U7',
    via: 'slack',
    channel: 'CMET',
    action: 'milestone.snooze',
    releases: ['windows/8.1'],
  });
  expect((await planOn('2022-12-17')).map((r) => r.key)).toEqual(['T1|CMET|windows/8.1|eol|2023-01-10|30']);
  expect((await planOn('2022-12-18')).map((r) => r.key)).toEqual([
    'T1|CMET|windows/8.1|eol|2023-01-10|snooze-2022-12-18',
  ]);
});

it('marks a milestone handled: no more reminders of it in that channel, who and when shown in /eol watches', async () => {
  const reply = await press(HANDLED_ACTION_ID, 'T1|CMET|windows/8.1|eol');
  expect(JSON.stringify(reply.blocks)).toContain('Marked handled by <@U7>');
  expect(await planOn('2023-01-10')).toEqual([]);
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'CMET',
    user_id: 'U1',
    command: '/eol',
    text: 'watches',
    response_url: running.api.responseUrl,
  }).toString();
  const watches = await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
  expect(JSON.stringify(watches.json())).toContain('Security Support marked handled by <@U7>');
});

it('"Undo" under a handled reminder takes the mark back: reminders resume, both recorded in the audit log', async () => {
  const handled = await press(HANDLED_ACTION_ID, 'T1|CMET|windows/8.1|eol');
  const undo = handled.blocks.find((block: { type: string }) => block.type === 'actions')?.elements?.[0];
  expect(undo).toMatchObject({ action_id: UNDO_HANDLED_ACTION_ID, value: 'T1|CMET|windows/8.1|eol' });
  const reply = await press(UNDO_HANDLED_ACTION_ID, 'T1|CMET|windows/8.1|eol');
  expect(JSON.stringify(reply.blocks)).toContain('“Handled” undone by <@U7>');
  expect((await planOn('2023-01-10')).map((r) => r.key)).toContain('T1|CMET|windows/8.1|eol|2023-01-10|0');
  expect((await store.auditEntries('T1')).slice(-2).map((entry) => entry.action)).toEqual([
    'milestone.handled',
    'milestone.unhandled',
  ]);
});

it.each([
  ['eol_snooze_1', '2022-12-12'],
  ['eol_snooze_30', '2023-01-10'],
])('%s snoozes until %s', async (actionId, until) => {
  const reply = await press(actionId, 'T1|CMET|windows/8.1|eoas');
  expect(JSON.stringify(reply.blocks)).toContain(`Snoozed by <@U7> until ${until}`);
  expect((await store.milestoneMarks())['T1|CMET|windows/8.1|eoas']).toMatchObject({ snoozedUntil: until });
});

it('a reminder offers snoozes of 1, 7 and 30 days, and asks before marking handled', async () => {
  const { renderReminder } = await import('../../src/render/render-reminder.js');
  const [reminder] = await planOn('2022-12-11');
  const elements = (
    renderReminder(reminder!).blocks[1] as unknown as { elements: { action_id: string; confirm?: unknown }[] }
  ).elements;
  expect(elements.map((element) => element.action_id)).toEqual([
    'eol_snooze_1',
    'eol_snooze_7',
    'eol_snooze_30',
    'eol_handled',
  ]);
  expect(elements[3]?.confirm).toMatchObject({ title: { text: 'Mark handled?' } });
});

it("refuses to mark another channel's milestone", async () => {
  const reply = await press(HANDLED_ACTION_ID, 'T1|COTHER|windows/8.1|eol');
  expect(reply.text).toBe('That reminder belongs to another channel.');
  expect((await store.milestoneMarks())['T1|COTHER|windows/8.1|eol']).toBeUndefined();
});
