// `/eol watch <releases> [lead 365,90,30]` and `/eol watch auto on|off`: reminders in this channel
// before each phase of a release ends.
import type { Release } from '../catalog/catalog.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { DEFAULT_LEADS, MAX_LEAD_DAYS } from '../reminders/watch-store.js';
import type { CommandDefinition, RequestOf } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { resolveOneRelease } from './resolve-one-release.js';
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

/** "windows 8.1, xp" -> releases, or the first name that is not exactly one release. */
export function resolveReleaseList(text: string, deps: CommandDeps): { releases: Release[] } | { reason: string } {
  const releases: Release[] = [];
  for (const name of text
    .split(/[,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const resolved = resolveOneRelease(name, deps);
    if ('reason' in resolved) return { reason: `“${name}” ${resolved.reason}.` };
    releases.push(resolved.release);
  }
  return releases.length > 0 ? { releases } : { reason: 'Name a release, e.g. `windows-8.1`.' };
}

export function parseLeads(text: string): number[] | string {
  const leads = text.split(/[\s,]+/).filter((part) => part !== '');
  if (leads.length === 0 || leads.some((lead) => !/^\d+$/.test(lead) || Number(lead) > MAX_LEAD_DAYS)) {
    return `Lead times are whole days from 0 to ${MAX_LEAD_DAYS}, e.g. \`lead 365,90,30\`.`;
  }
  return [...new Set(leads.map(Number))].sort((a, b) => b - a);
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
