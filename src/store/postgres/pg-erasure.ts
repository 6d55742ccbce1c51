// WorkspaceEraser in PostgreSQL: a workspace or a channel erased from every table, for good.
import { orgWorkspaceKey, uninstalledKey, workspaceInstallKey } from '../../installations/installation-records.js';
import { channelFeedKey, feedHashKey, workspaceFeedPrefix } from '../../calendar/calendar-feeds.js';
import { workspaceConnectorPrefix } from '../../connectors/connector-records.js';
import type { WorkspaceEraser } from '../../erasure/workspace-eraser.js';
import { type TeamRef } from '../../inventory/inventory-store.js';
import { type Client, type PgDatabase } from './pg-database.js';
import type { PgWatches } from './pg-watches.js';

export class PgErasure implements WorkspaceEraser {
  constructor(
    private readonly db: PgDatabase,
    private readonly watches: PgWatches,
  ) {}

  forgetWorkspace(workspace: string): Promise<void> {
    return this.watches.changingContracts(() => this.forgetWorkspaceRows(workspace));
  }

  private forgetWorkspaceRows(workspace: string): Promise<void> {
    return this.db.transaction(async (client) => {
      for (const table of [
        'teams',
        'counts',
        'history',
        'channels',
        'watches',
        'contracts',
        'api_tokens',
        'admins',
        'audit',
      ])
        await client.query(`DELETE FROM ${table} WHERE workspace = $1`, [workspace]);
      for (const table of ['reminders', 'milestones'])
        await client.query(`DELETE FROM ${table} WHERE starts_with(key, $1) OR starts_with(key, $2)`, [
          `${workspace}|`,
          `notice|${workspace}|`,
        ]);
      await client.query('DELETE FROM installations WHERE key = ANY($1)', [
        [workspaceInstallKey(workspace), uninstalledKey(workspace), orgWorkspaceKey(workspace)],
      ]);
      await forgetFeeds(client, 'starts_with(key, $1)', workspaceFeedPrefix(workspace));
      await client.query('DELETE FROM installations WHERE starts_with(key, $1)', [workspaceConnectorPrefix(workspace)]);
    });
  }

  forgetChannel(ref: TeamRef): Promise<void> {
    return this.watches.changingContracts(() => this.forgetChannelRows(ref));
  }

  private forgetChannelRows(ref: TeamRef): Promise<void> {
    return this.db.transaction(async (client) => {
      for (const table of ['teams', 'counts', 'history', 'channels', 'watches', 'contracts', 'audit'])
        await client.query(`DELETE FROM ${table} WHERE workspace = $1 AND channel = $2`, [ref.workspace, ref.channel]);
      for (const table of ['reminders', 'milestones']) {
        await client.query(`DELETE FROM ${table} WHERE starts_with(key, $1) OR starts_with(key, $2)`, [
          `${ref.workspace}|${ref.channel}|`,
          `notice|${ref.workspace}|${ref.channel}|`,
        ]);
      }
      await forgetFeeds(client, 'key = $1', channelFeedKey(ref.workspace, ref.channel));
    });
  }
}

/** Calendar feeds' records matching `where` (on key, with $1), and the pointers to them from their hashes. */
async function forgetFeeds(client: Client, where: string, value: string): Promise<void> {
  const { rows } = await client.query<{ hash: string | null }>(
    `DELETE FROM installations WHERE ${where} AND starts_with(key, 'K:') RETURNING installation->>'hash' AS hash`,
    [value],
  );
  const hashes = rows.flatMap((row) => (row.hash ? [feedHashKey(row.hash)] : []));
  if (hashes.length > 0) await client.query('DELETE FROM installations WHERE key = ANY($1)', [hashes]);
}
