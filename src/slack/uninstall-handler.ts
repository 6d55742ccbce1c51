// `app_uninstalled` and `tokens_revoked` (for the bot): the workspace's installation goes at once, so no
// request from it is served and no reminder is posted to it; both are logged. Its data stays for the
// grace period (installations/purge-uninstalled.ts), and a reinstall within it picks up where it left off.
import type { InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackDeps } from './slack-deps.js';
import { uninstalledKey, type InstallationRecords } from '../installations/installation-records.js';
import type { AuditLog } from '../audit/audit-log.js';

export function uninstallHandler(
  installationStore: InstallationStore | null,
  records: (() => Promise<InstallationRecords & AuditLog>) | null,
  now: () => string,
  logger: Logger,
): NonNullable<SlackDeps['onUninstall']> {
  return async (teamId, enterpriseId, event) => {
    const query = { teamId, enterpriseId, isEnterpriseInstall: teamId === undefined } as InstallationQuery<boolean>;
    await installationStore?.deleteInstallation?.(query);
    if (records && teamId) {
      const store = await records();
      await store.saveInstallation(uninstalledKey(teamId), { at: now() });
      await store.appendAudit({
        workspace: teamId,
        at: now(),
        user: 'slack',
        via: 'slack',
        channel: null,
        action: 'app.uninstall',
        change: `${event}: nothing more is posted; the data stays for the grace period`,
        releases: [],
      });
    }
    logger.warn(
      { workspace: teamId, enterprise: enterpriseId, event },
      'eolwatch was uninstalled, or its bot token revoked: nothing more is posted there',
    );
  };
}
