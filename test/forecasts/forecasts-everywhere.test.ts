// The seed's forecast where people see it: /eol in Slack, the command line, the HTTP API and a reminder.
// XP reaches zero around 2018-08; about 1,100 Windows 7 machines are left when its Security Support ends.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashApiToken, newApiToken } from '../../src/api-tokens/api-token-store.js';
import { reminderText } from '../../src/render/render-reminder.js';
import { plainFormat } from '../../src/render/formatter.js';
import { planToday } from '../../src/reminders/run-reminders.js';
import { cliWith } from '../helpers/cli-in-process.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt, testCore } from '../helpers/test-core.js';

const DAY = '2017-06-28';
const MET = { workspace: 'T1', channel: 'CMET' };
const SEVEN_LEFT =
  'About 1,100 machines still on it when Security Support ends on 2020-01-14: needs 49 a month; moving 14.';
const store = new MemoryStore();
const deps = depsAt(DAY, { store: async () => store });
const token = newApiToken();
let running: RunningApp;

beforeAll(async () => {
  await saveMetHistory(store, MET);
  await store.addApiToken({
    workspace: 'T1',
    name: 'cmdb',
    hash: hashApiToken(token),
    createdBy: 'U1',
    createdAt: `${DAY}T09:00:00.000Z`,
    lastUsedAt: null,
  });
  running = await startHttpApp(deps);
});
afterAll(() => running.stop());

async function eol(text: string) {
  const body = slashCommandBody(text, running.api.responseUrl, { channel_id: 'CMET' });
  const response = await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
  return response.json() as { response_type: string; text: string; blocks: unknown[] };
}

describe('in Slack', () => {
  it('/eol inventory forecast tells the channel when each release gets to zero and what is left at each end', async () => {
    const answer = await eol('inventory forecast');
    expect(answer.response_type).toBe('in_channel');
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain(
      '*Microsoft Windows XP SP3*: 18,293 now, falling by about 1,300 a month (300 a week), from 12 changes since 2016-07-01: zero around 2018-08.',
    );
    expect(text).toContain(SEVEN_LEFT);
    expect(text).toContain('*Microsoft Windows 8.1*: 14,450 now, growing by about 230 a month');
  });

  it('/eol inventory forecast <release> gives that release alone', async () => {
    const text = JSON.stringify((await eol('inventory forecast windows 7 sp1')).blocks);
    expect(text).toContain(SEVEN_LEFT);
    expect(text).not.toContain('Windows XP');
  });

  it('/eol inventory ends with a line per release at this pace', async () => {
    const text = (await eol('inventory')).text;
    expect(text).toContain('At this pace');
    expect(text).toContain('Microsoft Windows XP SP3: zero around 2018-08');
  });

  it('/eol report forecast is the workspace’s', async () => {
    const text = (await eol('report forecast')).text;
    expect(text).toContain('Forecast for the workspace as of 2017-06-28');
    expect(text).toContain('zero around 2018-08');
  });

  it('refuses a release it cannot find, saying why', async () => {
    expect((await eol('inventory forecast windows 99')).text).toMatch(/^“windows 99”/);
  });
});

describe('on the command line', () => {
  it('prints the same forecast', async () => {
    const { code, stdout } = await cliWith(deps, ['--workspace', 'T1', '--channel', 'CMET', 'inventory', 'forecast']);
    expect(code).toBe(0);
    expect(stdout).toContain('Microsoft Windows XP SP3: 18,293 now, falling by about 1,300 a month');
    expect(stdout).toContain('zero around 2018-08');
    expect(stdout).toContain(SEVEN_LEFT);
  });
});

describe('in the HTTP API', () => {
  it('gives each release’s forecast with numbers as numbers and ISO dates', async () => {
    const response = await fetch(`${running.url}/api/v1/channels/CMET/inventory`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { forecasts: { release: string; forecast: any }[] };
    const xp = body.forecasts.find((entry) => entry.release === '5-sp3')?.forecast;
    expect(xp.kind).toBe('pace');
    expect(xp.zeroOn).toMatch(/^2018-08-\d\d$/);
    expect(xp.perMonth).toBeLessThan(-1250);
    expect(xp.perMonth).toBeGreaterThan(-1350);
    expect(xp.basis).toEqual({ changes: 12, since: '2016-07-01' });
    const seven = body.forecasts.find((entry) => entry.release === '7-sp1')?.forecast;
    expect(seven.phasesAhead[0]).toMatchObject({ phase: 'Security Support', end: '2020-01-14' });
    expect(Math.round(seven.phasesAhead[0].machinesLeft / 100) * 100).toBe(1100);
    const report = (await (
      await fetch(`${running.url}/api/v1/report`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { forecasts: { release: string; forecast: any }[] };
    expect(report.forecasts.map((entry) => entry.release)).toEqual(['5-sp3', '8.1', '7-sp1']);
  });
});

describe('in a reminder', () => {
  it('says how many machines the pace leaves on the release at its date', async () => {
    // Windows 8.1's Active Support ends 2018-01-09: 195 days ahead, due today.
    const reminders = new MemoryStore();
    await saveMetHistory(reminders, MET);
    await reminders.watch(MET, [{ release: 'windows/8.1', leads: [195] }], 'manual', '2017-01-01');
    await reminders.setCounts({ workspace: 'T1', channel: 'CNEW' }, [{ release: 'windows/8.1', count: 40 }], {
      user: 'U1',
      at: '2017-06-01T09:00:00.000Z',
    });
    await reminders.watch(
      { workspace: 'T1', channel: 'CNEW' },
      [{ release: 'windows/8.1', leads: [195] }],
      'manual',
      '2017-01-01',
    );
    const planned = await planToday({ store: reminders, releaseByKey: testCore().deps().releaseByKey, today: DAY });
    const onEight = (channel: string) =>
      planned.find(
        (reminder) => reminder.channel === channel && reminder.release.name === '8.1' && reminder.end === '2018-01-09',
      );
    const met = onEight('CMET');
    expect(reminderText(met!, plainFormat)).toContain(
      'This team reports 14,450 machines on it. At this pace, about 16,000 will still be on it on 2018-01-09.',
    );
    // One change is no pace: the count alone, no guess.
    const fresh = onEight('CNEW');
    expect(reminderText(fresh!, plainFormat)).toContain('This team reports 40 machines on it.');
    expect(reminderText(fresh!, plainFormat)).not.toContain('At this pace');
  });
});
