// After an uninstall, a workspace's data is kept for a grace period (a reinstall within it keeps
// everything); once it has passed, the daily job erases the workspace for good.
import type { WorkspaceEraser } from '../erasure/workspace-eraser.js';
import type { AuditLog } from '../audit/audit-log.js';
import { type InstallationRecords } from './installation-records.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Erases every workspace uninstalled more than `graceDays` before `now` (ISO); returns which. */
export async function purgeUninstalled(
  store: InstallationRecords & WorkspaceEraser & AuditLog,
  now: string,
  graceDays: number,
): Promise<string[]> {
  const purged: string[] = [];
  for (const key of await store.installationKeys('U:')) {
    const at = ((await store.installation(key)) as { at?: string } | null)?.at;
    if (!at || Date.parse(now) - Date.parse(at) < graceDays * DAY_MS) continue;
    const workspace = key.slice(2);
    await store.forgetWorkspace(workspace);
    // The erasure itself is recorded, without anything that was erased.
    await store.appendAudit({
      workspace,
      at: now,
      user: 'eolwatch',
      via: 'scheduler',
      channel: null,
      action: 'workspace.erase',
      change: `all data erased, ${graceDays} days after the uninstall`,
      releases: [],
    });
    purged.push(workspace);
  }
  return purged;
}
