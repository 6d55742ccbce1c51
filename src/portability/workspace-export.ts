// A workspace's whole data as one JSON document (`/eol export all`), and that document written into
// another eolwatch's store (`import all`). Written and read through the store roles only, so it moves
// between the JSON store and PostgreSQL alike. History is replayed entry by entry into an empty
// workspace, which gives back the same history and the same counts.
import { connectorsOf, type ShownConnector } from '../connectors/connector-records.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { ApiToken } from '../api-tokens/api-token-store.js';
import type { EolwatchStore } from '../eolwatch-store.js';
import type { Contract } from '../contracts/apply-contract.js';
import type { HistoryEntry } from '../inventory/inventory-store.js';
import { isKeyOfWorkspace } from '../erasure/workspace-eraser.js';
import type { MilestoneMark, ReminderRecord, WatchedRelease } from '../reminders/watch-store.js';

const EXPORT_FORMAT = 'eolwatch-workspace';

export interface WorkspaceExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  workspace: string;
  exportedAt: string;
  admins: string[];
  teams: { channel: string; name: string | null; counts: Record<string, number>; history: HistoryEntry[] }[];
  channels: {
    channel: string;
    autoWatch: boolean;
    broken: { reason: string; at: string } | null;
    locked: boolean;
    watches: Record<string, WatchedRelease>;
    contracts: Record<string, Contract>;
  }[];
  reminders: Record<string, ReminderRecord>;
  marks: Record<string, MilestoneMark>;
  apiTokens: Omit<ApiToken, 'workspace'>[];
  audit: Omit<AuditEntry, 'workspace'>[];
  /** Connectors' settings and last syncs; their secrets are left out (`connectorsNote` says so). */
  connectors?: Omit<ShownConnector, 'workspace'>[];
  connectorsNote?: string;
}

export async function exportWorkspace(
  store: EolwatchStore,
  workspace: string,
  exportedAt: string,
): Promise<WorkspaceExport> {
  const watched = (await store.allWatches()).find((entry) => entry.workspace === workspace)?.channels ?? [];
  const teams = await store.teams(workspace);
  const channelsWithTeams = [
    ...new Set([...teams.map((team) => team.channel), ...watched.map((channel) => channel.channel)]),
  ].sort();
  const teamExports = [];
  for (const channel of channelsWithTeams) {
    const team = await store.team({ workspace, channel });
    const history = await store.history({ workspace, channel });
    if (team.name !== null || Object.keys(team.counts).length > 0 || history.length > 0)
      teamExports.push({ channel, name: team.name, counts: team.counts, history });
  }
  const channels = [];
  for (const { channel, autoWatch, broken, releases, contracts } of watched) {
    channels.push({
      channel,
      autoWatch,
      broken,
      locked: await store.channelLocked({ workspace, channel }),
      watches: releases,
      contracts,
    });
  }
  const ofWorkspace = <V>(map: Record<string, V>) =>
    Object.fromEntries(Object.entries(map).filter(([key]) => isKeyOfWorkspace(key, workspace)));
  return {
    format: EXPORT_FORMAT,
    version: 1,
    workspace,
    exportedAt,
    admins: await store.admins(workspace),
    teams: teamExports,
    channels,
    reminders: ofWorkspace(await store.reminderRecords()),
    marks: ofWorkspace(await store.milestoneMarks()),
    apiTokens: (await store.apiTokens(workspace)).map(({ workspace: _workspace, ...token }) => token),
    audit: (await store.auditEntries(workspace)).map(({ workspace: _workspace, ...entry }) => entry),
    connectors: (await connectorsOf(store, workspace)).map(
      ({ workspace: _workspace, sealedSecret: _secret, ...connector }) => connector,
    ),
    connectorsNote:
      'Connectors are listed without their client secrets, which are never exported: after importing, add each again with its secret (connector add).',
  };
}

/** The header an export carries; the rest is as `exportWorkspace` wrote it. */
function isWorkspaceExport(document: unknown): document is WorkspaceExport {
  const header = document as Partial<Pick<WorkspaceExport, 'format' | 'version' | 'workspace'>> | null;
  return (
    typeof header === 'object' &&
    header !== null &&
    header.format === EXPORT_FORMAT &&
    header.version === 1 &&
    typeof header.workspace === 'string'
  );
}

/** Keys carry their workspace: moved to another, they are rewritten. */
function movedKey(key: string, from: string, to: string): string {
  if (key.startsWith(`${from}|`)) return `${to}|${key.slice(from.length + 1)}`;
  if (key.startsWith(`notice|${from}|`)) return `notice|${to}|${key.slice(`notice|${from}|`.length)}`;
  return key;
}

/** Writes an export into `workspace`, which must hold nothing yet. Returns a reason when it cannot. */
export async function importWorkspace(
  store: EolwatchStore,
  workspace: string,
  document: unknown,
): Promise<{ ok: true; teams: number; history: number } | { ok: false; reason: string }> {
  if (!isWorkspaceExport(document))
    return { ok: false, reason: 'the file is not an eolwatch workspace export (`export all`)' };
  const data = document;
  if (
    (await store.teams(workspace)).length > 0 ||
    (await store.allWatches()).some((entry) => entry.workspace === workspace)
  ) {
    return {
      ok: false,
      reason: `the workspace ${workspace} already holds data here: import into an empty one (or erase it with \`forget workspace\`)`,
    };
  }
  let history = 0;
  for (const team of data.teams) {
    const ref = { workspace, channel: team.channel };
    for (const entry of team.history) {
      await store.updateCounts(
        ref,
        {
          mode: 'set',
          counts: [{ release: entry.release, count: entry.to }],
          action: entry.action,
          ...(entry.file ? { file: entry.file } : {}),
        },
        { user: entry.user, at: entry.at },
      );
      history += 1;
    }
    if (team.name !== null) await store.setTeamName(ref, team.name);
  }
  for (const channel of data.channels) {
    const ref = { workspace, channel: channel.channel };
    // The watches as exported, not as replaying the counts made them.
    const current = Object.keys((await store.channelWatches(ref)).releases);
    if (current.length > 0) await store.unwatch(ref, current);
    for (const [release, watch] of Object.entries(channel.watches))
      await store.watch(ref, [{ release, leads: watch.leads }], watch.source, watch.createdAt, watch.by);
    await store.setAutoWatch(ref, channel.autoWatch);
    if (channel.broken) await store.markBroken(ref, channel.broken.reason, channel.broken.at);
    if (channel.locked) await store.setChannelLock(ref, true);
    for (const [release, contract] of Object.entries(channel.contracts))
      await store.setContract(ref, release, contract);
  }
  for (const [key, record] of Object.entries(data.reminders))
    await store.recordReminder(movedKey(key, data.workspace, workspace), record);
  for (const [key, mark] of Object.entries(data.marks))
    await store.markMilestone(movedKey(key, data.workspace, workspace), mark);
  for (const admin of data.admins) await store.setAdmin(workspace, admin, true);
  for (const token of data.apiTokens) await store.addApiToken({ ...token, workspace });
  for (const entry of data.audit) await store.appendAudit({ ...entry, workspace });
  return { ok: true, teams: data.teams.length, history };
}
