// `/eol chart [<releases or product>]`, `/eol inventory chart`, `/eol report chart`: pictures of the same
// facts the text answers give. This gathers the data (history, counts, contracts) and leaves drawing to
// charts/ (the specification) and to whoever shows it (Slack uploads a PNG; the command line writes
// `--out FILE.png|svg`).
import type { Release } from '../catalog/catalog.js';
import { burnDownChart, type ReleaseCounts } from '../charts/burn-down-chart.js';
import { timelineChart, type TimelineRow } from '../charts/timeline-chart.js';
import type { HistoryEntry } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDefinition } from './command-definition.js';
import type { ChartScope, CommandDeps, Request, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { parseLookup } from './parse-lookup.js';
import { resolveOneRelease } from './resolve-one-release.js';
import { contractsOf } from './team-contracts.js';

/** A timeline shows at most this many releases: a product's newest. */
const MAX_CHART_RELEASES = 25;

const OUT_FORMATS = /\.(png|svg)$/i;

/** `… --out FILE.png` at the end: where the command line writes the picture. Slack ignores it. */
export function parseChartRequest(scope: ChartScope, args: string): Request {
  // A line break separates names as a comma does.
  const words = args
    .replace(/\s*\n\s*/g, ', ')
    .split(/\s+/)
    .filter((word) => word !== '');
  const at = words.findIndex((word) => word === '--out');
  let out: string | null = null;
  if (at >= 0) {
    out = words[at + 1] ?? null;
    if (out === null || !OUT_FORMATS.test(out) || at + 2 !== words.length)
      return {
        kind: 'invalid',
        reason: '`--out` takes one file name ending in .png or .svg, last: `--out burn-down.png`.',
      };
    words.splice(at, 2);
  }
  if (scope !== 'releases' && words.length > 0)
    return {
      kind: 'invalid',
      reason: `\`${scope === 'team' ? 'inventory' : 'report'} chart\` takes no names: \`/eol chart ${words.join(' ')}\` draws a timeline of releases.`,
    };
  return { kind: 'chart', scope, text: words.join(' '), out };
}

export const chartCommand: CommandDefinition = {
  name: 'chart',
  usage: '/eol chart [<release>, <release> ... | <product>]',
  summary:
    "A picture of when support ends: a bar per release with its phases, a line for today, and this channel's machine counts beside them. With no names: the releases this channel counts. `/eol inventory chart` draws this channel's counts over time, `/eol report chart` the workspace's. On the command line add `--out FILE.png` (or `.svg`).",
  parse: (args) => parseChartRequest('releases', args),
  run: { chart: runChart },
  // A picture, drawn after Slack's acknowledgement and uploaded (the command line writes it to --out).
  answers: { chart: 'file' },
};

const isSlackId = (channel: string) => /^[CGD][A-Z0-9]{6,}$/.test(channel);

/** How a picture names a team: Slack ids mean nothing in an image. */
const scopeOf = (team: { channel: string; name: string | null }) =>
  team.name ?? (isSlackId(team.channel) ? 'this channel' : `#${team.channel}`);

const fileDate = (asOf: string) => asOf.replaceAll('-', '');

/** History entries (any teams, oldest first) -> each release's total from each date on. */
function countsOverTime(
  entries: readonly (HistoryEntry & { team: string })[],
  releaseOf: (key: string) => Release | undefined,
): ReleaseCounts[] {
  const current = new Map<string, Map<string, number>>();
  const series = new Map<string, ReleaseCounts>();
  for (const entry of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    const release = releaseOf(entry.release);
    if (!release) continue;
    const byTeam = current.get(entry.release) ?? new Map<string, number>();
    byTeam.set(entry.team, entry.to);
    current.set(entry.release, byTeam);
    const total = [...byTeam.values()].reduce((sum, count) => sum + count, 0);
    const date = entry.at.slice(0, 10);
    const counts = series.get(entry.release) ?? { release, changes: [] };
    // Several changes on one day: the day's last stands.
    if (counts.changes.at(-1)?.date === date) counts.changes.pop();
    counts.changes.push({ date, count: total });
    series.set(entry.release, counts);
  }
  return [...series.values()];
}

const NO_HISTORY =
  'There is nothing to draw yet: this channel has no machine counts. `/eol inventory set windows-xp 18293` starts its history.';

async function teamBurnDown(deps: CommandDeps, speaker: Speaker, asOf: string): Promise<Result> {
  const store = await deps.store();
  const withContract = await contractsOf(deps, speaker);
  const entries = (await store.history(speaker)).map((entry) => ({ ...entry, team: speaker.channel }));
  const team = await store.team(speaker);
  const chart = burnDownChart({
    scope: scopeOf(team),
    asOf,
    series: countsOverTime(entries, (key) => {
      const release = deps.releaseByKey(key);
      return release && withContract(release);
    }),
    fileBase: `eolwatch-burn-down-${fileDate(asOf)}`,
  });
  return chart ? { kind: 'chart', chart } : { kind: 'invalid', reason: NO_HISTORY };
}

async function workspaceBurnDown(deps: CommandDeps, speaker: Speaker, asOf: string): Promise<Result> {
  const store = await deps.store();
  const teams = await store.teams(speaker.workspace);
  const entries = [];
  for (const team of teams)
    entries.push(
      ...(await store.history({ workspace: speaker.workspace, channel: team.channel })).map((entry) => ({
        ...entry,
        team: team.channel,
      })),
    );
  // Across teams, each with its own contracts, a release's line follows the vendor's dates.
  const chart = burnDownChart({
    scope: 'the workspace',
    asOf,
    series: countsOverTime(entries, deps.releaseByKey),
    fileBase: `eolwatch-workspace-burn-down-${fileDate(asOf)}`,
  });
  return chart
    ? { kind: 'chart', chart }
    : {
        kind: 'invalid',
        reason:
          "There is nothing to draw yet: no team in this workspace has machine counts. `/eol inventory set windows-xp 18293` in a team's channel starts one.",
      };
}

/** The named releases, a product's newest, or why a name does not do. */
function releasesNamed(text: string, deps: CommandDeps): Release[] | string {
  const request = parseLookup(text, false);
  if (request.kind !== 'lookup') return request.kind === 'invalid' ? request.reason : 'Name releases or a product.';
  const releases: Release[] = [];
  for (const query of request.queries) {
    const resolution = deps.resolve(query);
    if (resolution.kind === 'releases') releases.push(...resolution.releases.slice(0, MAX_CHART_RELEASES));
    else {
      const one = resolveOneRelease(query, deps);
      if ('reason' in one) return `Nothing to draw: “${query}” ${one.reason}.`;
      releases.push(one.release);
    }
  }
  const unique = [...new Map(releases.map((release) => [releaseKeyOf(release), release])).values()];
  return unique.length > MAX_CHART_RELEASES
    ? `That is ${unique.length} releases: a timeline shows at most ${MAX_CHART_RELEASES}. Name fewer.`
    : unique;
}

async function timeline(text: string, deps: CommandDeps, speaker: Speaker, asOf: string): Promise<Result> {
  const store = await deps.store();
  const team = await store.team(speaker);
  const withContract = await contractsOf(deps, speaker);
  let releases: Release[];
  if (text === '') {
    releases = Object.entries(team.counts)
      .filter(([, count]) => count > 0)
      .sort(([, a], [, b]) => b - a)
      .flatMap(([key]) => deps.releaseByKey(key) ?? [])
      .slice(0, MAX_CHART_RELEASES);
    if (releases.length === 0)
      return {
        kind: 'invalid',
        reason:
          'Name releases to draw (`/eol chart xp, windows 8.1, windows 10 22h2`) or a product (`/eol chart ubuntu`); with no names it draws the releases this channel counts, and it has none.',
      };
  } else {
    const named = releasesNamed(text, deps);
    if (typeof named === 'string') return { kind: 'invalid', reason: named };
    releases = named;
  }
  const rows: TimelineRow[] = releases.map((release) => ({
    release: withContract(release),
    count: team.counts[releaseKeyOf(release)] ?? null,
  }));
  const chart = timelineChart({ scope: scopeOf(team), asOf, rows, fileBase: `eolwatch-timeline-${fileDate(asOf)}` });
  return chart
    ? { kind: 'chart', chart }
    : { kind: 'invalid', reason: 'Nothing to draw: no support dates are known for these releases.' };
}

async function runChart(
  request: Extract<Request, { kind: 'chart' }>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const asOf = toIsoDate(deps.now());
  switch (request.scope) {
    case 'team':
      return teamBurnDown(deps, speaker, asOf);
    case 'workspace':
      return workspaceBurnDown(deps, speaker, asOf);
    case 'releases':
      return timeline(request.text, deps, speaker, asOf);
  }
}
