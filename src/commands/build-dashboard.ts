// The App Home's facts for one workspace, as plain data: machines by exposure, the teams with the most
// unsupported machines, the next reminders due, milestones marked handled (to undo), the latest
// date-change notices, and how fresh the catalogue is. Rendered by render/render-home.ts.
import type { CatalogInfo } from '../catalog/catalog-info.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { ExposureTotals } from '../inventory/classify-exposure.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { nextReminder } from '../reminders/next-reminder.js';
import type { CommandDeps, TeamLabel } from './command-types.js';
import { reportOf } from './report-command.js';
import { withContracts } from './team-contracts.js';
import { connectorsOf } from '../connectors/connector-records.js';
import { workspaceForecasts } from './forecast-command.js';
import { phaseMissed, phaseWords } from '../forecasts/describe-forecast.js';

/** Each list on the Home tab shows this many; the rest are a command away. */
const DASHBOARD_LIST = 5;

export interface Dashboard {
  asOf: string;
  totals: ExposureTotals;
  teams: { team: TeamLabel; unsupported: number; total: number }[];
  reminders: { date: string; channel: string; release: string; phaseLabel: string; end: string }[];
  handled: { milestone: string; channel: string; release: string; phaseLabel: string; by: string; at: string }[];
  notices: { at: string; release: string; phaseLabel: string; before: string; after: string; channels: number }[];
  /** Channels whose counts a connector keeps: where from, and how old the last sync is. */
  sources: {
    channel: string;
    connector: string;
    kind: 'intune' | 'jamf';
    lastSync: { at: string; ok: boolean } | null;
  }[];
  /** Releases whose pace leaves machines on them when a phase ends, the soonest end first. */
  notMakingIt: { release: string; words: string; end: string }[];
  catalog: CatalogInfo;
  dataDate: string;
  /** Changes whenever the workspace's counts or the day do: the burn-down is drawn again only then. */
  countsSignature: string;
}

/** `notice|T1|C1|windows/8.1|eol|2023-01-10>2023-07-11` -> its parts. */
function parseNoticeKey(
  key: string,
): { workspace: string; channel: string; release: string; phase: string; before: string; after: string } | null {
  const [kind, workspace, channel, release, phase, change] = key.split('|');
  if (kind !== 'notice' || !workspace || !channel || !release || !phase || !change) return null;
  const [before = '', after = ''] = change.split('>');
  return { workspace, channel, release, phase, before, after };
}

/** The releases whose pace leaves machines on them when a phase ends, soonest first: the Home tab's top list. */
export async function notMakingIt(deps: CommandDeps, workspace: string): Promise<Dashboard['notMakingIt']> {
  const forecasts = await workspaceForecasts(deps, workspace, toIsoDate(deps.now()));
  return forecasts
    .flatMap(({ release, forecast }) => {
      const missed = forecast.kind === 'pace' ? phaseMissed(forecast) : undefined;
      return forecast.kind === 'pace' && missed
        ? [{ release: releaseTitle(release), words: phaseWords(forecast, missed), end: missed.end }]
        : [];
    })
    .sort((a, b) => a.end.localeCompare(b.end))
    .slice(0, DASHBOARD_LIST);
}

/**
 * `lookAhead`: the forecasts' list, worked out apart (it reads every team's history, which the tab
 * should not wait for: home-publisher.ts fills it in with the picture).
 */
export async function buildDashboard(
  deps: CommandDeps,
  workspace: string,
  lookAhead: Dashboard['notMakingIt'] = [],
): Promise<Dashboard> {
  const asOf = toIsoDate(deps.now());
  const store = await deps.store();
  const [teams, watches, marks, records] = await Promise.all([
    store.teams(workspace),
    store.allWatches(),
    store.milestoneMarks(),
    store.reminderRecords(),
  ]);
  const channels = watches.find((entry) => entry.workspace === workspace)?.channels ?? [];
  // The same totals and team ranking as /eol report, by construction; each channel's contracts come
  // with its watches, read once rather than once a team.
  const contracts = new Map(channels.map((channel) => [channel.channel, withContracts(channel.contracts)]));
  const report = await reportOf(
    teams,
    deps,
    workspace,
    asOf,
    async (channel) => contracts.get(channel) ?? withContracts({}),
  );
  const countsOf = new Map(teams.map((team) => [team.channel, team.counts]));
  const titleOf = (key: string) => {
    const release = deps.releaseByKey(key);
    return release ? releaseTitle(release) : key;
  };

  const reminders: Dashboard['reminders'] = [];
  const handled: Dashboard['handled'] = [];
  for (const channel of channels) {
    if (channel.broken) continue;
    const ref = { workspace, channel: channel.channel };
    for (const [key, watched] of Object.entries(channel.releases)) {
      const release = deps.releaseByKey(key);
      // Automatic watches remind only while the channel counts machines on the release, as the daily run does.
      if (!release || (watched.source === 'auto' && (!channel.autoWatch || !countsOf.get(channel.channel)?.[key])))
        continue;
      const next = nextReminder(ref, key, release, watched, asOf, marks, records);
      if (next)
        reminders.push({
          date: next.date,
          channel: channel.channel,
          release: releaseTitle(release),
          phaseLabel: next.phaseLabel,
          end: next.end,
        });
    }
  }
  const prefix = `${workspace}|`;
  for (const [milestone, mark] of Object.entries(marks)) {
    if (!milestone.startsWith(prefix) || !mark.handledAt) continue;
    const [, channel = '', key = '', phaseKey = ''] = milestone.split('|');
    const phaseLabel = deps.releaseByKey(key)?.phases.find((phase) => phase.key === phaseKey)?.label ?? phaseKey;
    handled.push({
      milestone,
      channel,
      release: titleOf(key),
      phaseLabel,
      by: mark.handledBy ?? '',
      at: mark.handledAt,
    });
  }

  // A change told to several channels is one line, with how many heard it.
  const notices = new Map<string, Dashboard['notices'][number]>();
  for (const [key, record] of Object.entries(records)) {
    const notice = parseNoticeKey(key);
    if (!notice || notice.workspace !== workspace || record.status !== 'sent') continue;
    const id = `${notice.release}|${notice.phase}|${notice.before}>${notice.after}`;
    const seen = notices.get(id);
    if (seen) notices.set(id, { ...seen, channels: seen.channels + 1, at: seen.at > record.at ? seen.at : record.at });
    else {
      const phaseLabel =
        deps.releaseByKey(notice.release)?.phases.find((phase) => phase.key === notice.phase)?.label ?? notice.phase;
      notices.set(id, {
        at: record.at,
        release: titleOf(notice.release),
        phaseLabel,
        before: notice.before,
        after: notice.after,
        channels: 1,
      });
    }
  }

  return {
    asOf,
    totals: report.totals,
    notMakingIt: lookAhead,
    sources: (await connectorsOf(store, workspace)).map((connector) => ({
      channel: connector.channel,
      connector: connector.name,
      kind: connector.kind,
      lastSync: connector.lastSync ? { at: connector.lastSync.at, ok: connector.lastSync.ok } : null,
    })),
    teams: report.teams,
    reminders: reminders.sort((a, b) => a.date.localeCompare(b.date)).slice(0, DASHBOARD_LIST),
    handled: handled.sort((a, b) => b.at.localeCompare(a.at)).slice(0, DASHBOARD_LIST),
    notices: [...notices.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, DASHBOARD_LIST),
    catalog: deps.catalogInfo(),
    dataDate: deps.dataDate(),
    countsSignature: `${asOf}|${teams
      .map(
        (team) =>
          `${team.channel}:${Object.entries(team.counts)
            .map(([key, count]) => `${key}=${count}`)
            .join(',')}`,
      )
      .join(';')}`,
  };
}
