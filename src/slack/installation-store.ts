// Bolt's InstallationStore over eolwatch's store (JSON file or PostgreSQL): an org-wide install is kept
// under its enterprise, any other under its workspace; a workspace of an org that installed org-wide is
// served by the org's installation.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { RoleStore } from '../governance/role-store.js';
import type { AuditLog } from '../audit/audit-log.js';
import {
  orgInstallKey,
  orgWorkspaceKey,
  uninstalledKey,
  workspaceInstallKey,
  type InstallationRecords,
} from '../installations/installation-records.js';

function keyOf(installation: Installation): string {
  if (installation.isEnterpriseInstall && installation.enterprise?.id) return orgInstallKey(installation.enterprise.id);
  if (installation.team?.id) return workspaceInstallKey(installation.team.id);
  throw new Error('an installation with neither a workspace nor an enterprise');
}

/** The keys to look under, most specific first. */
function keysOf(query: InstallationQuery<boolean>): string[] {
  const keys: string[] = [];
  if (!query.isEnterpriseInstall && query.teamId) keys.push(workspaceInstallKey(query.teamId));
  if (query.enterpriseId) keys.push(orgInstallKey(query.enterpriseId));
  return keys;
}

export function createInstallationStore(
  records: () => Promise<InstallationRecords & RoleStore & AuditLog>,
): InstallationStore {
  return {
    storeInstallation: async (installation) => {
      const store = await records();
      const workspace = installation.team?.id ?? installation.enterprise?.id;
      // Only a workspace's first install makes its installer an admin: anyone may run the install again
      // (to reinstall, or to add scopes), and must not become an admin by it. Admins add others.
      const first =
        workspace !== undefined &&
        (await store.installation(keyOf(installation))) === null &&
        (installation.team?.id === undefined ||
          (await store.installation(uninstalledKey(installation.team.id))) === null) &&
        (await store.admins(workspace)).length === 0;
      await store.saveInstallation(keyOf(installation), installation);
      // Reinstalled within the grace period: nothing is erased.
      if (installation.team?.id) await store.deleteInstallation(uninstalledKey(installation.team.id));
      const user = installation.user?.id;
      if (first && user) await store.setAdmin(workspace, user, true);
      if (workspace) {
        await store.appendAudit({
          workspace,
          at: new Date().toISOString(),
          user: user ?? 'unknown',
          via: 'slack',
          channel: null,
          action: 'app.install',
          change: first && user ? `installed; <@${user}> is an admin` : `installed again by <@${user ?? 'unknown'}>`,
          releases: [],
        });
      }
    },
    fetchInstallation: async (query) => {
      const store = await records();
      for (const key of keysOf(query)) {
        const found = await store.installation(key);
        if (found) return found as Installation;
      }
      throw new Error(`eolwatch is not installed in ${query.teamId ?? query.enterpriseId ?? 'that workspace'}`);
    },
    deleteInstallation: async (query) => {
      const store = await records();
      for (const key of keysOf(query)) await store.deleteInstallation(key);
    },
  };
}

/**
 * The bot token that serves a workspace: its own installation's, or, for a workspace of an org that
 * installed eolwatch org-wide, the org's. Null when neither is installed (never, or uninstalled).
 */
export async function botTokenOf(records: InstallationRecords, teamId: string): Promise<string | null> {
  const own = (await records.installation(workspaceInstallKey(teamId))) as Installation | null;
  if (own?.bot?.token) return own.bot.token;
  const org = ((await records.installation(orgWorkspaceKey(teamId))) as { enterpriseId?: string } | null)?.enterpriseId;
  if (!org) return null;
  return ((await records.installation(orgInstallKey(org))) as Installation | null)?.bot?.token ?? null;
}

/** Notes that a workspace is served by its org's org-wide install (see botTokenOf). */
export function orgWorkspaceRememberer(
  records: () => Promise<InstallationRecords>,
): (teamId: string, enterpriseId: string) => Promise<void> {
  return async (teamId, enterpriseId) => (await records()).saveInstallation(orgWorkspaceKey(teamId), { enterpriseId });
}
