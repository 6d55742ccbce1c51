// `app_uninstalled` and `tokens_revoked` (for the bot): the workspace's installation goes at once, so no
// request from it is served and no reminder is posted to it; both are logged. Its data stays, and a
// reinstall picks up where it left off.
import type { InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackDeps } from './slack-deps.js';

export function uninstallHandler(installationStore: InstallationStore | null, logger: Logger): NonNullable<SlackDeps['onUninstall']> {
  return async (teamId, enterpriseId, event) => {
    const query = { teamId, enterpriseId, isEnterpriseInstall: teamId === undefined } as InstallationQuery<boolean>;
    await installationStore?.deleteInstallation?.(query);
    logger.warn({ workspace: teamId, enterprise: enterpriseId, event }, 'eolwatch was uninstalled, or its bot token revoked: nothing more is posted there');
  };
}
