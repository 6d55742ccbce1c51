// Importing a device export and exporting counts through the real Bolt app: a file shared with a
// mention or through the form -> a private preview -> a button -> counts changed; exports uploaded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  IMPORT_ADD_ACTION_ID,
  IMPORT_CANCEL_ACTION_ID,
  IMPORT_FILE_ACTION_ID,
  IMPORT_FILE_BLOCK_ID,
  IMPORT_MODAL_CALLBACK_ID,
  IMPORT_REPLACE_ACTION_ID,
} from '../../src/render/slack-ids.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import {
  buttonPressBody,
  eventBody,
  postToSlackApp,
  slashCommandBody,
  viewSubmissionBody,
} from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
const FORM = 'application/x-www-form-urlencoded';
const AD_EXPORT = readFileSync('test/fixtures/imports/ad-computers-ps51.csv');

beforeAll(async () => {
  running = await startHttpApp(depsAt('2017-06-28', { store: async () => store }));
});
afterAll(async () => running.stop());

async function mentionWithFile(fileId: string, channel: string) {
  const before = running.api.callsTo('chat.postEphemeral').length;
  const event = {
    type: 'app_mention',
    user: 'U1',
    text: '<@UBOT> import this',
    ts: '1700.1',
    channel,
    team: 'T1',
    files: [{ id: fileId, name: 'x.csv' }],
  };
  expect(
    (await postToSlackApp(running.eventsUrl, { body: eventBody(event), contentType: 'application/json' })).status,
  ).toBe(200);
  await running.api.waitFor('chat.postEphemeral', before + 1);
  return running.api.callsTo('chat.postEphemeral').at(-1)?.body as {
    channel: string;
    user: string;
    text: string;
    blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
  };
}

/** Replace and Add answer twice (the result to the channel, then the preview removed); Cancel once. */
async function press(
  actionId: string,
  value: string,
  channel: string,
  replies = actionId === IMPORT_CANCEL_ACTION_ID ? 1 : 2,
) {
  const before = running.api.callsTo('response').length;
  const body = buttonPressBody({ actionId, value, user: 'U1', channel, responseUrl: running.api.responseUrl });
  expect((await postToSlackApp(running.eventsUrl, { body, contentType: FORM })).status).toBe(200);
  await running.api.waitFor('response', before + replies);
  return running.api
    .callsTo('response')
    .slice(before)
    .map((call) => call.body);
}

const countsOf = async (channel: string) => (await store.team({ workspace: 'T1', channel })).counts;

describe('a file shared with a mention', () => {
  it('is previewed privately to its sender, with the three buttons, and nothing changes', async () => {
    running.api.addFile('FAD1', 'ad-computers.csv', AD_EXPORT);
    const preview = await mentionWithFile('FAD1', 'CMET');
    expect(preview).toMatchObject({ channel: 'CMET', user: 'U1' });
    const text = JSON.stringify(preview.blocks);
    expect(text).toContain('Preview of “ad-computers.csv”');
    expect(text).toContain('47 machines → 7 releases');
    // The releases as a table (the notification text keeps them as lines).
    const table = preview.blocks.find((block) => block.type === 'table') as unknown as { rows: { text: string }[][] };
    expect(table.rows[1]?.map((cell) => cell.text)).toEqual([
      'Microsoft Windows XP SP3',
      '18',
      'unsupported since 2014-04-09',
    ]);
    expect(preview.text).toContain('18 × Microsoft Windows XP SP3');
    expect(text).toContain('3 machines not recognised');
    expect(text).toContain('“OnTap 9.8”: 1 machine');
    const buttons = preview.blocks.find((block) => block.type === 'actions')?.elements ?? [];
    expect(buttons.map((button) => button.action_id)).toEqual([
      IMPORT_REPLACE_ACTION_ID,
      IMPORT_ADD_ACTION_ID,
      IMPORT_CANCEL_ACTION_ID,
    ]);
    expect(JSON.parse(buttons[0]?.value ?? '{}')).toEqual({ file: 'FAD1' });
    expect(await countsOf('CMET')).toEqual({});
  });

  it.each([
    ['Intune’s zipped export', 'DevicesWithInventory.zip', 'intune-devices-export.zip', '113 machines → 8 releases'],
    [
      'a Lansweeper report saved as Excel',
      'Windows computers.xlsx',
      'lansweeper-assets.xlsx',
      '7 machines → 5 releases',
    ],
  ])('previews %s as it would the CSV', async (_what, name, file, summary) => {
    const id = `FZ${Math.random().toString(36).slice(2, 8)}`;
    running.api.addFile(id, name, readFileSync(`test/fixtures/imports/${file}`));
    const preview = await mentionWithFile(id, 'CZIPPED');
    const text = JSON.stringify(preview.blocks);
    expect(text).toContain(`Preview of “${name}”`);
    expect(text).toContain(summary);
    expect(await countsOf('CZIPPED')).toEqual({});
  });

  it('"Replace" applies it all at once, posts the exposure to the channel, removes the preview and records the file', async () => {
    await store.setCounts({ workspace: 'T1', channel: 'CMET' }, [{ release: 'ubuntu/22.04', count: 9 }], {
      user: 'U9',
      at: '2017-06-01T10:00:00.000Z',
    });
    const [posted, removed] = await press(IMPORT_REPLACE_ACTION_ID, JSON.stringify({ file: 'FAD1' }), 'CMET');
    expect(posted).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(posted)).toContain(
      'Replaced the counts with 47 machines from “ad-computers.csv” (an Active Directory export)',
    );
    expect(removed).toMatchObject({ delete_original: true });
    expect(await countsOf('CMET')).toEqual({
      'windows/5-sp3': 18,
      'windows/8.1': 14,
      'windows-server/2012-r2': 5,
      'windows/10-22h2': 4,
      'windows/10-21h2-w': 3,
      'windows-server/2022': 2,
      'windows/7-sp1': 1,
    });
    const history = await store.history({ workspace: 'T1', channel: 'CMET' });
    expect(history.filter((entry) => entry.action === 'import')).toHaveLength(8);
    expect(history.at(-1)).toMatchObject({ action: 'import', file: 'ad-computers.csv', user: 'U1' });
  });

  it('a second press of the same button does not apply it twice', async () => {
    running.api.addFile('FSUM', 'summary.csv', 'release,count\nxp,10\n');
    await press(IMPORT_ADD_ACTION_ID, JSON.stringify({ file: 'FSUM' }), 'CADD');
    const entries = (await store.history({ workspace: 'T1', channel: 'CADD' })).length;
    // The second press is told it changed nothing, privately.
    const [again] = await press(IMPORT_ADD_ACTION_ID, JSON.stringify({ file: 'FSUM' }), 'CADD', 1);
    expect(again).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(again?.text)).toContain('this press changed nothing');
    // A press of the same kind sent after it, answered: the second press has had its turn.
    running.api.addFile('FSENTINEL', 'sentinel.csv', 'release,count\nvista,1\n');
    await press(IMPORT_ADD_ACTION_ID, JSON.stringify({ file: 'FSENTINEL' }), 'CSENTINEL');
    expect(await countsOf('CADD')).toEqual({ 'windows/5-sp3': 10 });
    expect(await store.history({ workspace: 'T1', channel: 'CADD' })).toHaveLength(entries);
  });

  it('lets a press that applied nothing be pressed again', async () => {
    running.api.addFile('FRETRY', 'bad.csv', 'release,count\nxp,lots\n');
    for (const _press of [1, 2]) {
      const [reply] = await press(IMPORT_ADD_ACTION_ID, JSON.stringify({ file: 'FRETRY' }), 'CRETRY', 1);
      expect(String(reply?.text)).toContain('Nothing imported from “bad.csv”');
    }
    // Put right in Slack, the same button now applies it.
    running.api.addFile('FRETRY', 'bad.csv', 'release,count\nxp,3\n');
    await press(IMPORT_ADD_ACTION_ID, JSON.stringify({ file: 'FRETRY' }), 'CRETRY');
    expect(await countsOf('CRETRY')).toEqual({ 'windows/5-sp3': 3 });
  });

  it('"Add to them" adds the file to the counts the team has', async () => {
    running.api.addFile('FSUM2', 'more.csv', 'release,count\nxp,5\nwin 8.1,7\n');
    await press(IMPORT_ADD_ACTION_ID, JSON.stringify({ file: 'FSUM2' }), 'CADD');
    expect(await countsOf('CADD')).toEqual({ 'windows/5-sp3': 15, 'windows/8.1': 7 });
  });

  it('"Cancel" says so and changes nothing', async () => {
    const [reply] = await press(IMPORT_CANCEL_ACTION_ID, JSON.stringify({ file: 'FAD1' }), 'CCANCEL');
    expect(reply).toMatchObject({ replace_original: true, text: 'Import cancelled: nothing changed.' });
    expect(await countsOf('CCANCEL')).toEqual({});
  });

  it.each([
    [
      'a PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'a PNG image, not a CSV file',
    ],
    [
      'a zip with no export in it',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      'a zip archive with no CSV or JSON file in it',
    ],
    ['an empty file', Buffer.alloc(0), 'the file is empty'],
    ['no known column', Buffer.from('Name,Colour\nPC1,blue\n'), 'no column names an operating system'],
    [
      'an unclosed quote',
      Buffer.from('OperatingSystem,OperatingSystemVersion\n"Windows 10 Pro,10.0 (19045)\n'),
      'never closed',
    ],
  ])('refuses %s with a clear reason, privately, and saves nothing', async (_what, bytes, reason) => {
    const id = `FBAD${Math.random().toString(36).slice(2, 8)}`;
    running.api.addFile(id, 'upload.csv', bytes);
    const answer = await mentionWithFile(id, 'CBAD');
    expect(answer.text).toContain('Nothing imported from “upload.csv”');
    expect(answer.text).toContain(reason);
    expect(answer.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(await countsOf('CBAD')).toEqual({});
  });

  it('escapes a hostile file name in the preview', async () => {
    running.api.addFile('FHOST', '<!channel> <@U2>.csv', 'release,count\nxp,1\n');
    const preview = await mentionWithFile('FHOST', 'CHOST');
    expect(JSON.stringify(preview.blocks)).not.toMatch(/<!channel>|<@U2>/);
    expect(JSON.stringify(preview.blocks)).toContain('&lt;!channel&gt;');
  });
});

describe('/eol inventory import (the form)', () => {
  it('opens a form with a file input that remembers the channel', async () => {
    const before = running.api.callsTo('views.open').length;
    const response = await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('inventory import', running.api.responseUrl, { channel_id: 'CFORM' }),
      contentType: FORM,
    });
    expect(response.status).toBe(200);
    await running.api.waitFor('views.open', before + 1);
    const view = JSON.parse(String(running.api.callsTo('views.open').at(-1)?.body.view));
    expect(view.callback_id).toBe(IMPORT_MODAL_CALLBACK_ID);
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'CFORM' });
    expect(view.blocks[0].element).toMatchObject({
      type: 'file_input',
      action_id: IMPORT_FILE_ACTION_ID,
      max_files: 1,
    });
  });

  it('a submitted file is previewed to its sender in that channel', async () => {
    running.api.addFile('FFORM', 'jamf.csv', readFileSync('test/fixtures/imports/jamf-computers.csv'));
    const before = running.api.callsTo('chat.postEphemeral').length;
    const body = viewSubmissionBody({
      callbackId: IMPORT_MODAL_CALLBACK_ID,
      user: 'U3',
      privateMetadata: JSON.stringify({ channel: 'CFORM' }),
      values: {
        [IMPORT_FILE_BLOCK_ID]: {
          [IMPORT_FILE_ACTION_ID]: { type: 'file_input', files: [{ id: 'FFORM', name: 'jamf.csv' }] },
        },
      },
    });
    const response = await postToSlackApp(running.eventsUrl, { body, contentType: FORM });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    await running.api.waitFor('chat.postEphemeral', before + 1);
    const preview = running.api.callsTo('chat.postEphemeral').at(-1)?.body;
    expect(preview).toMatchObject({ channel: 'CFORM', user: 'U3' });
    expect(JSON.stringify(preview)).toContain('21 machines → 5 releases');
    expect(await countsOf('CFORM')).toEqual({});
  });

  it('a form sent without a file gets an error on the field', async () => {
    const body = viewSubmissionBody({
      callbackId: IMPORT_MODAL_CALLBACK_ID,
      user: 'U3',
      privateMetadata: JSON.stringify({ channel: 'CFORM' }),
      values: { [IMPORT_FILE_BLOCK_ID]: { [IMPORT_FILE_ACTION_ID]: { type: 'file_input', files: [] } } },
    });
    const response = await postToSlackApp(running.eventsUrl, { body, contentType: FORM });
    expect(response.json()).toEqual({
      response_action: 'errors',
      errors: { [IMPORT_FILE_BLOCK_ID]: 'Choose a CSV file to import.' },
    });
  });
});

describe('/eol inventory export and /eol report export', () => {
  it('uploads the team’s counts to the channel as CSV, which imports back to the same counts elsewhere', async () => {
    const team = { workspace: 'T1', channel: 'CEXP' };
    await store.setCounts(
      team,
      [
        { release: 'windows/5-sp3', count: 18293 },
        { release: 'windows/8.1', count: 14450 },
        { release: 'ubuntu/22.04', count: 3 },
      ],
      { user: 'U1', at: '2017-06-28T10:00:00.000Z' },
    );
    const before = running.api.callsTo('files.completeUploadExternal').length;
    const response = await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('inventory export', running.api.responseUrl, { channel_id: 'CEXP' }),
      contentType: FORM,
    });
    expect(response.status).toBe(200);
    await running.api.waitFor('files.completeUploadExternal', before + 1);
    const upload = running.api.uploads.at(-1);
    expect(upload).toMatchObject({ filename: 'eolwatch-CEXP-2017-06-28.csv', channel: 'CEXP' });
    expect(upload?.bytes.split('\n')[0]).toBe(
      'team,team_name,product,release,label,count,status,active_support_end,security_support_end,extended_support_end,extended_support_cost,contract_end',
    );
    expect(upload?.bytes).toContain(
      'CEXP,,windows,5-sp3,Microsoft Windows XP SP3,18293,unsupported,2009-04-14,2014-04-08,,',
    );

    running.api.addFile('FEXP', 'eolwatch-CEXP.csv', upload?.bytes ?? '');
    await mentionWithFile('FEXP', 'CEXP2');
    await press(IMPORT_REPLACE_ACTION_ID, JSON.stringify({ file: 'FEXP' }), 'CEXP2');
    expect(await countsOf('CEXP2')).toEqual(await countsOf('CEXP'));
  });

  it('uploads the workspace’s counts as JSON, one row per team and release', async () => {
    const before = running.api.callsTo('files.completeUploadExternal').length;
    await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('report export --format json', running.api.responseUrl, { channel_id: 'CEXP' }),
      contentType: FORM,
    });
    await running.api.waitFor('files.completeUploadExternal', before + 1);
    const json = JSON.parse(running.api.uploads.at(-1)?.bytes ?? '{}');
    expect(json.workspace).toBe('T1');
    const teams = new Set(json.counts.map((row: { team: string }) => row.team));
    expect(teams.has('CEXP')).toBe(true);
    expect(teams.has('CMET')).toBe(true);
    expect(
      json.counts.find((row: { team: string; release: string }) => row.team === 'CEXP' && row.release === '8.1'),
    ).toMatchObject({
      product: 'windows',
      label: 'Microsoft Windows 8.1',
      count: 14450,
      status: 'active',
      active_support_end: '2018-01-09',
      security_support_end: '2023-01-10',
    });
  });
});

describe('/eol export all', () => {
  it('sends the workspace’s whole data to the admin alone, in a direct message', async () => {
    const before = running.api.callsTo('files.completeUploadExternal').length;
    const response = await postToSlackApp(running.eventsUrl, {
      body: slashCommandBody('export all', running.api.responseUrl, { channel_id: 'CEXP', user_id: 'UADMIN' }),
      contentType: FORM,
    });
    expect(response.status).toBe(200);
    await running.api.waitFor('files.completeUploadExternal', before + 1);
    const upload = running.api.uploads.at(-1);
    expect(upload).toMatchObject({ filename: 'eolwatch-T1-all.json', channel: 'DUADMIN' });
    expect(JSON.parse(upload?.bytes ?? '{}')).toMatchObject({ format: 'eolwatch-workspace', workspace: 'T1' });
  });
});

describe('a file sent in a direct message', () => {
  it('is answered with where imports go, and nothing is read or saved', async () => {
    const before = running.api.callsTo('chat.postMessage').length;
    const event = {
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      user: 'U1',
      text: '',
      ts: '1700.5',
      channel: 'D1',
      team: 'T1',
      files: [{ id: 'FAD1' }],
    };
    await postToSlackApp(running.eventsUrl, { body: eventBody(event), contentType: 'application/json' });
    await running.api.waitFor('chat.postMessage', before + 1);
    expect(String(running.api.callsTo('chat.postMessage').at(-1)?.body.text)).toContain(
      'share the file there in a message that mentions me',
    );
    expect(await countsOf('D1')).toEqual({});
  });
});
