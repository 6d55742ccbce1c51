// Writes the audit entry of a change that has been made (the pipeline, from what the command's
// definition makes of its result). A change is never undone for want of its entry: should the entry
// fail to be written, the answer says so in its warning line. (Count changes hand theirs to the store
// with the change: run-inventory-update.ts; a connector's failed sync, made by no one, its own.)
import type { AuditEntry } from '../audit/audit-log.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { CommandDeps, Speaker } from './command-types.js';

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

/** Releases as people read them, for an entry's words: "Microsoft Windows 8.1, Microsoft Windows XP". */
export const titlesOf = (releases: readonly Parameters<typeof releaseTitle>[0][]): string =>
  releases.map(releaseTitle).join(', ');
