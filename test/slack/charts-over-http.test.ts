// Charts through the real Bolt app: /eol chart, /eol inventory chart and a mention upload a PNG with
// files.uploadV2 (getUploadURLExternal, the bytes, completeUploadExternal), alt text that states the
// numbers, and the summary as its comment; nothing to draw is said privately.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { eventBody, postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
const FORM = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  await saveMetHistory(store, { workspace: 'T1', channel: 'CMET' });
  running = await startHttpApp(depsAt('2017-06-28', { store: async () => store }));
});
afterAll(async () => running.stop());

async function slash(text: string, channel: string) {
  const before = running.api.callsTo('files.completeUploadExternal').length;
  const response = await postToSlackApp(running.eventsUrl, {
    body: slashCommandBody(text, running.api.responseUrl, { channel_id: channel }),
    contentType: FORM,
  });
  expect(response.status).toBe(200);
  return before;
}

async function uploaded(before: number) {
  await running.api.waitFor('files.completeUploadExternal', before + 1);
  const upload = running.api.uploads.at(-1);
  const png = PNG.sync.read(upload?.data ?? Buffer.alloc(0));
  return { upload, png };
}

describe('charts in Slack', () => {
  it("/eol inventory chart uploads the channel's burn-down as a PNG, with the numbers in its alt text", async () => {
    const asked = running.api.callsTo('files.getUploadURLExternal').length;
    const { upload, png } = await uploaded(await slash('inventory chart', 'CMET'));
    // files.uploadV2's three steps: an upload URL (with the alt text), the bytes, the completion.
    expect(running.api.callsTo('files.getUploadURLExternal')).toHaveLength(asked + 1);
    expect(Number(running.api.callsTo('files.getUploadURLExternal').at(-1)?.body.length)).toBe(upload?.data?.length);
    expect(upload).toMatchObject({ filename: 'eolwatch-burn-down-20170628.png', channel: 'CMET' });
    expect(upload?.comment).toMatch(
      /^34,243 machines on 3 releases on 2017-06-28, 18,293 of them unsupported \(53%\)\. At this pace: Microsoft Windows XP SP3 zero around 2018-08;/,
    );
    expect(upload?.altText).toContain('Microsoft Windows XP SP3: 35,640 on 2013-06-03, 18,293 now (unsupported)');
    expect(png.width).toBeGreaterThan(1400);
  });

  it("/eol chart with names uploads a timeline, the channel's counts beside its releases", async () => {
    const { upload, png } = await uploaded(await slash('chart xp, windows 8.1, windows 10 22h2', 'CMET'));
    expect(upload?.filename).toBe('eolwatch-timeline-20170628.png');
    expect(upload?.altText).toContain(
      'Microsoft Windows XP SP3, 18,293 machines: Active Support 2008-04-21 to 2009-04-14',
    );
    expect(upload?.comment).toContain('32,743 machines on 2 of these releases');
    expect(png.height).toBeGreaterThan(300);
  });

  it('/eol report chart draws the workspace', async () => {
    const { upload } = await uploaded(await slash('report chart', 'COTHER'));
    expect(upload).toMatchObject({ filename: 'eolwatch-workspace-burn-down-20170628.png', channel: 'COTHER' });
  });

  it('a mention asking for a chart gets the picture in its thread', async () => {
    const before = running.api.callsTo('files.completeUploadExternal').length;
    const event = {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> chart xp',
      ts: '1700.5',
      channel: 'CMET',
      team: 'T1',
    };
    expect(
      (await postToSlackApp(running.eventsUrl, { body: eventBody(event), contentType: 'application/json' })).status,
    ).toBe(200);
    const { upload } = await uploaded(before);
    expect(upload).toMatchObject({ channel: 'CMET', threadTs: '1700.5', filename: 'eolwatch-timeline-20170628.png' });
  });

  it('nothing to draw is said to the asker alone, and nothing is uploaded', async () => {
    const uploads = running.api.uploads.length;
    const responses = running.api.callsTo('response').length;
    await slash('inventory chart', 'CEMPTY');
    await running.api.waitFor('response', responses + 1);
    expect(running.api.callsTo('response').at(-1)?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(running.api.callsTo('response').at(-1)?.body)).toContain('nothing to draw yet');
    expect(running.api.uploads.length).toBe(uploads);
  });

  it('a chart in a channel shared with another organisation goes to the asker in a direct message', async () => {
    running.api.externallyShared.add('CSHARED');
    await saveMetHistory(store, { workspace: 'T1', channel: 'CSHARED' });
    const { upload } = await uploaded(await slash('inventory chart', 'CSHARED'));
    expect(upload?.channel).toBe('DU1');
  });
});
