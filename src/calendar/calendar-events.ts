// The events of a calendar feed: an all-day event on each phase end of every release the channel counts
// or watches (a contract's end is one of its phases), titled with the release, the phase and the machine
// count, described with the forecast and the link to the release's page; its alarms are the channel's
// lead times. The workspace's feed has the vendor's dates for every release any team counts or watches,
// with the counts summed, and each team's contract ends. Pure: watches, counts and history in, events out.
import type { Release } from '../catalog/catalog.js';
import { releaseTitle } from '../catalog/release-title.js';
import { applyContract, CONTRACT_PHASE_KEY, type Contract } from '../contracts/apply-contract.js';
import { phaseWords } from '../forecasts/describe-forecast.js';
import { forecastRelease, type CountPoint } from '../forecasts/forecast-release.js';
import { plural } from '../leaf/format-count.js';
import type { ChannelWatches } from '../reminders/watch-store.js';

export interface CalendarEvent {
  /** Stable across feeds served: the same event is updated, never added twice. */
  uid: string;
  date: string;
  summary: string;
  description: string;
  url: string;
  /** Days before the date, one alarm each. */
  alarmDays: number[];
}

/** One channel's view, as the feed reads it. */
export interface ChannelFacts {
  channel: string;
  name: string | null;
  watches: ChannelWatches | null;
  counts: Readonly<Record<string, number>>;
  points: ReadonlyMap<string, CountPoint[]>;
}

/** The releases a channel follows: those it counts, and those it watches (automatic ones while counted). */
function followed(facts: ChannelFacts): string[] {
  const counted = Object.keys(facts.counts).filter((key) => (facts.counts[key] ?? 0) > 0);
  const watched = Object.entries(facts.watches?.releases ?? {})
    .filter(([key, watch]) => watch.source === 'manual' || (facts.counts[key] ?? 0) > 0)
    .map(([key]) => key);
  return [...new Set([...counted, ...watched])].sort();
}

function releaseEvents(
  owner: string,
  key: string,
  release: Release,
  count: number,
  points: readonly CountPoint[],
  asOf: string,
  alarmDays: number[],
  onlyPhase?: string,
): CalendarEvent[] {
  const forecast = forecastRelease(points, release, asOf);
  return release.phases.flatMap((phase) => {
    if (typeof phase.end !== 'string' || (onlyPhase !== undefined && phase.key !== onlyPhase)) return [];
    const ahead = forecast.kind === 'pace' ? forecast.phasesAhead.find((entry) => entry.end === phase.end) : undefined;
    const description = [
      `${releaseTitle(release)}: the last day of ${phase.label} is ${phase.end}.`,
      count > 0 ? `${plural(count, 'machine')} counted on it now.` : 'No machines counted on it.',
      ...(forecast.kind === 'pace' && ahead ? [`At this pace, ${phaseWords(forecast, ahead)}.`] : []),
      release.link,
    ];
    return [
      {
        uid: `${owner}/${key}/${phase.key}@eolwatch`,
        date: phase.end,
        summary: `${releaseTitle(release)}: ${phase.label} ends${count > 0 ? ` — ${plural(count, 'machine')}` : ''}`,
        description: description.join('\n'),
        url: release.link,
        // Alarms only for what is still ahead: a subscription made today need not ring for 2009.
        alarmDays: phase.end >= asOf ? alarmDays : [],
      },
    ];
  });
}

export function channelEvents(
  workspace: string,
  facts: ChannelFacts,
  releaseByKey: (key: string) => Release | undefined,
  asOf: string,
): CalendarEvent[] {
  return followed(facts).flatMap((key) => {
    const base = releaseByKey(key);
    if (!base) return [];
    const release = applyContract(base, facts.watches?.contracts[key]);
    const leads = facts.watches?.releases[key]?.leads ?? [];
    const owner = `${workspace}/${facts.channel}`;
    return releaseEvents(owner, key, release, facts.counts[key] ?? 0, facts.points.get(key) ?? [], asOf, leads);
  });
}

/** The workspace's: counts summed per release; contracts, each team's own, as events of their own. */
export function workspaceEvents(
  workspace: string,
  channels: readonly ChannelFacts[],
  summed: { counts: Readonly<Record<string, number>>; points: ReadonlyMap<string, CountPoint[]> },
  releaseByKey: (key: string) => Release | undefined,
  asOf: string,
): CalendarEvent[] {
  const leads = new Map<string, Set<number>>();
  const contracts: { channel: ChannelFacts; key: string; contract: Contract }[] = [];
  for (const channel of channels) {
    for (const key of followed(channel)) {
      const days = leads.get(key) ?? new Set<number>();
      for (const lead of channel.watches?.releases[key]?.leads ?? []) days.add(lead);
      leads.set(key, days);
      const contract = channel.watches?.contracts[key];
      if (contract) contracts.push({ channel, key, contract });
    }
  }
  const vendors = [...leads].flatMap(([key, days]) => {
    const release = releaseByKey(key);
    if (!release) return [];
    const alarms = [...days].sort((a, b) => b - a);
    return releaseEvents(workspace, key, release, summed.counts[key] ?? 0, summed.points.get(key) ?? [], asOf, alarms);
  });
  const ownContracts = contracts.flatMap(({ channel, key, contract }) => {
    const base = releaseByKey(key);
    if (!base) return [];
    const team = channel.name ?? `#${channel.channel}`;
    const release = { ...applyContract(base, contract), productLabel: `${team}: ${base.productLabel}` };
    const alarms = channel.watches?.releases[key]?.leads ?? [];
    const owner = `${workspace}/${channel.channel}`;
    const count = channel.counts[key] ?? 0;
    const points = channel.points.get(key) ?? [];
    return releaseEvents(owner, key, release, count, points, asOf, alarms, CONTRACT_PHASE_KEY);
  });
  return [...vendors, ...ownContracts];
}
