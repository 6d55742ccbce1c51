// WorkspaceEraser over the JSON engine: a workspace or a channel erased from the store file, the history
// logs and the audit log, for good.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isKeyOfChannel, isKeyOfWorkspace, type WorkspaceEraser } from '../../erasure/workspace-eraser.js';
import { orgWorkspaceKey, uninstalledKey, workspaceInstallKey } from '../../installations/installation-records.js';
import { channelFeedKey, feedHashKey, workspaceFeedPrefix } from '../../calendar/calendar-feeds.js';
import { workspaceConnectorPrefix } from '../../connectors/connector-records.js';
import type { TeamRef } from '../../inventory/inventory-store.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import { historyPath, isLoggableTeam } from '../history-log.js';
import { malformedId, RUN_LOCK_WAIT_MS, type JsonFileStore } from './json-file-store.js';
import type { JsonAudit } from './json-audit.js';

export class JsonErasure implements WorkspaceEraser {
  constructor(
    private readonly engine: JsonFileStore,
    private readonly audit: JsonAudit,
  ) {}

  forgetWorkspace(workspace: string): Promise<void> {
    return this.engine.withLock(
      async () => {
        await this.audit.settled();
        if (!isIdentifier(workspace)) throw malformedId(workspace);
        const data = this.engine.data;
        delete data.workspaces[workspace];
        for (const key of Object.keys(data.reminders)) if (isKeyOfWorkspace(key, workspace)) delete data.reminders[key];
        for (const key of Object.keys(data.milestones))
          if (isKeyOfWorkspace(key, workspace)) delete data.milestones[key];
        for (const [hash, token] of Object.entries(data.apiTokens))
          if (token.workspace === workspace) delete data.apiTokens[hash];
        delete data.installations[workspaceInstallKey(workspace)];
        delete data.installations[uninstalledKey(workspace)];
        delete data.installations[orgWorkspaceKey(workspace)];
        for (const key of Object.keys(data.installations)) {
          if (key.startsWith(workspaceFeedPrefix(workspace))) this.forgetFeed(key);
          if (key.startsWith(workspaceConnectorPrefix(workspace))) delete data.installations[key];
        }
        // The store file first: should removing the logs fail, no team is left without its log.
        await this.engine.persist();
        await rm(join(this.engine.historyDir, workspace), { recursive: true, force: true });
        await rm(this.audit.path(workspace), { force: true });
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }

  /** A calendar feed's record and the pointer to it from its secret's hash. */
  private forgetFeed(key: string): void {
    const installations = this.engine.data.installations;
    const feed = installations[key] as { hash?: unknown } | undefined;
    if (typeof feed?.hash === 'string') delete installations[feedHashKey(feed.hash)];
    delete installations[key];
  }

  forgetChannel(ref: TeamRef): Promise<void> {
    return this.engine.withLock(
      async () => {
        await this.audit.settled();
        if (!isLoggableTeam(ref)) throw malformedId(ref);
        const data = this.engine.data;
        const stored = this.engine.storedWorkspace(ref.workspace);
        if (stored) {
          delete stored.teams[ref.channel];
          delete stored.channels[ref.channel];
        }
        for (const key of Object.keys(data.reminders)) if (isKeyOfChannel(key, ref)) delete data.reminders[key];
        for (const key of Object.keys(data.milestones)) if (isKeyOfChannel(key, ref)) delete data.milestones[key];
        this.forgetFeed(channelFeedKey(ref.workspace, ref.channel));
        await this.engine.persist();
        await rm(historyPath(this.engine.historyDir, ref), { force: true });
        await this.audit.eraseChannel(ref);
      },
      false,
      RUN_LOCK_WAIT_MS,
    );
  }
}
