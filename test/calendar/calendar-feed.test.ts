// The calendar people subscribe to: /eol calendar over the real Bolt app gives a secret address once; the
// feed it opens is iCalendar that an independent parser (ical.js) reads as a calendar app would: all-day
// events on each phase end with the machine count, the forecast and the release's page, an alarm per
// lead time, stable UIDs, and a SEQUENCE that goes up when a date moves. A reset address is dead.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { Release } from '../../src/catalog/catalog.js';
import { cliWith } from '../helpers/cli-in-process.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { saveMetHistory } from '../helpers/met-history.js';
import { postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const DAY = '2017-06-28';
const MET = { workspace: 'T1', channel: 'CMET' };
const store = new MemoryStore();
/** Dates the catalogue moves, by `product/release/phase key`: a refresh that changed them. */
const moved = new Map<string, string>();
const base = depsAt(DAY, { store: async () => store, publicUrl: 'https://eol.example.org/' });
const deps = {
  ...base,
  releaseByKey: (key: string): Release | undefined => {
    const release = base.releaseByKey(key);
    if (!release) return release;
    const phases = release.phases.map((phase) => ({ ...phase, end: moved.get(`${key}/${phase.key}`) ?? phase.end }));
    return { ...release, phases };
  },
};
let running: RunningApp;

beforeAll(async () => {
  await saveMetHistory(store, MET);
  await store.setTeamName(MET, 'Met IT, Windows; desktops');
  await store.watch(MET, [{ release: 'windows/7-sp1', leads: [30, 7] }], 'manual', '2017-01-01');
  running = await startHttpApp(deps);
});
afterAll(() => running.stop());

async function eol(text: string, user = 'U1', channel = 'CMET') {
  const body = slashCommandBody(text, running.api.responseUrl, { channel_id: channel, user_id: user });
  const response = await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' });
  return response.json() as { response_type: string; text: string };
}

const addressIn = (text: string) => /https:\/\/eol\.example\.org(\/calendar\/\S+\.ics)/.exec(text)?.[1] ?? '';

async function fetchFeed(path: string) {
  const response = await fetch(`${running.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  allDay: boolean;
  sequence: number;
  alarms: string[];
}

function eventsOf(feed: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      alarms: component.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
    };
  });
}

let address = '';

describe('/eol calendar', () => {
  it('answers privately with a secret address, once, and who made it after that', async () => {
    const first = await eol('calendar');
    expect(first.response_type).toBe('ephemeral');
    address = addressIn(first.text);
    expect(address).toMatch(/^\/calendar\/eolc_[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.text).toContain('Subscribe from web');
    const again = await eol('calendar');
    expect(addressIn(again.text)).toBe('');
    expect(again.text).toContain('already has an address, made by U1 on 2017-06-28');
  });

  it('keeps only a hash of the secret', async () => {
    const secret = address.slice('/calendar/'.length, -'.ics'.length);
    const kept = await Promise.all(
      (await store.installationKeys('')).map(async (key) => [key, await store.installation(key)]),
    );
    expect(JSON.stringify(kept)).not.toContain(secret);
  });

  it('refuses the workspace’s calendar to someone who is not an admin, and gives it to an admin', async () => {
    expect((await eol('calendar workspace')).text).toMatch(/^Only eolwatch admins/);
    expect(addressIn((await eol('calendar workspace', ADMIN)).text)).toMatch(/^\/calendar\/eolc_/);
  });
});

describe('the feed', () => {
  it('is iCalendar served as text/calendar', async () => {
    const feed = await fetchFeed(address);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Subscribed clients are told to fetch it again twice a day, in Apple's and Outlook's words.
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT12H');
    expect(String(calendar.getFirstPropertyValue('x-published-ttl'))).toBe('PT12H');
  });

  it('has an all-day event on each phase end of the releases counted or watched, with count, forecast and link', async () => {
    const events = eventsOf((await fetchFeed(address)).text);
    expect(events.every((event) => event.allDay)).toBe(true);
    const seven = events.find((event) => event.uid === 'T1/CMET/windows/7-sp1/eol@eolwatch');
    expect(seven).toMatchObject({
      start: '2020-01-14',
      summary: 'Microsoft Windows 7 SP1: Security Support ends — 1,500 machines',
      sequence: 0,
    });
    expect(seven?.description).toContain(
      'At this pace, about 1,100 machines still on it when Security Support ends on 2020-01-14: needs 49 a month; moving 14.',
    );
    expect(seven?.description).toContain('https://endoflife.date/windows');
    // The channel's lead times for Windows 7, one alarm each; none for what has already ended.
    expect(seven?.alarms.sort()).toEqual(['-P30D', '-P7D'].sort());
    expect(events.find((event) => event.uid === 'T1/CMET/windows/5-sp3/eol@eolwatch')?.alarms).toEqual([]);
    expect(
      events
        .map((event) => event.uid.split('/')[3])
        .filter((v, i, all) => all.indexOf(v) === i)
        .sort(),
    ).toEqual(['5-sp3', '7-sp1', '8.1']);
  });

  it('keeps each event’s UID, and raises its SEQUENCE only when its date moves', async () => {
    const before = eventsOf((await fetchFeed(address)).text);
    moved.set('windows/8.1/eol', '2023-07-11');
    try {
      const after = eventsOf((await fetchFeed(address)).text);
      expect(after.map((event) => event.uid)).toEqual(before.map((event) => event.uid));
      const eight = after.find((event) => event.uid === 'T1/CMET/windows/8.1/eol@eolwatch');
      expect(eight).toMatchObject({ start: '2023-07-11', sequence: 1 });
      const unchanged = after.filter((event) => event.uid !== eight?.uid);
      expect(unchanged.every((event) => event.sequence === 0)).toBe(true);
      // Served again unchanged: the same SEQUENCE, not another raise.
      const again = eventsOf((await fetchFeed(address)).text);
      expect(again.find((event) => event.uid === eight?.uid)?.sequence).toBe(1);
    } finally {
      moved.clear();
    }
    expect(eventsOf((await fetchFeed(address)).text).find((e) => e.uid.endsWith('8.1/eol@eolwatch'))?.sequence).toBe(2);
  });

  it('has a contract’s end as an event, which moves in place when the contract is changed', async () => {
    await eol('contract windows 7 sp1 until 2021-01-12 Custom Support');
    const contract = (feed: string) =>
      eventsOf(feed).find((event) => event.uid === 'T1/CMET/windows/7-sp1/contract@eolwatch');
    expect(contract((await fetchFeed(address)).text)).toMatchObject({
      start: '2021-01-12',
      summary: 'Microsoft Windows 7 SP1: Custom Support ends — 1,500 machines',
      sequence: 0,
    });
    await eol('contract windows 7 sp1 until 2022-01-11 Custom Support');
    expect(contract((await fetchFeed(address)).text)).toMatchObject({ start: '2022-01-11', sequence: 1 });
  });

  it('stops working when reset, and the new address works', async () => {
    const old = address;
    const reset = await eol('calendar reset');
    expect(reset.text).toContain('the old one no longer works');
    address = addressIn(reset.text);
    expect(address).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(address)).status).toBe(200);
  });

  it.each([
    '/calendar/eolc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
    '/calendar/nothing.ics',
    '/calendar/',
    '/calendar/../api/v1/report.ics',
  ])('answers 404 for %s', async (path) => {
    expect((await fetchFeed(path)).status).toBe(404);
  });

  it('answers 405 to anything but GET', async () => {
    expect((await fetch(`${running.url}${address}`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('the workspace’s feed', () => {
  it('sums the teams’ counts and has each team’s contract, its name kept as typed', async () => {
    await store.setCounts({ workspace: 'T1', channel: 'COTHER' }, [{ release: 'windows/7-sp1', count: 500 }], {
      user: 'U1',
      at: '2017-06-01T09:00:00.000Z',
    });
    const admin = await eol('calendar workspace reset', ADMIN);
    const events = eventsOf((await fetchFeed(addressIn(admin.text))).text);
    expect(events.find((event) => event.uid === 'T1/windows/7-sp1/eol@eolwatch')?.summary).toBe(
      'Microsoft Windows 7 SP1: Security Support ends — 2,000 machines',
    );
    const contract = events.find((event) => event.uid === 'T1/CMET/windows/7-sp1/contract@eolwatch');
    expect(contract?.summary).toContain('Met IT, Windows; desktops');
    expect(contract?.start).toBe('2022-01-11');
  });
});

describe('on the command line', () => {
  it('prints the channel’s feed', async () => {
    const { code, stdout } = await cliWith(deps, ['--workspace', 'T1', '--channel', 'CMET', 'calendar']);
    expect(code).toBe(0);
    expect(eventsOf(stdout).some((event) => event.uid === 'T1/CMET/windows/7-sp1/eol@eolwatch')).toBe(true);
  });
});
