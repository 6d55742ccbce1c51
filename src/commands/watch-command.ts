// `/eol watch <releases> [lead 365,90,30]` and `/eol watch auto on|off`: reminders in this channel
// before each phase of a release ends.
import type { Release } from '../catalog/catalog.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { TIME_UNIT_WORDS, type TimeUnit } from '../leaf/time-units.js';
import { DEFAULT_LEADS, MAX_LEAD_DAYS } from '../reminders/watch-store.js';
import type { CommandDefinition, RequestOf } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { oneReleaseOf } from './resolve-one-release.js';
import { SEPARATOR } from './parse-lookup.js';
import { resolveQueries } from './resolve-queries.js';
import { titlesOf } from './record-audit.js';

export const watchCommand: CommandDefinition = {
  name: 'watch',
  usage: '/eol watch <release>[, <release> ...] [lead 365,90,30] | /eol watch auto on|off',
  summary: `Reminds this channel before each support phase of the releases ends, ${DEFAULT_LEADS.join(', ')} days before by default (0 is the last day itself), with the team's machine count. Releases with machines in \`/eol inventory\` are watched automatically unless \`auto off\`.`,
  parse: (args) => {
    const auto = /^auto\s+(on|off)$/i.exec(args.trim());
    if (auto) return { kind: 'watch-auto', on: auto[1]?.toLowerCase() === 'on' };
    return args.trim() === ''
      ? { kind: 'invalid', reason: 'Name a release to watch, e.g. `/eol watch windows-8.1`.' }
      : { kind: 'watch', text: args };
  },
  run: {
    watch: runWatch,
    'watch-auto': (request, deps, speaker) => runWatchAuto(request.on, deps, speaker),
  },
  lockable: ['watch', 'watch-auto'],
  audit: (result) => {
    if (result.kind === 'watch-auto')
      return { action: 'watch.auto', change: result.on ? 'off → on' : 'on → off', releases: [] };
    if (result.kind !== 'watched') return null;
    const leads = `(lead times ${result.leads.join(', ')} days)`;
    return {
      action: 'watch.add',
      change: `${titlesOf(result.releases)} ${leads}`,
      releases: result.releases.map(releaseKeyOf),
    };
  },
};

/**
 * "windows 8.1, xp and vista", "ubuntu 20.04, 22.04" -> releases (names read as /eol reads them), or the
 * first name that is not exactly one release.
 */
export function resolveReleaseList(text: string, deps: CommandDeps): { releases: Release[] } | { reason: string } {
  // As a question's: commas, semicolons and lines, not the comma of "Windows 10, version 22H2".
  const names = text
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const releases: Release[] = [];
  for (const resolution of resolveQueries(names, deps.resolve)) {
    const one = oneReleaseOf(resolution);
    if ('reason' in one) return { reason: `“${resolution.query.trim()}” ${one.reason}.` };
    releases.push(one.release);
  }
  return releases.length > 0 ? { releases } : { reason: 'Name a release, e.g. `windows-8.1`.' };
}

const LEADS_RULE = `Lead times are days from 0 to ${MAX_LEAD_DAYS}, e.g. \`lead 365,90,30\`; weeks, months (30 days) and years (365) too: \`lead 6 months, 2 weeks\`.`;

/**
 * Days a lead's unit counts for: a reminder "6 months before" comes 180 days before, as the answer says.
 * Days, weeks, months and years only, as the rule says.
 */
const LEAD_UNIT_DAYS: Readonly<Partial<Record<TimeUnit, number>>> = { day: 1, week: 7, month: 30, year: 365 };

/** "365,90,30", "90d 30d", "90, 30 and 7 days", "6 months, 2 weeks" -> days, most first; or why not. */
export function parseLeads(text: string): number[] | string {
  const words = text
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[\s,]+/)
    .filter((word) => word !== '' && !['and', 'before'].includes(word));
  const leads: number[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const number = words[index] as string;
    if (!/^\d{1,5}$/.test(number)) return LEADS_RULE;
    const unit = TIME_UNIT_WORDS[words[index + 1] ?? ''];
    const days = unit ? LEAD_UNIT_DAYS[unit] : 1;
    if (days === undefined) return LEADS_RULE;
    if (unit) index += 1;
    leads.push(Number(number) * days);
  }
  if (leads.length === 0 || leads.some((lead) => lead > MAX_LEAD_DAYS)) return LEADS_RULE;
  return [...new Set(leads)].sort((a, b) => b - a);
}

// Lead times typed without `lead`, with their unit ("90d 30d", "at 90, 30 and 7 days", "3 months
// before"), from where they start to the end. Read as part of the name they would be dropped, and the
// default leads saved in silence.
const UNIT = String.raw`(?:d|days?|w|weeks?|months?|y|years?)`;
// Each run of spaces can be taken one way only (a unit's spaces only before the unit, a separator's
// only between numbers), so a long line of numbers is read in one pass, however it is spaced.
const UNMARKED_LEADS = new RegExp(
  String.raw`\s(?:at\s+)?\d+(?:\s*${UNIT}\b)?(?:(?:\s*,\s*|\s+)(?:and\s+)?\d+(?:\s*${UNIT}\b)?)*(?:\s+before)?\s*$`,
  'i',
);
// Words after the numbers and their unit ("3 months ahead", "90 30 please"): the unit stays.
const TRAILING_WORDS = new RegExp(String.raw`(?:\s+(?!${UNIT}\b)[^\s\d]+)+\s*$`, 'i');
const HAS_UNIT = new RegExp(String.raw`\d\s*${UNIT}\b`, 'i');

/** The way to say it: the names typed, then `lead` and the days typed (an example for weeks or months). */
const leadsHint = (names: string, typed: string) => {
  const inDays = parseLeads(typed.replace(/\bat\b/i, ''));
  // "windows 10 22h2 2028": a year, or a slip, but no lead time to suggest.
  const year = !HAS_UNIT.test(typed) && /(?:^|\D)(?:19|20)\d\d(?:\D|$)/.test(typed);
  if (typeof inDays === 'string' || year)
    return `Nothing watched: “${typed.trim()}” after the release names no release, and is no lead time. ${LEADS_RULE}`;
  const days = HAS_UNIT.test(typed) ? inDays.join(',') : (typed.match(/\d+/g) ?? []).join(',');
  return `Nothing watched: lead times go after \`lead\`, in days: \`/eol watch ${names} lead ${days}\`.`;
};

const sameReleases = (a: readonly Release[], b: readonly Release[]) =>
  a.length === b.length && a.every((release, index) => release === b[index]);

/**
 * Numbers after the names that are lead times typed without `lead`: with a unit ("90d", "3 months"),
 * or bare when the names read the same without them ("xp 90 30") or only without them ("windows 10
 * 22h2 90 30 7"); "windows 10 1909" keeps its number. The names end where what comes before the
 * numbers names releases: "windows server 2016 90 days" is Server 2016, 90 days.
 */
function unmarkedLeads(names: string, deps: CommandDeps): string | null {
  // Words after the numbers ("xp 1 1 z", "3 months ahead") leave them lead times all the same.
  const numbersLast = UNMARKED_LEADS.test(names) ? names : names.replace(TRAILING_WORDS, '');
  const unmarked = UNMARKED_LEADS.exec(numbersLast);
  if (!unmarked) return null;
  // Where the leads may start: before each number of the run, the longest run first.
  const starts = [...unmarked[0].matchAll(/\d+/g)].map((number) => unmarked.index + (number.index ?? 0));
  for (const start of starts) {
    const before = numbersLast
      .slice(0, start)
      .trimEnd()
      .replace(/(?:\s(?:at|and)|,)$/i, '')
      .trim();
    const typed = numbersLast.slice(start);
    const without = resolveReleaseList(before, deps);
    if ('reason' in without) continue;
    if (HAS_UNIT.test(typed)) return leadsHint(before, typed);
    const withNumbers = resolveReleaseList(names, deps);
    return 'reason' in withNumbers || sameReleases(withNumbers.releases, without.releases)
      ? leadsHint(before, typed)
      : null;
  }
  // No names before any of them read alone ("windows 10 1909 90 days" asks which 1909): the last
  // number with its unit is still a lead time, never part of the name.
  const last = starts.at(-1);
  const typed = last === undefined ? '' : numbersLast.slice(last);
  return last !== undefined && HAS_UNIT.test(typed) ? leadsHint(numbersLast.slice(0, last).trim(), typed) : null;
}

async function runWatch(request: RequestOf<'watch'>, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const read = 'keys' in request ? chosenReleases(request.keys, request.leads, deps) : readWatch(request.text, deps);
  if ('reason' in read) return { kind: 'invalid', reason: read.reason };
  const { resolved, leads } = read;
  const store = await deps.store();
  await store.watch(
    speaker,
    resolved.releases.map((release) => ({ release: releaseKeyOf(release), leads })),
    'manual',
    toIsoDate(deps.now()),
    speaker.user,
  );
  return { kind: 'watched', releases: resolved.releases, leads };
}

type WatchReading = { resolved: { releases: Release[] }; leads: number[] } | { reason: string };

/** "windows 8.1, xp lead 90,30" -> the releases and lead times, or why not. */
function readWatch(text: string, deps: CommandDeps): WatchReading {
  const [names = '', leadText] = text.split(/\blead(?:s)?\b/i);
  const leads = leadText === undefined ? [...DEFAULT_LEADS] : parseLeads(leadText);
  if (typeof leads === 'string') return { reason: leads };
  const unmarked = leadText === undefined ? unmarkedLeads(names, deps) : null;
  if (unmarked) return { reason: unmarked };
  const resolved = resolveReleaseList(names, deps);
  return 'reason' in resolved ? { reason: `Nothing watched: ${resolved.reason}` } : { resolved, leads };
}

/** Releases a form chose by key: each must still be in the catalogue. */
function chosenReleases(keys: readonly string[], leads: number[], deps: CommandDeps): WatchReading {
  const releases = keys.map((key) => deps.releaseByKey(key));
  if (releases.length === 0 || releases.some((release) => release === undefined))
    return { reason: 'Nothing watched: choose releases from the list.' };
  return { resolved: { releases: releases as Release[] }, leads };
}

async function runWatchAuto(on: boolean, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const store = await deps.store();
  await store.setAutoWatch(speaker, on);
  return { kind: 'watch-auto', on };
}
