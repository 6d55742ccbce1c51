// The Home tab through the real Bolt app: app_home_opened publishes the workspace's figures (then the
// burn-down picture, uploaded privately); its buttons open the forms; the release pickers are answered by
// the resolver; the forms refuse with errors on their fields and save nothing, or save, post the answer
// to the team's channel and publish the tab again; Undo takes a "handled" back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CONTRACT_FORM_CALLBACK_ID,
  COUNTS_FORM_CALLBACK_ID,
  HOME_CONTRACT_ACTION_ID,
  HOME_COUNTS_ACTION_ID,
  HOME_WATCH_ACTION_ID,
  RELEASE_SELECT_ACTION_ID,
  UNDO_HANDLED_LIST_ACTION_ID,
  WATCH_FORM_CALLBACK_ID,
} from '../../src/render/slack-ids.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import {
  eventBody,
  homeButtonPressBody,
  optionsRequestBody,
  postToSlackApp,
  slashCommandBody,
  viewSubmissionBody,
} from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

let store: MemoryStore;
let running: RunningApp;
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

beforeAll(async () => {
  running = await startHttpApp(depsAt('2017-06-28', { store: async () => store }));
});
afterAll(async () => running.stop());
beforeEach(async () => {
  store = new MemoryStore();
  await saveMetHistory(store, { workspace: 'T1', channel: 'CMET' });
});

type View = {
  type: string;
  callback_id?: string;
  blocks: {
    type: string;
    block_id?: string;
    text?: { text: string };
    fields?: { text: string }[];
    slack_file?: { id: string };
    alt_text?: string;
    accessory?: { value: string };
    elements?: { action_id: string }[];
  }[];
};
const published = () =>
  running.api.callsTo('views.publish').map((call) => ({
    user: String(call.body.user_id),
    view: (typeof call.body.view === 'string' ? JSON.parse(call.body.view) : call.body.view) as View,
  }));
const textOf = (view: View) => JSON.stringify(view.blocks);

async function openHome(user = 'U1', tab = 'home') {
  const before = published().length;
  const event = { type: 'app_home_opened', user, channel: 'DHOME', tab, event_ts: '1.1' };
  expect((await postToSlackApp(running.eventsUrl, { body: eventBody(event), contentType: JSON_TYPE })).status).toBe(
    200,
  );
  return before;
}

async function submit(callbackId: string, values: Record<string, Record<string, unknown>>, user = 'U1') {
  const response = await postToSlackApp(running.eventsUrl, {
    body: viewSubmissionBody({ callbackId, user, privateMetadata: '', values }),
    contentType: FORM,
  });
  expect(response.status).toBe(200);
  return response.text === ''
    ? null
    : (response.json() as { response_action?: string; errors?: Record<string, string> });
}

const channelField = (channel: string | null) => ({
  eol_form_channel: { eol_form_channel_input: { type: 'conversations_select', selected_conversation: channel } },
});
const releaseField = (block: string, key: string | null) => ({
  [block]: {
    [RELEASE_SELECT_ACTION_ID]: {
      type: 'external_select',
      selected_option: key ? { value: key, text: { type: 'plain_text', text: key } } : null,
    },
  },
});
const countField = (row: number, value: string | null) => ({
  [`eol_form_count_${row}`]: { eol_form_count_input: { type: 'plain_text_input', value } },
});

describe('the Home tab', () => {
  it("publishes the workspace's figures when opened, then again with the burn-down uploaded privately", async () => {
    const before = await openHome();
    await running.api.waitFor('views.publish', before + 2);
    const [first, second] = published().slice(before);
    expect(first?.user).toBe('U1');
    expect(first?.view.type).toBe('home');
    const figures = first?.view.blocks.find((block) => block.fields)?.fields?.map((fieldText) => fieldText.text);
    expect(figures).toEqual([
      '*:red_circle: Unsupported now*\n18,293 machines',
      '*:large_orange_circle: Extended support only*\n0 machines',
      '*:large_yellow_circle: Losing support within 180 days*\n0 machines',
      '*:large_green_circle: Supported*\n15,950 machines',
    ]);
    expect(textOf(first?.view as View)).toContain('<#CMET>: 18,293 of 34,243 machines');
    expect(textOf(first?.view as View)).toContain('endoflife.date');
    const image = second?.view.blocks.find((block) => block.type === 'image');
    expect(image?.slack_file?.id).toMatch(/^FUP\d+$/);
    expect(image?.alt_text).toContain('18,293');
    const upload = running.api.uploads.at(-1);
    expect(upload?.channel).toBeUndefined();
    expect(upload?.altText).toContain('Microsoft Windows XP SP3');
    // What will not make it at this pace comes with the picture, first among the lists.
    expect(textOf(first?.view as View)).not.toContain('Will not make it');
    const lists = (second?.view.blocks ?? []).flatMap((block) => (block.text?.text ? [block.text.text] : []));
    const lookAhead = lists.findIndex((text) => text.startsWith('*Will not make it at this pace*'));
    expect(lists[lookAhead]).toContain(
      'Microsoft Windows 8.1: about 16,000 machines still on it when Active Support ends on 2018-01-09',
    );
    expect(lists[lookAhead]).toContain(
      'Microsoft Windows 7 SP1: about 1,100 machines still on it when Security Support ends on 2020-01-14: needs 49 a month; moving 14',
    );
    expect(lookAhead).toBeLessThan(lists.findIndex((text) => text.startsWith('*Teams with the most unsupported')));
  });

  it('draws the picture again only when the counts change', async () => {
    const uploads = running.api.uploads.length;
    const first = await openHome('U7');
    await running.api.waitFor('views.publish', first + 1);
    // Another user's opening, published: U7's would-be drawing had its turn before it.
    const sentinel = await openHome('U8');
    await running.api.waitFor('views.publish', sentinel + 1);
    expect(running.api.uploads.length).toBe(uploads);
    await store.setCounts({ workspace: 'T1', channel: 'CMET' }, [{ release: 'windows/5-sp3', count: 15000 }], {
      user: 'U1',
      at: '2017-06-20T09:00:00.000Z',
    });
    const second = await openHome('U7');
    await running.api.waitFor('views.publish', second + 2);
    expect(running.api.uploads.length).toBe(uploads + 1);
    expect(running.api.uploads.at(-1)?.altText).toContain('15,000 now');
  });

  it('ignores the Messages tab', async () => {
    const before = running.api.callsTo('views.publish').length;
    await openHome('U1', 'messages');
    await openHome('U9', 'home');
    await running.api.waitFor('views.publish', before + 1);
    expect(
      running.api
        .callsTo('views.publish')
        .slice(before)
        .map((call) => call.body.user_id),
    ).toEqual(['U9']);
  });

  it('lists next reminders and handled milestones, and Undo takes a "handled" back', async () => {
    await store.watch(
      { workspace: 'T1', channel: 'CMET' },
      [{ release: 'windows/8.1', leads: [365, 30] }],
      'manual',
      '2017-01-01',
    );
    await store.markMilestone('T1|CMET|windows/8.1|eoas', { handledBy: 'U2', handledAt: '2017-06-01T10:00:00.000Z' });
    const before = await openHome();
    await running.api.waitFor('views.publish', before + 1);
    const home = published()[before]?.view as View;
    expect(textOf(home)).toContain('in <#CMET>: Microsoft Windows 8.1, Security Support ends 2023-01-10');
    const undo = home.blocks.find((block) => block.accessory?.value === 'T1|CMET|windows/8.1|eoas');
    expect(undo?.text?.text).toContain('Active Support in <#CMET>, by <@U2> on 2017-06-01');
    const beforeUndo = published().length;
    await postToSlackApp(running.eventsUrl, {
      body: homeButtonPressBody({
        actionId: UNDO_HANDLED_LIST_ACTION_ID,
        value: 'T1|CMET|windows/8.1|eoas',
        user: 'U1',
      }),
      contentType: FORM,
    });
    await running.api.waitFor('views.publish', beforeUndo + 1);
    expect((await store.milestoneMarks())['T1|CMET|windows/8.1|eoas']?.handledAt).toBeUndefined();
    expect(textOf(published()[beforeUndo]?.view as View)).not.toContain('Marked handled');
    expect((await store.auditEntries('T1')).at(-1)).toMatchObject({ action: 'milestone.unhandled', user: 'U1' });
  });

  it('lists the latest date changes told to channels, one line per change with how many heard it', async () => {
    for (const channel of ['CMET', 'COTHER'])
      await store.recordReminder(`notice|T1|${channel}|windows/8.1|eol|2023-01-10>2023-07-11`, {
        status: 'sent',
        at: '2017-06-20T06:00:00.000Z',
        ts: '1.1',
        late: false,
      });
    await store.recordReminder('notice|T1|CMET|windows/5-sp3|eol|2014-04-08>2014-05-08', {
      status: 'pending',
      at: '2017-06-21T06:00:00.000Z',
      ts: null,
      late: false,
    });
    await store.recordReminder('notice|T9|CX|windows/7-sp1|eol|2020-01-14>2020-02-14', {
      status: 'sent',
      at: '2017-06-22T06:00:00.000Z',
      ts: '1.2',
      late: false,
    });
    const before = await openHome('U8');
    await running.api.waitFor('views.publish', before + 1);
    const home = textOf(published()[before]?.view as View);
    expect(home).toContain(
      'Microsoft Windows 8.1, Security Support: 2023-01-10 → 2023-07-11 (told 2 channels on 2017-06-20)',
    );
    // Not yet told (pending), and another workspace's: not here.
    expect(home).not.toContain('2014-05-08');
    expect(home).not.toContain('2020-02-14');
  });

  it("refuses an Undo for another workspace's milestone, changing nothing", async () => {
    await store.markMilestone('T9|CX|windows/8.1|eoas', { handledBy: 'U2', handledAt: '2017-06-01T10:00:00.000Z' });
    const before = published().length;
    await postToSlackApp(running.eventsUrl, {
      body: homeButtonPressBody({ actionId: UNDO_HANDLED_LIST_ACTION_ID, value: 'T9|CX|windows/8.1|eoas', user: 'U1' }),
      contentType: FORM,
    });
    // A sentinel: the Home opened afterwards is published, so the press before it has been handled.
    await openHome('U1');
    await running.api.waitFor('views.publish', before + 1);
    expect((await store.milestoneMarks())['T9|CX|windows/8.1|eoas']?.handledAt).toBe('2017-06-01T10:00:00.000Z');
  });

  it.each([
    [HOME_COUNTS_ACTION_ID, COUNTS_FORM_CALLBACK_ID],
    [HOME_WATCH_ACTION_ID, WATCH_FORM_CALLBACK_ID],
    [HOME_CONTRACT_ACTION_ID, CONTRACT_FORM_CALLBACK_ID],
  ])("%s opens its form with the press's trigger", async (actionId, callbackId) => {
    const before = running.api.callsTo('views.open').length;
    await postToSlackApp(running.eventsUrl, { body: homeButtonPressBody({ actionId, user: 'U1' }), contentType: FORM });
    await running.api.waitFor('views.open', before + 1);
    const call = running.api.callsTo('views.open').at(-1);
    const view = (typeof call?.body.view === 'string' ? JSON.parse(call.body.view) : call?.body.view) as View;
    expect(view.callback_id).toBe(callbackId);
    expect(String(call?.body.trigger_id)).toMatch(/^\d+\./);
  });
});

describe('the release pickers', () => {
  async function optionsFor(value: string) {
    const response = await postToSlackApp(running.eventsUrl, {
      body: optionsRequestBody({ actionId: RELEASE_SELECT_ACTION_ID, value, user: 'U1' }),
      contentType: FORM,
    });
    expect(response.status).toBe(200);
    return (response.json() as { options: { text: { type: string; text: string }; value: string }[] }).options;
  }

  it.each([
    ['win 8.1', 'windows/8.1', 'Microsoft Windows 8.1'],
    ['xp', 'windows/5-sp3', 'Microsoft Windows XP SP3'],
    ['ubuntu jammy', 'ubuntu/22.04', "Ubuntu 22.04 'Jammy Jellyfish' (LTS)"],
    ['server 2012 r2', 'windows-server/2012-r2', 'Microsoft Windows Server 2012 R2 (LTSC)'],
    ['windws 8.1', 'windows/8.1', 'Microsoft Windows 8.1'],
  ])('%j offers %s first, as /eol would read it', async (typed, key, title) => {
    const [first] = await optionsFor(typed);
    expect(first).toEqual({ text: { type: 'plain_text', text: title }, value: key });
  });

  it.each([
    ['Windows 8.1', 'windows/8.1'],
    ['windows-8.1', 'windows/8.1'],
    ['WIN 10 22H2', 'windows/10-22h2'],
    ['win xp', 'windows/5-sp3'],
    ['windows 7 sp1', 'windows/7-sp1'],
    ['Windows Server 2012 R2', 'windows-server/2012-r2'],
    ['server 2019', 'windows-server/2019'],
    ['ubuntu 22.04', 'ubuntu/22.04'],
    ['ubuntu 18.04 lts', 'ubuntu/18.04'],
    ['rhel 9', 'rhel/9'],
    ['debian 12', 'debian/12'],
    ['macos sonoma', 'macos/14'],
    ['centos7', 'centos/7'],
  ])('%j, as people type it, offers exactly %s', async (typed, key) => {
    expect((await optionsFor(typed)).map((option) => option.value)).toEqual([key]);
  });

  it('offers every edition when the name leaves it open (win11 24h2)', async () => {
    const keys = (await optionsFor('win11 24h2')).map((option) => option.value);
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.every((key) => key.startsWith('windows/11-24h2'))).toBe(true);
  });

  it("offers a product's releases, at most 100, each label short enough for Slack", async () => {
    const options = await optionsFor('windows');
    expect(options.length).toBeGreaterThan(20);
    expect(options.length).toBeLessThanOrEqual(100);
    for (const option of options) expect(option.text.text.length).toBeLessThanOrEqual(75);
  });

  it.each([
    ['nothing typed', ''],
    ['only spaces', '   '],
    ['500 characters', 'x'.repeat(500)],
    ['a broadcast mention', '<!channel>'],
  ])('offers nothing it cannot read: %s', async (_name, typed) => {
    const options = await optionsFor(typed);
    expect(options.every((option) => !option.text.text.includes('<!channel>'))).toBe(true);
    if (typed.trim() === '' || typed.length > 100) expect(options).toEqual([]);
  });
});

describe('the Update counts form', () => {
  it.each([
    [
      'no channel',
      { ...channelField(null), ...releaseField('eol_form_release_1', 'windows/8.1'), ...countField(1, '5') },
      { eol_form_channel: 'Choose the team’s channel.' },
    ],
    [
      'a count that is not whole',
      { ...channelField('CNEW'), ...releaseField('eol_form_release_1', 'windows/8.1'), ...countField(1, '12.5') },
      { eol_form_count_1: 'The count must be a whole number from 0 to 10,000,000.' },
    ],
    [
      'a negative count',
      { ...channelField('CNEW'), ...releaseField('eol_form_release_1', 'windows/8.1'), ...countField(1, '-3') },
      { eol_form_count_1: 'The count must be a whole number from 0 to 10,000,000.' },
    ],
    [
      'a count without a release',
      { ...channelField('CNEW'), ...releaseField('eol_form_release_1', null), ...countField(1, '5') },
      { eol_form_release_1: 'Choose the release these machines run.' },
    ],
    [
      'a release without a count',
      { ...channelField('CNEW'), ...releaseField('eol_form_release_1', 'windows/8.1'), ...countField(1, '') },
      { eol_form_count_1: 'Enter how many machines run it (0 removes it).' },
    ],
    [
      'a release twice',
      {
        ...channelField('CNEW'),
        ...releaseField('eol_form_release_1', 'windows/8.1'),
        ...countField(1, '5'),
        ...releaseField('eol_form_release_2', 'windows/8.1'),
        ...countField(2, '6'),
      },
      { eol_form_release_2: 'This release is in an earlier row already.' },
    ],
    [
      'a release not in the catalogue',
      { ...channelField('CNEW'), ...releaseField('eol_form_release_1', 'windows/99'), ...countField(1, '5') },
      { eol_form_release_1: 'Choose a release from the list.' },
    ],
    ['nothing at all', { ...channelField('CNEW') }, { eol_form_release_1: 'Choose a release and enter its count.' }],
  ])('refuses %s with errors on the fields, and saves nothing', async (_name, values, errors) => {
    const answer = await submit(COUNTS_FORM_CALLBACK_ID, values);
    expect(answer).toEqual({ response_action: 'errors', errors });
    expect((await store.team({ workspace: 'T1', channel: 'CNEW' })).counts).toEqual({});
  });

  it("saves several rows at once, posts the answer to the team's channel and publishes the tab again", async () => {
    const posts = running.api.callsTo('chat.postMessage').length;
    const publishes = running.api.callsTo('views.publish').length;
    const answer = await submit(COUNTS_FORM_CALLBACK_ID, {
      ...channelField('CNEW'),
      ...releaseField('eol_form_release_1', 'windows/5-sp3'),
      ...countField(1, '18,293'),
      ...releaseField('eol_form_release_2', 'windows/8.1'),
      ...countField(2, '14450'),
      ...releaseField('eol_form_release_3', null),
      ...countField(3, ''),
    });
    expect(answer).toBeNull();
    expect((await store.team({ workspace: 'T1', channel: 'CNEW' })).counts).toEqual({
      'windows/5-sp3': 18293,
      'windows/8.1': 14450,
    });
    await running.api.waitFor('chat.postMessage', posts + 1);
    const post = running.api.callsTo('chat.postMessage').at(-1);
    expect(post?.body.channel).toBe('CNEW');
    expect(String(post?.body.text)).toContain('Saved for');
    await running.api.waitFor('views.publish', publishes + 1);
    expect((await store.history({ workspace: 'T1', channel: 'CNEW' })).map((entry) => entry.user)).toEqual([
      'U1',
      'U1',
    ]);
  });

  it('refuses a locked channel on its field, for someone who is not an admin', async () => {
    await store.setChannelLock({ workspace: 'T1', channel: 'CLOCKED' }, true);
    const answer = await submit(COUNTS_FORM_CALLBACK_ID, {
      ...channelField('CLOCKED'),
      ...releaseField('eol_form_release_1', 'windows/8.1'),
      ...countField(1, '5'),
    });
    expect(answer?.errors?.eol_form_channel).toContain('this channel is locked');
    expect((await store.team({ workspace: 'T1', channel: 'CLOCKED' })).counts).toEqual({});
    expect(
      await submit(
        COUNTS_FORM_CALLBACK_ID,
        { ...channelField('CLOCKED'), ...releaseField('eol_form_release_1', 'windows/8.1'), ...countField(1, '5') },
        ADMIN,
      ),
    ).toBeNull();
  });
});

describe('the Watch releases and Add a contract forms', () => {
  const watchValues = (keys: string[], leads: string) => ({
    ...channelField('CWATCH'),
    eol_form_release: {
      [RELEASE_SELECT_ACTION_ID]: {
        type: 'multi_external_select',
        selected_options: keys.map((key) => ({ value: key })),
      },
    },
    eol_form_leads: { eol_form_leads_input: { type: 'plain_text_input', value: leads } },
  });

  it.each([
    [[], '90', { eol_form_release: 'Choose at least one release.' }],
    [
      ['windows/8.1'],
      'soon',
      {
        eol_form_leads:
          'Lead times are days from 0 to 3650, e.g. 365,90,30; weeks, months (30 days) and years (365) too: 6 months, 2 weeks.',
      },
    ],
    [
      ['windows/8.1'],
      '90, 99999',
      {
        eol_form_leads:
          'Lead times are days from 0 to 3650, e.g. 365,90,30; weeks, months (30 days) and years (365) too: 6 months, 2 weeks.',
      },
    ],
  ])('refuses releases %j with lead times %j on the fields', async (keys, leads, errors) => {
    expect(await submit(WATCH_FORM_CALLBACK_ID, watchValues(keys, leads))).toEqual({
      response_action: 'errors',
      errors,
    });
    expect((await store.channelWatches({ workspace: 'T1', channel: 'CWATCH' })).releases).toEqual({});
  });

  it('watches the releases chosen with the lead times typed', async () => {
    expect(
      await submit(WATCH_FORM_CALLBACK_ID, watchValues(['windows/8.1', 'windows-server/2012-r2'], '365, 30 ,0')),
    ).toBeNull();
    const { releases } = await store.channelWatches({ workspace: 'T1', channel: 'CWATCH' });
    expect(Object.keys(releases).sort()).toEqual(['windows-server/2012-r2', 'windows/8.1']);
    expect(releases['windows/8.1']?.leads).toEqual([365, 30, 0]);
  });

  const contractValues = (key: string | null, until: string | null, name: string) => ({
    ...channelField('CCONTRACT'),
    ...releaseField('eol_form_release', key),
    eol_form_until: { eol_form_until_input: { type: 'datepicker', selected_date: until } },
    eol_form_name: { eol_form_name_input: { type: 'plain_text_input', value: name } },
  });

  it.each([
    [null, '2019-04-08', 'Custom', { eol_form_release: 'Choose a release from the list.' }],
    ['windows/5-sp3', null, 'Custom', { eol_form_until: 'Choose the last day the contract covers.' }],
    ['windows/5-sp3', '2019-04-08', '  ', { eol_form_name: 'Name the contract, e.g. “Custom support agreement”.' }],
  ])('refuses a contract for %j until %j named %j on the fields', async (key, until, name, errors) => {
    expect(await submit(CONTRACT_FORM_CALLBACK_ID, contractValues(key, until, name))).toEqual({
      response_action: 'errors',
      errors,
    });
    expect(await store.contracts({ workspace: 'T1', channel: 'CCONTRACT' })).toEqual({});
  });

  it('saves a contract, which lookups in that channel then apply', async () => {
    expect(
      await submit(CONTRACT_FORM_CALLBACK_ID, contractValues('windows/5-sp3', '2019-04-08', 'Custom support')),
    ).toBeNull();
    expect((await store.contracts({ workspace: 'T1', channel: 'CCONTRACT' }))['windows/5-sp3']).toMatchObject({
      until: '2019-04-08',
      name: 'Custom support',
      by: 'U1',
    });
  });
});

describe('Undo in /eol watches', () => {
  it('shows an Undo button per handled milestone; pressing it resumes the reminders', async () => {
    await store.watch(
      { workspace: 'T1', channel: 'CMET' },
      [{ release: 'windows/8.1', leads: [30] }],
      'manual',
      '2017-01-01',
    );
    await store.markMilestone('T1|CMET|windows/8.1|eol', { handledBy: 'U2', handledAt: '2017-06-01T10:00:00.000Z' });
    const response = await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('watches', running.api.responseUrl, { channel_id: 'CMET' }),
      contentType: FORM,
    });
    const blocks = (
      response.json() as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] }
    ).blocks;
    const undo = blocks.find((block) => block.type === 'actions')?.elements?.[0];
    expect(undo).toMatchObject({ action_id: 'eol_unhandled_list_0', value: 'T1|CMET|windows/8.1|eol' });
    const { buttonPressBody } = await import('../helpers/signed-request.js');
    const responses = running.api.callsTo('response').length;
    await postToSlackApp(running.eventsUrl, {
      body: buttonPressBody({
        actionId: 'eol_unhandled_list_0',
        value: 'T1|CMET|windows/8.1|eol',
        user: 'U1',
        channel: 'CMET',
        responseUrl: running.api.responseUrl,
      }),
      contentType: FORM,
    });
    await running.api.waitFor('response', responses + 1);
    expect((await store.milestoneMarks())['T1|CMET|windows/8.1|eol']?.handledAt).toBeUndefined();
    expect(JSON.stringify(running.api.callsTo('response').at(-1)?.body)).toContain('reminders of this resume');
  });
});
