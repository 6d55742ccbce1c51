// Writes the audit entry of a change that has been made. A change is never undone for want of its
// entry: should the entry fail to be written, the answer says so in its warning line. (Count changes
// hand theirs to the store with the change: run-inventory-update.ts.)
import type { AuditEntry } from '../audit/audit-log.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';

export type AuditChange = Pick<AuditEntry, 'action' | 'change' | 'releases'> & { channel?: string | null };

export const AUDIT_FAILED = 'Saved, but the audit log could not be written: tell whoever runs eolwatch.';

/** The entry for a change the speaker made now. */
export function auditEntryOf(deps: CommandDeps, speaker: Speaker, change: AuditChange): AuditEntry {
  return {
    workspace: speaker.workspace,
    at: deps.now().toUTC().toISO() ?? '',
    user: speaker.user,
    via: speaker.via ?? 'slack',
    channel: change.channel === undefined ? speaker.channel : change.channel,
    action: change.action,
    change: change.change,
    releases: change.releases,
  };
}

/** Appends the entry; resolves with a warning when it could not be written. */
export async function recordAudit(deps: CommandDeps, speaker: Speaker, change: AuditChange): Promise<string | null> {
  try {
    await (await deps.store()).appendAudit(auditEntryOf(deps, speaker, change));
    return null;
  } catch {
    return AUDIT_FAILED;
  }
}

const titles = (releases: { release: Parameters<typeof releaseTitle>[0] }[]) =>
  releases.map(({ release }) => releaseTitle(release)).join(', ');

/** The audit entry a command's result calls for (counts record their own, whichever way they came). */
export function auditChangeOf(result: Result): AuditChange | null {
  switch (result.kind) {
    case 'inventory-cleared':
      return {
        action: 'counts.clear',
        change:
          result.changes.map((change) => `${releaseTitle(change.release)} ${change.from} → 0`).join(', ') ||
          'nothing to clear',
        releases: result.changes.map((change) => releaseKeyOf(change.release)),
      };
    case 'team-named':
      return { action: 'team.name', change: `→ ${result.team.name ?? ''}`, releases: [] };
    case 'watched':
      return {
        action: 'watch.add',
        change: `${titles(result.releases.map((release) => ({ release })))} (lead times ${result.leads.join(', ')} days)`,
        releases: result.releases.map(releaseKeyOf),
      };
    case 'watch-auto':
      return { action: 'watch.auto', change: result.on ? 'off → on' : 'on → off', releases: [] };
    case 'unwatched':
      return result.releases.length === 0
        ? null
        : {
            action: 'watch.remove',
            change: titles(result.releases.map((release) => ({ release }))),
            releases: result.releases.map(releaseKeyOf),
          };
    case 'contracts':
      // A contract just set is the answer's only one.
      if (result.changed === 'set' && result.contracts[0]) {
        const { release, contract } = result.contracts[0];
        return {
          action: 'contract.set',
          change: `${releaseTitle(release)}: “${contract.name}” until ${contract.until}`,
          releases: [releaseKeyOf(release)],
        };
      }
      if (result.changed === 'removed' && result.removed)
        return {
          action: 'contract.remove',
          change: releaseTitle(result.removed),
          releases: [releaseKeyOf(result.removed)],
        };
      return null;
    case 'api-token-created':
      return { action: 'token.create', change: `“${result.name}”`, releases: [], channel: null };
    case 'api-token-revoked':
      return { action: 'token.revoke', change: `“${result.name}”`, releases: [], channel: null };
    case 'admins':
      return result.changed
        ? {
            action: result.changed.admin ? 'admin.add' : 'admin.remove',
            change: `<@${result.changed.user}>`,
            releases: [],
            channel: null,
          }
        : null;
    case 'export':
      return result.scope === 'all'
        ? { action: 'workspace.export', change: `exported: ${result.rows} team(s)`, releases: [], channel: null }
        : null;
    case 'milestone-marked': {
      if (!result.changed) return null;
      const change =
        result.mark === 'snoozed'
          ? `until ${result.until ?? ''}`
          : result.mark === 'handled'
            ? 'not handled → handled'
            : 'handled → not handled';
      const action = result.mark === 'snoozed' ? 'milestone.snooze' : `milestone.${result.mark}`;
      return { action, change: `${result.milestone}: ${change}`, releases: [result.release] };
    }
    case 'channel-lock':
      return {
        action: result.locked ? 'channel.lock' : 'channel.unlock',
        change: result.locked ? 'unlocked → locked' : 'locked → unlocked',
        releases: [],
      };
    default:
      return null;
  }
}
