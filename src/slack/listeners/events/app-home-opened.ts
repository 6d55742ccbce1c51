// The Home tab opened: publish the workspace's dashboard for this user. The Messages tab is left alone.
import type { Context, types, webApi } from '@slack/bolt';
import type { HomePublisher } from '../../home-publisher.js';
import type { SlackDeps } from '../../slack-deps.js';
import { workspaceOf } from '../../workspace-of.js';

export async function handleAppHomeOpened(
  event: types.AppHomeOpenedEvent,
  client: webApi.WebClient,
  context: Context,
  home: HomePublisher,
  deps: SlackDeps,
): Promise<void> {
  if (event.tab !== 'home') return;
  const workspace = workspaceOf(context, (event.view as { team_id?: string } | undefined)?.team_id);
  try {
    await home.publish(client, workspace, event.user);
  } catch (error) {
    deps.logger.error({ err: error, workspace, event: 'app_home_opened' }, 'Home tab failed');
  }
}
