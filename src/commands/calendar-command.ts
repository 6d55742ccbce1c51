// `/eol calendar`: the channel's calendar as a secret URL to subscribe to (shown once, privately);
// `reset` makes a new one and the old stops working; an admin's `calendar workspace` is the workspace's.
// The feed itself goes to the HTTP route (by its secret) and the command line (`calendar-feed`).
import { channelEvents, workspaceEvents, type ChannelFacts } from '../calendar/calendar-events.js';
import { feedMade, feedOfSecret, makeFeedSecret, sequencesFor, type FeedRef } from '../calendar/calendar-feeds.js';
import { pointsByRelease, summedPointsByRelease } from '../forecasts/release-forecasts.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import type { AuditChange } from './record-audit.js';

const workspaceForAdmins = ({ scope }: { scope: 'team' | 'workspace' }) =>
  scope === 'workspace' ? 'Only eolwatch admins may have the workspace’s calendar. `/eol admins` lists them.' : null;

export const calendarCommand: CommandDefinition = {
  name: 'calendar',
  usage: '/eol calendar [reset | workspace [reset]]',
  summary:
    "A secret address for this channel's calendar, to subscribe to in Outlook, Google Calendar or Apple Calendar: an all-day event on each phase end of every release the channel counts or watches, and on each contract end, with the machine count, the forecast and a reminder for each of the channel's lead times. Shown to you alone, once; `reset` makes a new address and the old one stops working. `workspace` (admins only) is the workspace's calendar.",
  parse: (args) => {
    const words = args
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word !== '');
    const workspace = words[0] === 'workspace';
    const rest = workspace ? words.slice(1) : words;
    if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'reset'))
      return {
        kind: 'invalid',
        reason:
          'Use `/eol calendar`, `/eol calendar reset`, `/eol calendar workspace` or `/eol calendar workspace reset`.',
      };
    return { kind: 'calendar', scope: workspace ? 'workspace' : 'team', reset: rest[0] === 'reset' };
  },
  run: { calendar: runCalendar, 'calendar-feed': runCalendarFeed },
  adminOnly: { calendar: workspaceForAdmins, 'calendar-feed': workspaceForAdmins },
  audit: (result) => (result.kind === 'calendar' && result.url !== null ? calendarAudit(result) : null),
  cli: [
    {
      usage: '[--channel C] calendar [workspace] > FILE.ics   (the feed itself; `calendar reset` as in Slack)',
      words: ['calendar'],
      // On the command line the calendar is the feed itself, to save as a file or serve elsewhere.
      read: (rest) => {
        const words = rest.map((word) => word.toLowerCase());
        if (words.includes('reset')) return calendarCommand.parse(rest.join(' '));
        if (words.length === 0) return { kind: 'calendar-feed', scope: 'team' };
        return words.length === 1 && words[0] === 'workspace'
          ? { kind: 'calendar-feed', scope: 'workspace' }
          : { usage: null };
      },
    },
  ],
  answers: { 'calendar-feed': 'file' },
};

async function runCalendarFeed(
  request: Extract<Request, { kind: 'calendar-feed' }>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const ref = feedRefOf(request, speaker);
  const { text, events } = await feed(deps, ref);
  return {
    kind: 'export',
    scope: 'calendar',
    format: 'ics',
    fileName: `eolwatch-${ref.channel ?? speaker.workspace}.ics`,
    content: text,
    rows: events,
  };
}

const feedRefOf = (request: { scope: 'team' | 'workspace' }, speaker: Speaker): FeedRef => ({
  workspace: speaker.workspace,
  channel: request.scope === 'workspace' ? null : speaker.channel,
});

async function runCalendar(
  request: Extract<Request, { kind: 'calendar' }>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const store = await deps.store();
  const ref = feedRefOf(request, speaker);
  const made = await feedMade(store, ref);
  if (made && !request.reset) return { kind: 'calendar', scope: request.scope, url: null, made };
  const at = deps.now().toUTC().toISO() ?? '';
  const secret = await makeFeedSecret(store, ref, speaker.user, at);
  const path = `/calendar/${secret}.ics`;
  return {
    kind: 'calendar',
    scope: request.scope,
    url: deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}${path}` : path,
    made: made ? { by: speaker.user, at } : null,
    reset: made !== null,
  };
}

async function channelFacts(deps: CommandDeps, workspace: string, channel: string): Promise<ChannelFacts> {
  const store = await deps.store();
  const ref = { workspace, channel };
  const [team, watches, history] = await Promise.all([store.team(ref), store.channelWatches(ref), store.history(ref)]);
  return { channel, name: team.name, watches, counts: team.counts, points: pointsByRelease(history) };
}

/** The feed of `ref` as iCalendar text, each event's SEQUENCE brought up to date, and its events' number. */
async function feed(deps: CommandDeps, ref: FeedRef): Promise<{ text: string; events: number }> {
  const store = await deps.store();
  const asOf = toIsoDate(deps.now());
  let name: string;
  let events;
  if (ref.channel !== null) {
    const facts = await channelFacts(deps, ref.workspace, ref.channel);
    name = `eolwatch: ${facts.name ?? `#${ref.channel}`}`;
    events = channelEvents(ref.workspace, facts, deps.releaseByKey, asOf);
  } else {
    const channels = new Set([
      ...(await store.teams(ref.workspace)).map((team) => team.channel),
      ...((await store.allWatches()).find((entry) => entry.workspace === ref.workspace)?.channels ?? []).map(
        (watch) => watch.channel,
      ),
    ]);
    const facts = await Promise.all([...channels].map((channel) => channelFacts(deps, ref.workspace, channel)));
    const counts: Record<string, number> = {};
    for (const team of facts)
      for (const [key, count] of Object.entries(team.counts)) counts[key] = (counts[key] ?? 0) + count;
    const points = summedPointsByRelease(facts.map((team) => new Map(team.points)));
    name = 'eolwatch: the workspace';
    events = workspaceEvents(ref.workspace, facts, { counts, points }, deps.releaseByKey, asOf);
  }
  const sequences = await sequencesFor(store, ref, events);
  // Loaded with the first feed: a question on the command line has no use for the iCalendar writer.
  const { writeICalendar } = await import('../calendar/write-icalendar.js');
  return { text: writeICalendar(name, events, sequences, deps.now().toJSDate()), events: events.length };
}

/** The feed a secret URL opens, or null when the secret is unknown or was reset. */
export async function feedTextOfSecret(deps: CommandDeps, secret: string): Promise<string | null> {
  const ref = await feedOfSecret(await deps.store(), secret);
  return ref ? (await feed(deps, ref)).text : null;
}

/** A secret address made, or made anew (the old one stops working). */
function calendarAudit(result: Extract<Result, { kind: 'calendar' }>): AuditChange {
  const reset = result.reset === true;
  const whose = result.scope === 'workspace' ? 'the workspace’s' : 'this channel’s';
  return {
    action: reset ? 'calendar.reset' : 'calendar.made',
    change: `${reset ? 'a new' : 'an'} address for ${whose} calendar${reset ? '; the old one no longer works' : ''}`,
    releases: [],
    ...(result.scope === 'workspace' ? { channel: null } : {}),
  };
}
